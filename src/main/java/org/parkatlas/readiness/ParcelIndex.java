package org.parkatlas.readiness;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The park's parcels by id, with a spatial index built when first asked for near what (a line whose date moved), and
 * dropped when a parcel moves, comes or goes.
 */
final class ParcelIndex {

    private final Map<String, ParkWorks.Parcel> parcels;
    private volatile STRtree index;

    ParcelIndex(Map<String, ParkWorks.Parcel> parcels) {
        this.parcels = parcels;
    }

    Map<String, ParkWorks.Parcel> all() {
        return parcels;
    }

    ParkWorks.Parcel get(String id) {
        return parcels.get(id);
    }

    void put(ParkWorks.Parcel parcel) {
        parcels.put(parcel.id(), parcel);
        index = null;
    }

    void remove(String id) {
        parcels.remove(id);
        index = null;
    }

    /** The parcels within {@code reach} of a geometry. */
    @SuppressWarnings("unchecked")
    List<ParkWorks.Parcel> near(Geometry geometry, double reach) {
        STRtree tree = index;
        if (tree == null) {
            tree = new STRtree();
            for (ParkWorks.Parcel p : parcels.values()) {
                tree.insert(p.geometry().getEnvelopeInternal(), p);
            }
            tree.build();
            index = tree;
        }
        Envelope search = new Envelope(geometry.getEnvelopeInternal());
        search.expandBy(reach);
        List<ParkWorks.Parcel> near = new ArrayList<>();
        for (Object candidate : tree.query(search)) {
            ParkWorks.Parcel parcel = (ParkWorks.Parcel) candidate;
            if (parcel.geometry().isWithinDistance(geometry, reach)) {
                near.add(parcel);
            }
        }
        return near;
    }
}
