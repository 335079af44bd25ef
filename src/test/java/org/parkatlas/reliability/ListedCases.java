package org.parkatlas.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The cases of {@code reliability/listed-cases.txt}: every case the hardening issue lists, written down as data. */
final class ListedCases {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(repeat (\\d+) ([^}]*)|hex ([0-9a-f ]+)|gpkg ([a-z-]+))}}");
    private static final Pattern EXPECT = Pattern.compile("=> (\\d{3})(?: ([^\" ]+))?(?: \"([^\"]*)\")?( zh)?");

    private ListedCases() {
    }

    static List<CorpusCase> read(Function<String, byte[]> geoPackages) {
        String text;
        try (InputStream in = ListedCases.class.getResourceAsStream("/reliability/listed-cases.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<CorpusCase> cases = new ArrayList<>();
        for (String block : text.split("\n### ")) {
            if (block.startsWith("#")) {
                continue; // the file's own explanation
            }
            cases.add(parse(block, geoPackages));
        }
        return cases;
    }

    private static CorpusCase parse(String block, Function<String, byte[]> geoPackages) {
        String[] lines = block.split("\n", -1);
        String name = lines[0].trim();
        boolean signedIn = lines[1].endsWith(" as: admin");
        String requestLine = signedIn ? lines[1].substring(0, lines[1].length() - " as: admin".length()) : lines[1];
        String[] request = requestLine.split(" ", 2);
        List<String[]> headers = new ArrayList<>();
        int i = 2;
        for (; lines[i].startsWith("~ "); i++) {
            String header = lines[i].substring(2);
            int colon = header.indexOf(':');
            headers.add(new String[]{header.substring(0, colon).trim(), header.substring(colon + 1).trim()});
        }
        Matcher expect = EXPECT.matcher(lines[i]);
        if (!expect.matches()) {
            throw new IllegalArgumentException("case \"" + name + "\": expected \"=> status [where] [\\\"words\\\"]\", "
                    + "found " + lines[i]);
        }
        StringBuilder body = new StringBuilder();
        for (int b = i + 2; b < lines.length; b++) {
            body.append(b > i + 2 ? "\n" : "").append(lines[b]);
        }
        String bodyText = body.toString().strip();
        return new CorpusCase(name, request[0], new String(expand(request[1], geoPackages), StandardCharsets.UTF_8),
                headers, bodyText.isEmpty() ? null : expand(bodyText, geoPackages), signedIn,
                new CorpusCase.Expected(Integer.parseInt(expect.group(1)), false, expect.group(2), expect.group(3),
                        expect.group(4) == null));
    }

    /** The text with its templates expanded, as bytes (a template may stand for bytes that are not UTF-8). */
    private static byte[] expand(String text, Function<String, byte[]> geoPackages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Matcher m = TEMPLATE.matcher(text);
        int at = 0;
        while (m.find()) {
            out.writeBytes(text.substring(at, m.start()).getBytes(StandardCharsets.UTF_8));
            if (m.group(2) != null) {
                out.writeBytes(m.group(3).repeat(Integer.parseInt(m.group(2))).getBytes(StandardCharsets.UTF_8));
            } else if (m.group(4) != null) {
                out.writeBytes(HexFormat.of().parseHex(m.group(4).replace(" ", "")));
            } else {
                out.writeBytes(geoPackages.apply(m.group(5)));
            }
            at = m.end();
        }
        out.writeBytes(text.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
