package org.parkatlas.ogcapi;

import org.parkatlas.catalog.Layer;
import org.parkatlas.feature.DerivedProperties;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.feature.filter.FilterEvaluator;
import org.parkatlas.feature.filter.FilterProperties;
import org.parkatlas.store.FeatureStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads features as the API serves them: from the store, with their derived attributes (a parcel's readiness) as of
 * a day. A filter on derived attributes cannot run in the database, so that part is evaluated here, after the store
 * has run the rest, and paging is done here too — exact, like every other page.
 */
@Component
class ItemsReader {

    private final FeatureStore store;
    private final List<DerivedProperties> derived;

    ItemsReader(FeatureStore store, List<DerivedProperties> derived) {
        this.store = store;
        this.derived = List.copyOf(derived);
    }

    long count(Layer layer, FeatureQuery query, LocalDate day) {
        Split split = split(layer, query.filter());
        if (split.memory() == Filter.INCLUDE) {
            return store.count(layer, query.filter());
        }
        long[] matched = {0};
        store.stream(layer, FeatureQuery.filtered(split.stored()), feature -> {
            if (FilterEvaluator.matches(split.memory(), enrich(layer, feature, day))) {
                matched[0]++;
            }
        });
        return matched[0];
    }

    long stream(Layer layer, FeatureQuery query, LocalDate day, Consumer<Feature> sink) {
        Split split = split(layer, query.filter());
        if (split.memory() == Filter.INCLUDE) {
            return store.stream(layer, query, feature -> sink.accept(enrich(layer, feature, day)));
        }
        long[] skipped = {0};
        long[] handed = {0};
        FeatureQuery stored = new FeatureQuery(split.stored(), null, query.sortBy(), 0, Integer.MAX_VALUE);
        store.stream(layer, stored, feature -> {
            Feature enriched = enrich(layer, feature, day);
            if (handed[0] < query.limit() && FilterEvaluator.matches(split.memory(), enriched)) {
                if (skipped[0] < query.offset()) {
                    skipped[0]++;
                } else {
                    sink.accept(enriched);
                    handed[0]++;
                }
            }
        });
        return handed[0];
    }

    Optional<Feature> get(Layer layer, String id, LocalDate day) {
        return store.get(layer, id).map(f -> enrich(layer, f, day));
    }

    Feature enrich(Layer layer, Feature feature, LocalDate day) {
        Feature result = feature;
        for (DerivedProperties properties : derived) {
            if (properties.appliesTo(layer)) {
                result = properties.enrich(layer, result, day);
            }
        }
        return result;
    }

    /** The conjuncts on stored attributes (for the database) and those on derived ones (for here). */
    private record Split(Filter stored, Filter memory) {
    }

    private static Split split(Layer layer, Filter filter) {
        if (layer.derivedAttributes().isEmpty()) {
            return new Split(filter, Filter.INCLUDE);
        }
        List<Filter> parts = filter instanceof Filter.And and ? and.parts() : List.of(filter);
        List<Filter> stored = new ArrayList<>();
        List<Filter> memory = new ArrayList<>();
        for (Filter part : parts) {
            boolean derived = FilterProperties.of(part).stream().anyMatch(layer::isDerived);
            (derived ? memory : stored).add(part);
        }
        return new Split(Filter.and(stored), Filter.and(memory));
    }
}
