package org.parkatlas.feature;

import org.parkatlas.feature.filter.Filter;

import java.util.List;

/**
 * What to read from a layer, in the shape of GeoTools' {@code Query}: a filter (whose spatial parts are in the
 * layer's storage CRS), the properties to return (null for all), the sort order and the page. Features are always
 * ordered by id after the given sort keys, so pages are stable and a client that follows them sees each feature once.
 */
public record FeatureQuery(Filter filter, List<String> properties, List<SortKey> sortBy, long offset, int limit) {

    public FeatureQuery {
        filter = filter == null ? Filter.INCLUDE : filter;
        sortBy = sortBy == null ? List.of() : List.copyOf(sortBy);
        properties = properties == null ? null : List.copyOf(properties);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }

    /** Every feature of the layer, in id order. */
    public static FeatureQuery all() {
        return new FeatureQuery(Filter.INCLUDE, null, List.of(), 0, Integer.MAX_VALUE);
    }

    public static FeatureQuery filtered(Filter filter) {
        return new FeatureQuery(filter, null, List.of(), 0, Integer.MAX_VALUE);
    }

    public FeatureQuery page(long newOffset, int newLimit) {
        return new FeatureQuery(filter, properties, sortBy, newOffset, newLimit);
    }
}
