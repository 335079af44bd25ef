package org.parkatlas.feature;

import org.parkatlas.catalog.Audience;

import java.time.LocalDate;

/**
 * What a read answers for: the day ({@code as_of}) a parcel's readiness is judged on, the {@link Audience} it is
 * shown to — the public, unless a door knows the reader is the park's staff — and the what-if scenario whose works
 * readiness is worked out over ({@code scenario}; null for the park as it is planned). Every reader passes them the
 * same way, so a scenario answers through items, sheets, the finder, statistics and tiles alike.
 *
 * @param scenario a scenario's id, already checked by the door to exist and to be the reader's to see
 */
public record ReadContext(LocalDate day, Audience audience, String scenario) {

    public ReadContext {
        day = day == null ? LocalDate.now() : day;
        audience = audience == null ? Audience.PUBLIC : audience;
    }

    /** A read of the park as planned. */
    public ReadContext(LocalDate day, Audience audience) {
        this(day, audience, null);
    }

    /** A read for the public on {@code day} (today when null). */
    public ReadContext(LocalDate day) {
        this(day, Audience.PUBLIC, null);
    }

    /** A read for the public today. */
    public static ReadContext today() {
        return new ReadContext(null, Audience.PUBLIC, null);
    }

    /** The same read inside a scenario (null: the park as planned). */
    public ReadContext inScenario(String scenarioId) {
        return new ReadContext(day, audience, scenarioId);
    }
}
