package org.parkatlas.ogcapi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What GDAL before 3.7 (Debian 12's 3.6) writes in the pre-1.0 {@code cql-text} it sends for {@code -where}, made
 * CQL2: {@code code ILIKE 'gt%'} becomes {@code CASEI(code) LIKE CASEI('gt%')}. Its booleans as {@code = 1} and
 * dates as {@code '2025-01-01T'} are taken by the binder in this mode. Strict CQL2 ({@code cql2-text}) is unchanged.
 */
final class GdalCqlText {

    // a property (bare or double-quoted), ILIKE, a string literal ('' inside for a quote)
    private static final Pattern ILIKE = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_]*|\"[^\"]+\")\\s+ILIKE\\s+('(?:[^']|'')*')", Pattern.CASE_INSENSITIVE);

    private GdalCqlText() {
    }

    static String toCql2(String text) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        Matcher m = ILIKE.matcher(text);
        while (m.find()) {
            if (insideString(text, m.start())) {
                continue; // ILIKE written inside a string literal is text, not an operator
            }
            out.append(text, at, m.start()).append("CASEI(").append(m.group(1)).append(") LIKE CASEI(")
                    .append(m.group(2)).append(')');
            at = m.end();
        }
        return out.append(text.substring(at)).toString();
    }

    private static boolean insideString(String text, int position) {
        boolean inside = false;
        for (int i = 0; i < position; i++) {
            if (text.charAt(i) == '\'') {
                inside = !inside; // a doubled '' flips twice
            }
        }
        return inside;
    }
}
