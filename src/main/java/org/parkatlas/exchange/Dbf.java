package org.parkatlas.exchange;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dBASE III table of a Shapefile: fields of type C (text), N (number), L (logical) and D (date), in one code
 * page. Written and read here rather than with H2GIS's DBF classes, which only take code-page names it maps itself
 * (it refuses "GBK") and which threw an IndexOutOfBoundsException on multi-byte text read under another encoding —
 * a Chinese shapefile from elsewhere is exactly the file that has to read well, or fail with a clear message.
 */
final class Dbf {

    /** One column: its name (at most 10 ASCII characters), type letter, width and decimals. */
    record Field(String name, char type, int width, int decimals) {
        Field {
            if (name.isEmpty() || name.length() > 10 || !StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
                throw new IllegalArgumentException("a dBASE field name is 1–10 ASCII characters: " + name);
            }
        }
    }

    /** A table read from a file: its fields, rows of raw values (String, Long, Double, Boolean, LocalDate or null). */
    record Table(List<Field> fields, List<Object[]> rows, int languageDriver) {
    }

    /** The most bytes a text field holds. */
    static final int MAX_TEXT_BYTES = 254;

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * Language driver ids (byte 29) of the code pages Chinese GIS files use, after ESRI's table; 0 says nothing and
     * is what files with a {@code .cpg} beside them usually carry.
     */
    private static final Map<Integer, String> LANGUAGE_DRIVERS = Map.ofEntries(
            Map.entry(0x4D, "GBK"), Map.entry(0x7A, "GBK"), Map.entry(0x4F, "Big5"), Map.entry(0x78, "Big5"),
            Map.entry(0x01, "IBM437"), Map.entry(0x02, "IBM850"), Map.entry(0x03, "windows-1252"),
            Map.entry(0x57, "windows-1252"), Map.entry(0x7B, "EUC-KR"), Map.entry(0x7C, "x-windows-874"),
            Map.entry(0x13, "Shift_JIS"), Map.entry(0x7D, "windows-1255"), Map.entry(0x7E, "windows-1256"));

    private Dbf() {
    }

    /** The code page a language driver id names, or null when it names none this knows. */
    static Charset languageDriverCharset(int id) {
        String name = LANGUAGE_DRIVERS.get(id);
        return name == null ? null : Charset.forName(name);
    }

    /** The language driver id to write for a charset (GBK's is 0x4D; UTF-8 has none and relies on the .cpg). */
    static int languageDriverOf(Charset charset) {
        return charset.name().equalsIgnoreCase("GBK") ? 0x4D : 0;
    }

    /** Writes a whole table: values are matched to fields by position; null leaves a field blank. */
    static byte[] write(List<Field> fields, List<Object[]> rows, Charset charset) {
        int recordLength = 1 + fields.stream().mapToInt(Field::width).sum();
        int headerLength = 32 + 32 * fields.size() + 1;
        ByteBuffer header = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
        LocalDate today = LocalDate.now();
        header.put((byte) 0x03).put((byte) (today.getYear() - 1900)).put((byte) today.getMonthValue())
                .put((byte) today.getDayOfMonth()).putInt(rows.size()).putShort((short) headerLength)
                .putShort((short) recordLength);
        header.position(29);
        header.put((byte) languageDriverOf(charset));
        header.position(32);
        for (Field field : fields) {
            byte[] name = field.name().getBytes(StandardCharsets.US_ASCII);
            header.put(name).put(new byte[11 - name.length]).put((byte) field.type()).putInt(0)
                    .put((byte) field.width()).put((byte) field.decimals()).put(new byte[14]);
        }
        header.put((byte) 0x0D);

        ByteArrayOutputStream out = new ByteArrayOutputStream(headerLength + rows.size() * recordLength + 1);
        out.writeBytes(header.array());
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        for (Object[] row : rows) {
            out.write(' '); // not deleted
            for (int i = 0; i < fields.size(); i++) {
                out.writeBytes(cell(fields.get(i), row[i], charset, encoder));
            }
        }
        out.write(0x1A);
        return out.toByteArray();
    }

    /** Bytes a text takes in a charset — the width its field needs. */
    static int byteLength(String text, Charset charset) {
        return text.getBytes(charset).length;
    }

