package org.parkatlas.exchange;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * CSV as analysts open it in Excel or WPS: RFC 4180 lines (CRLF; a cell with a comma, quote or line break quoted),
 * written after a UTF-8 byte-order mark so Chinese reads right, numbers without exponents, lists joined with ";",
 * and a cell a spreadsheet would run as a formula ({@code =HYPERLINK(…)} typed into a name) prefixed with {@code '}.
 */
public final class Csv {

    private Csv() {
    }

    /** Starts a file: Excel reads a CSV in the system's code page unless it begins with a BOM. */
    public static void begin(Writer out) throws IOException {
        out.write('\uFEFF');
    }

    /** A value as a cell's text; empty for none. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join(";", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                    : new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return value.toString();
    }

    public static void line(Writer out, List<String> cells) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.eE+-]+")) {
                cell = "'" + cell;
            }
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                cell = "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            line.append(i == 0 ? "" : ",").append(cell);
        }
        out.write(line.append("\r\n").toString());
    }
}
