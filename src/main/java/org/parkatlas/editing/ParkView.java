package org.parkatlas.editing;

import org.locationtech.jts.geom.Envelope;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.Feature;

import java.util.List;

/**
 * The park as a write's rules see it: read inside the write's transaction, so it includes what the write has done so
 * far. Geometries are in the storage CRS (metres).
 */
public interface ParkView {

    /** The features of a layer whose geometry meets the box. */
    List<Feature> within(ParkLayer layer, Envelope box);

    /** Every feature of a small layer (the boundary, zones, corridors); read once per write. */
    List<Feature> all(ParkLayer layer);

    /**
     * Which of {@code codes} the layer has (by its {@code code} attribute), as it stands inside the write: what a
     * record that names parcels or firms by code is checked against.
     */
    java.util.Set<String> codes(ParkLayer layer, java.util.Collection<String> codes);

    /**
     * A feature as it was before this write first changed it, for the rules on a move from one state to another (a
     * project back to an earlier pool needs a reason); empty for a feature the write creates.
     */
    default java.util.Optional<Feature> before(ParkLayer layer, String id) {
        return java.util.Optional.empty();
    }
}
