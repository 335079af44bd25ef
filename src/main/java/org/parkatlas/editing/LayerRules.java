package org.parkatlas.editing;

import org.parkatlas.catalog.Layer;
import org.parkatlas.feature.Feature;

import org.parkatlas.catalog.Label;

import java.util.List;
import java.util.Map;

/**
 * The rules of one layer, contributed by the module that owns it (the parcel module for 标准地) and run by the
 * {@link FeatureWriter} on every write to that layer, whoever writes: the OGC API, the map, split and merge, an
 * import, the seeding. Both steps run inside the write's transaction, with the park's write lock held.
 */
public interface LayerRules {

    boolean appliesTo(Layer layer);

    /**
     * The feature with what the owning module derives from its geometry set (e.g. the zone holding most of a
     * parcel), before it is written. The computed areas are already set.
     */
    default Feature prepare(Layer layer, Feature feature, ParkView park) {
        return feature;
    }

    /**
     * Every rule the feature, as written, breaks against the park as it now stands inside the transaction, which
     * includes the write itself and the other features of the same request (so an import is checked as a whole).
     */
    List<RuleViolation> check(Layer layer, Feature written, ParkView park);

    /**
     * The short name of every rule these rules (and the module's own operations) can report, by rule id, for a map
     * to label a violation with; the violation's message says the rest.
     */
    default Map<String, Label> ruleNames() {
        return Map.of();
    }
}
