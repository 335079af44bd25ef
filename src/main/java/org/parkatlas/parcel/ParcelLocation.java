package org.parkatlas.parcel;

import org.locationtech.jts.geom.Geometry;

import java.util.List;

/**
 * Where a parcel lies in the park's structure: the functional zone (三区) and the industrial park (百亿级产业园)
 * holding the largest share of its land. Worked out from the geometry on every write, never typed in, so a drawn
 * parcel is always counted in its zone's figures; a parcel outside every park has none.
 */
final class ParcelLocation {

    /** A zone or industrial park by its code, with its area. */
    public record Area(String code, Geometry geometry) {
    }

    private ParcelLocation() {
    }

    /** The code of the area covering the largest part of {@code parcel}, or null when none covers any of it. */
    public static String largestShare(Geometry parcel, List<Area> areas) {
        String best = null;
        double bestShare = 0;
        for (Area area : areas) {
            if (!area.geometry().getEnvelopeInternal().intersects(parcel.getEnvelopeInternal())) {
                continue;
            }
            double share = parcel.intersection(area.geometry()).getArea();
            if (share > bestShare) {
                best = area.code();
                bestShare = share;
            }
        }
        return best;
    }
}
