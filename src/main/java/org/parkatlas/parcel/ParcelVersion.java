package org.parkatlas.parcel;

import org.locationtech.jts.geom.Geometry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version in a parcel's history: the change that made it (create, edit, split, merge, retire), who made it
 * and when, the attributes it left the parcel with, what changed, and the geometry before and after (null where
 * there was none: before a create, after a retire).
 */
public record ParcelVersion(String parcelId, long version, Operation operation, String changedBy, Instant changedAt,
                            String note, Map<String, Object> properties, List<Change> changes,
                            Geometry geometryBefore, Geometry geometryAfter) {

    public ParcelVersion {
        properties = properties == null ? Map.of() : properties;
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** What was done to the parcel. */
    public enum Operation { CREATE, EDIT, SPLIT, MERGE, RETIRE }

    /** One attribute's value before and after (null for none). */
    public record Change(String property, Object before, Object after) {
    }
}
