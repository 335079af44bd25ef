package org.parkatlas.feature;

import java.time.LocalDate;

/**
 * What a read answers derived attributes for: the day ({@code as_of}) a parcel's readiness is judged on. Later
 * questions of the same kind (a what-if scenario) join it here, so every reader passes them the same way.
 */
public record ReadContext(LocalDate day) {

    public ReadContext {
        day = day == null ? LocalDate.now() : day;
    }

    public static ReadContext today() {
        return new ReadContext(null);
    }
}