    /** The longest start of {@code text} that fits {@code bytes} without splitting a character. */
    static String clip(String text, Charset charset, int bytes) {
        if (text.getBytes(charset).length <= bytes) {
            return text;
        }
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            int size = text.substring(end, next).getBytes(charset).length;
            if (used + size > bytes) {
                break;
            }
            used += size;
            end = next;
        }
        return text.substring(0, end);
    }

    private static byte[] cell(Field field, Object value, Charset charset, CharsetEncoder encoder) {
        byte[] cell = new byte[field.width()];
        java.util.Arrays.fill(cell, (byte) ' ');
        if (value == null) {
            return cell;
        }
        byte[] bytes = switch (field.type()) {
            case 'C' -> clip(value.toString(), charset, field.width()).getBytes(charset);
            case 'L' -> ((Boolean) value ? "T" : "F").getBytes(StandardCharsets.US_ASCII);
            case 'D' -> DATE.format((LocalDate) value).getBytes(StandardCharsets.US_ASCII);
            case 'N' -> number((Number) value, field).getBytes(StandardCharsets.US_ASCII);
            default -> throw new IllegalArgumentException("field type " + field.type());
        };
        if (field.type() == 'N') {
            System.arraycopy(bytes, 0, cell, field.width() - bytes.length, bytes.length); // right-aligned
        } else {
            System.arraycopy(bytes, 0, cell, 0, bytes.length);
        }
        return cell;
    }

    private static String number(Number value, Field field) {
        // the shortest text that reads back as the same double (57937.83, not 57937.830000000001746)
        String text = field.decimals() == 0 ? Long.toString(value.longValue())
                : new java.math.BigDecimal(Double.toString(value.doubleValue())).toPlainString();
        if (text.length() > field.width()) {
            // a very large number keeps its magnitude in scientific notation rather than losing digits at the left
            text = String.format(Locale.ROOT, "%." + Math.max(1, field.width() - 8) + "e", value.doubleValue());
        }
        return text;
    }

    /**
     * Reads a whole table in {@code charset}.
     *
     * @throws IllegalArgumentException with a reader's message when the bytes are not a dBASE table
     */
    static Table read(byte[] file, Charset charset) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 33) {
            throw new IllegalArgumentException("too short for a dBASE header");
        }
        int records = in.getInt(4);
        int headerLength = Short.toUnsignedInt(in.getShort(8));
        int recordLength = Short.toUnsignedInt(in.getShort(10));
        int languageDriver = Byte.toUnsignedInt(in.get(29));
        if (records < 0 || headerLength < 33 || headerLength > file.length || recordLength < 1) {
            throw new IllegalArgumentException("the dBASE header gives impossible sizes");
        }
        List<Field> fields = new ArrayList<>();
        int offset = 32;
        int width = 1;
        while (offset + 32 <= headerLength && file[offset] != 0x0D) {
            int nameEnd = 0;
            while (nameEnd < 11 && file[offset + nameEnd] != 0) {
                nameEnd++;
            }
            String name = new String(file, offset, nameEnd, StandardCharsets.ISO_8859_1).trim();
            char type = (char) file[offset + 11];
            int fieldWidth = Byte.toUnsignedInt(file[offset + 16]);
            int decimals = Byte.toUnsignedInt(file[offset + 17]);
            fields.add(new Field(name.isEmpty() ? "FIELD" + (fields.size() + 1) : name.length() > 10
                    ? name.substring(0, 10) : name, type, fieldWidth, decimals));
            width += fieldWidth;
            offset += 32;
        }
        if (width != recordLength) {
            throw new IllegalArgumentException("the dBASE fields (" + width + " bytes) do not fill a record ("
                    + recordLength + " bytes)");
        }
        long needed = (long) headerLength + (long) records * recordLength;
        if (needed > file.length) {
            throw new IllegalArgumentException("the dBASE file holds fewer records than its header says (" + records
                    + ")");
        }
        List<Object[]> rows = new ArrayList<>(records);
        for (int r = 0; r < records; r++) {
            int at = headerLength + r * recordLength;
            if (file[at] == '*') {
                continue; // deleted
            }
            at++;
            Object[] row = new Object[fields.size()];
            for (int f = 0; f < fields.size(); f++) {
                Field field = fields.get(f);
                row[f] = value(field, file, at, charset);
                at += field.width();
            }
            rows.add(row);
        }
        return new Table(List.copyOf(fields), rows, languageDriver);
    }

    private static Object value(Field field, byte[] file, int at, Charset charset) {
        String raw = new String(file, at, field.width(), field.type() == 'C' ? charset : StandardCharsets.ISO_8859_1);
        String text = field.type() == 'C' ? stripTrailing(raw) : raw.trim();
        if (text.isEmpty()) {
            return null;
        }
        return switch (field.type()) {
            case 'N', 'F' -> {
                if (text.chars().allMatch(c -> c == '*')) {
                    yield null; // GDAL's and ArcGIS's mark of a value that did not fit
                }
                try {
                    yield field.decimals() == 0 && !text.contains(".") && !text.contains("e") && !text.contains("E")
                            ? (Object) Long.valueOf(text) : (Object) Double.valueOf(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("field " + field.name() + " holds \"" + text
                            + "\", which is not a number");
                }
            }
            case 'L' -> switch (Character.toUpperCase(text.charAt(0))) {
                case 'T', 'Y' -> Boolean.TRUE;
                case 'F', 'N' -> Boolean.FALSE;
                default -> null; // '?' is dBASE's "not given"
            };
            case 'D' -> {
                try {
                    yield LocalDate.parse(text, DATE);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("field " + field.name() + " holds \"" + text
                            + "\", which is not a date (YYYYMMDD)");
                }
            }
            default -> text; // memo pointers, binary: kept as their text, the attribute's check decides
        };
    }

    /** Text fields are padded with spaces (and by some writers with NULs). */
    private static String stripTrailing(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\0')) {
            end--;
        }
        return text.substring(0, end);
    }
}
