package org.parkatlas.parcel;

import org.locationtech.jts.geom.Geometry;
import org.parkatlas.catalog.Label;
import org.parkatlas.editing.WriteOperation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version in a parcel's history: the change that made it (create, edit, split, merge, retire, import), who made
 * it and when, a note in zh-CN and English, the attributes it left the parcel with, what changed, and the geometry
 * before and after (null where there was none: before a create, after a retire).
 */
public record ParcelVersion(String parcelId, long version, WriteOperation operation, String changedBy,
                            Instant changedAt, Label note, Map<String, Object> properties, List<Change> changes,
                            Geometry geometryBefore, Geometry geometryAfter) {

    public ParcelVersion {
        properties = properties == null ? Map.of() : properties;
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** One attribute's value before and after (null for none). */
    public record Change(String property, Object before, Object after) {
    }
}
