package org.parkatlas.network;

import org.locationtech.jts.geom.LineString;

import java.time.LocalDate;

/**
 * A line of a network (a pipe, a cable, a road centreline) with the date from which it is in service: null when no
 * date is foreseen (a plan without a schedule), {@link Schedule#ALWAYS} when it has been in service since before any
 * record. {@code status} and the names are kept only to explain answers; {@code nameEn} falls back to {@code name}.
 */
public record NetworkLine(String id, String name, String nameEn, String status, LineString geometry,
                          LocalDate inService) {

    public NetworkLine {
        nameEn = nameEn == null || nameEn.isBlank() ? name : nameEn;
    }

    /** A line whose only name is the one it is known by in the park (Chinese, usually). */
    public NetworkLine(String id, String name, String status, LineString geometry, LocalDate inService) {
        this(id, name, null, status, geometry, inService);
    }
}
