package org.parkatlas.feature;

import org.parkatlas.catalog.Audience;

import java.time.LocalDate;

/**
 * What a read answers for: the day ({@code as_of}) a parcel's readiness is judged on, and the {@link Audience} it is
 * shown to — the public, unless a door knows the reader is the park's staff. Later questions of the same kind (a
 * what-if scenario) join it here, so every reader passes them the same way.
 */
public record ReadContext(LocalDate day, Audience audience) {

    public ReadContext {
        day = day == null ? LocalDate.now() : day;
        audience = audience == null ? Audience.PUBLIC : audience;
    }

    /** A read for the public on {@code day} (today when null). */
    public ReadContext(LocalDate day) {
        this(day, Audience.PUBLIC);
    }

    /** A read for the public today. */
    public static ReadContext today() {
        return new ReadContext(null, Audience.PUBLIC);
    }
}
