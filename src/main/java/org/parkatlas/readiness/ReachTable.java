package org.parkatlas.readiness;

import org.locationtech.jts.geom.Geometry;

import java.util.concurrent.ConcurrentHashMap;

/**
 * For one item's network, each parcel's lines within reach, by their place in the network, with their distances, in
 * the order the line index found them: the geometry work of an assessment, which a change of dates does not change.
 * Engines whose network for the item is the same graph share one table (the park's engine and every scenario's), so
 * a scenario that moves a source's date — every line it feeds — assesses 100 000 parcels by looking dates up
 * instead of measuring again. A parcel whose geometry is not the one its entry was measured for is measured again.
 */
final class ReachTable {

    /**
     * @param lines     the lines within reach, by their index in the network
     * @param nearest   the distance to the nearest line when none is within reach (null: no line at all)
     */
    record Reach(Geometry geometry, int[] lines, double[] distances, Double nearest) {
    }

    private final ConcurrentHashMap<String, Reach> byParcel = new ConcurrentHashMap<>();

    /** The parcel's entry when it was measured for this geometry; null otherwise. */
    Reach of(ParkWorks.Parcel parcel) {
        Reach reach = byParcel.get(parcel.id());
        return reach != null && reach.geometry() == parcel.geometry() ? reach : null;
    }

    void put(ParkWorks.Parcel parcel, Reach reach) {
        byParcel.put(parcel.id(), reach);
    }
}
