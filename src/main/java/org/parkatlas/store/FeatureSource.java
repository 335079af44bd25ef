package org.parkatlas.store;

import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Layer;
import org.parkatlas.feature.DerivedProperties;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeaturePage;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.feature.SortKey;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.feature.filter.FilterEvaluator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One layer as every reader sees it (GeoTools' {@code FeatureSource}): its stored attributes and those its modules
 * derive (a parcel's readiness), all filterable and sortable with exact pages and counts. The one place a query is
 * split ({@link FilterSplit}): what the store runs natively goes to the database, the rest — parts on derived
 * attributes, or that a dialect cannot run — is evaluated here on the enriched features, which are then paged here.
 */
public final class FeatureSource {

    private final Layer layer;
    private final FeatureStore store;
    private final List<DerivedProperties> derived;
    /** The layer's staff-only attributes, looked up once: they are left out of every feature the public reads. */
    private final java.util.Set<String> internal;

    public FeatureSource(Layer layer, FeatureStore store, List<DerivedProperties> derived) {
        this.layer = layer;
        this.store = store;
        this.derived = derived.stream().filter(d -> d.appliesTo(layer)).toList();
        this.internal = java.util.Set.copyOf(layer.attributesFor(Audience.STAFF).stream().filter(Attribute::internal)
                .map(Attribute::name).toList());
    }

    public Layer layer() {
        return layer;
    }

    public Optional<Feature> get(String id, ReadContext context) {
        return store.get(layer, id).map(f -> shownTo(enrich(f, context), context));
    }

    public long count(Filter filter, ReadContext context) {
        checkAudience(filter, List.of(), context);
        FilterSplit split = split(filter);
        if (!split.needsMemory()) {
            return store.count(layer, split.sql());
        }
        long[] matched = {0};
        store.stream(layer, FeatureQuery.filtered(split.sql()), feature -> {
            if (FilterEvaluator.matches(split.memory(), enrich(feature, context))) {
                matched[0]++;
            }
        });
        return matched[0];
    }

    public FeaturePage query(FeatureQuery query, ReadContext context) {
        List<Feature> features = new ArrayList<>();
        stream(query, context, features::add);
        return new FeaturePage(features, count(query.filter(), context));
    }

    /** Hands the page's features to {@code sink} as they are read; answers how many. */
    public long stream(FeatureQuery query, ReadContext context, Consumer<Feature> given) {
        if (query.limit() == 0) {
            return 0;
        }
        checkAudience(query.filter(), query.sortBy(), context);
        Consumer<Feature> sink = feature -> given.accept(shownTo(feature, context));
        FilterSplit split = split(query.filter());
        boolean derivedSort = query.sortBy().stream().anyMatch(k -> layer.isDerived(k.property()));
        if (!split.needsMemory() && !derivedSort) {
            FeatureQuery stored = new FeatureQuery(split.sql(), storedProperties(query.properties()), query.sortBy(),
                    query.offset(), query.limit());
            return store.stream(layer, stored, feature -> sink.accept(project(enrich(feature, context),
                    query.properties())));
        }
        List<SortKey> storedSort = derivedSort ? List.of() : query.sortBy();
        Pager pager = new Pager(query, sink);
        if (derivedSort) {
            // sorted on a derived attribute: every match must be seen before the first of the page is known
            List<Feature> matches = new ArrayList<>();
            store.stream(layer, new FeatureQuery(split.sql(), null, storedSort, 0, Integer.MAX_VALUE), feature -> {
                Feature enriched = enrich(feature, context);
                if (FilterEvaluator.matches(split.memory(), enriched)) {
                    matches.add(enriched);
                }
            });
            matches.sort(order(query.sortBy()));
            matches.forEach(pager::offer);
        } else {
            store.stream(layer, new FeatureQuery(split.sql(), null, storedSort, 0, Integer.MAX_VALUE), feature -> {
                if (!pager.full()) {
                    Feature enriched = enrich(feature, context);
                    if (FilterEvaluator.matches(split.memory(), enriched)) {
                        pager.offer(enriched);
                    }
                }
            });
        }
        return pager.handed;
    }

    /** The part of {@code filter} the store runs, and the part evaluated here. */
    FilterSplit split(Filter filter) {
        return FilterSplit.of(filter, part -> store.supports(part) && layer.derivedAttributes().stream()
                .noneMatch(a -> org.parkatlas.feature.filter.FilterProperties.of(part).contains(a.name())));
    }

    /**
     * The door's own checks keep the public from naming an internal attribute; this is the last one, where every
     * read passes: a filter or sort on one would tell its values apart as surely as showing them.
     */
    private void checkAudience(Filter filter, List<SortKey> sortBy, ReadContext context) {
        if (context.audience() == Audience.STAFF || internal.isEmpty()) {
            return;
        }
        java.util.Set<String> named = new java.util.HashSet<>(org.parkatlas.feature.filter.FilterProperties.of(filter));
        sortBy.forEach(key -> named.add(key.property()));
        for (String name : named) {
            if (internal.contains(name)) {
                throw new org.parkatlas.feature.filter.InvalidFilterException(org.parkatlas.catalog.Label.of("过滤条件无效：“"
                        + name + "”不是 " + layer.id() + " 的可查询属性；见 /ogcapi/collections/" + layer.id()
                        + "/queryables", "\"" + name + "\" is not a queryable of " + layer.id() + "; see /ogcapi/collections/"
                        + layer.id() + "/queryables"));
            }
        }
    }

    /** The feature as its audience may see it: without internal attributes for the public. */
    private Feature shownTo(Feature feature, ReadContext context) {
        if (context.audience() == Audience.STAFF || internal.stream().noneMatch(feature.properties()::containsKey)) {
            return feature;
        }
        Map<String, Object> shown = new LinkedHashMap<>(feature.properties());
        shown.keySet().removeAll(internal);
        return feature.withProperties(shown);
    }

    private Feature enrich(Feature feature, ReadContext context) {
        Feature result = feature;
        for (DerivedProperties properties : derived) {
            result = properties.enrich(layer, result, context);
        }
        return result;
    }

    private List<String> storedProperties(List<String> properties) {
        return properties == null ? null : properties.stream().filter(layer::hasAttribute).toList();
    }

    private static Feature project(Feature feature, List<String> properties) {
        if (properties == null) {
            return feature;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        feature.properties().forEach((name, value) -> {
            if (properties.contains(name)) {
                kept.put(name, value);
            }
        });
        return feature.withProperties(kept);
    }

    /** The query's order over enriched features: its keys with nulls last either way, then the id. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Feature> order(List<SortKey> keys) {
        Comparator<Feature> order = (a, b) -> 0;
        for (SortKey key : keys) {
            Comparator<Object> values = key.ascending() ? (x, y) -> ((Comparable) x).compareTo(y)
                    : (x, y) -> ((Comparable) y).compareTo(x);
            order = order.thenComparing(f -> f.property(key.property()), Comparator.nullsLast(values));
        }
        return order.thenComparing(Feature::id);
    }

    /** Skips to the query's offset and takes its limit. */
    private static final class Pager {
        private final FeatureQuery query;
        private final Consumer<Feature> sink;
        private long skipped;
        private long handed;

        Pager(FeatureQuery query, Consumer<Feature> sink) {
            this.query = query;
            this.sink = sink;
        }

        boolean full() {
            return handed >= query.limit();
        }

        void offer(Feature feature) {
            if (full()) {
                return;
            }
            if (skipped < query.offset()) {
                skipped++;
            } else {
                sink.accept(project(feature, query.properties()));
                handed++;
            }
        }
    }
}
