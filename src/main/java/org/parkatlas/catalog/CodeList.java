package org.parkatlas.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one text form of a {@link AttributeType#CODE_LIST} value, as a column, a GeoPackage field or a CSV cell holds it:
 * the JSON array {@code ["planning_eia","energy"]}. Reading is lenient with what people type in a spreadsheet
 * ({@code planning_eia, energy} or {@code planning_eia；energy}); the codes are checked against the attribute's allowed
 * values afterwards, so nothing odd gets through.
 */
public final class CodeList {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;，；、]+");

    private CodeList() {
    }

    /** The JSON array text of {@code codes}, or null for none (a list with nothing in it is stored as no value). */
    public static String toText(Collection<?> codes) {
        if (codes == null || codes.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder("[");
        for (Object value : codes) {
            String code = String.valueOf(value);
            if (text.length() > 1) {
                text.append(',');
            }
            text.append('"').append(code.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return text.append(']').toString();
    }

    /** The codes in {@code text}, each once, in the order given. */
    public static List<String> parse(String text) {
        List<String> canonical = canonical(text);
        if (canonical != null) {
            return canonical;
        }
        String inner = text.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (String token : SEPARATORS.split(inner)) {
            String code = token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")
                    ? token.substring(1, token.length() - 1) : token;
            if (!code.isEmpty()) {
                codes.add(code);
            }
        }
        return List.copyOf(new ArrayList<>(codes));
    }

    /**
     * The codes of the form {@link #toText} writes — {@code ["a","b"]}, nothing escaped, no spaces, each once — read
     * without the lenient splitting (every stored value is of this form, and reading it was 3 % of an items page's
     * time); null for any other text.
     */
    private static List<String> canonical(String text) {
        int end = text.length() - 2;
        if (end < 2 || !text.startsWith("[\"") || !text.endsWith("\"]") || text.indexOf('\\') >= 0) {
            return null;
        }
        List<String> codes = new ArrayList<>(4);
        int from = 2;
        while (true) {
            int close = text.indexOf('"', from);
            if (close < 0 || close > end) {
                return null;
            }
            String code = text.substring(from, close);
            if (code.isEmpty() || codes.contains(code) || SEPARATORS.matcher(code).find()) {
                return null;
            }
            codes.add(code);
            if (close == end) {
                return List.copyOf(codes);
            }
            if (!text.startsWith("\",\"", close)) {
                return null;
            }
            from = close + 3;
        }
    }
}
