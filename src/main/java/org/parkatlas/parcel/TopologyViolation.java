package org.parkatlas.parcel;

import org.locationtech.jts.geom.Geometry;

import java.util.List;

/**
 * A broken parcel rule, as JTS reports a topology error: what rule, in words, which other features it is broken
 * against, and where (the overlap, the part inside a red line …), so a map can draw it in red.
 */
public record TopologyViolation(String rule, String message, List<String> conflicting, Geometry where) {

    public TopologyViolation {
        conflicting = conflicting == null ? List.of() : List.copyOf(conflicting);
    }
}
