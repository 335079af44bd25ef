package org.parkatlas.feature;

import java.util.List;

/** One page of a query's answer, with the number of features that match the query in all. */
public record FeaturePage(List<Feature> features, long numberMatched) {

    public FeaturePage {
        features = List.copyOf(features);
    }
}
