package org.parkatlas.http;

import org.parkatlas.catalog.Label;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The {@code as_of} parameter, read the same way by every adapter: the day derived attributes such as readiness are
 * answered for — today when absent or empty, else a date YYYY-MM-DD between 1900 and 2199 (a park plans decades,
 * not millennia; a year 999999999 is a mistake).
 */
public final class AsOf {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private AsOf() {
    }

    public static LocalDate parse(String text) {
        if (text == null || text.isBlank()) {
            return LocalDate.now();
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw refused(text);
        }
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw refused(text);
        }
        return day;
    }

    private static ApiException refused(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return ApiException.badParameter(Http.AS_OF, Label.of(
                "as_of 须为 1900-01-01 至 2199-12-31 之间的日期（YYYY-MM-DD），而不是“" + shown + "”",
                "as_of must be a date YYYY-MM-DD between 1900-01-01 and 2199-12-31, not \"" + shown + "\""));
    }
}
