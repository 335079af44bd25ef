package org.parkatlas.feature;

import org.parkatlas.catalog.Layer;

import java.time.LocalDate;

/**
 * Works out a layer's derived attributes (declared in the catalogue, never stored) when features are read, as of a
 * day: a parcel's readiness, for example.
 */
public interface DerivedProperties {

    boolean appliesTo(Layer layer);

    /** The feature with its derived attributes as of {@code day}. */
    Feature enrich(Layer layer, Feature feature, LocalDate day);
}
