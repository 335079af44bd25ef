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
    /**
     * The attributes each audience may not see, looked up once: they are left out of every feature it reads, and it
     * may not filter or sort by them.
     */
    private final Map<Audience, java.util.Set<String>> hidden = new java.util.EnumMap<>(Audience.class);
    /** The features the public may see at all (signed projects), or null for every one. */
    private final Filter publicRows;

    public FeatureSource(Layer layer, FeatureStore store, List<DerivedProperties> derived) {
        this.layer = layer;
        this.store = store;
        this.derived = derived.stream().filter(d -> d.appliesTo(layer)).toList();
        for (Audience audience : Audience.values()) {
            hidden.put(audience, java.util.Set.copyOf(java.util.stream.Stream.concat(layer.attributes().stream(),
                    layer.derivedAttributes().stream()).filter(a -> !audience.sees(a)).map(Attribute::name).toList()));
        }
        this.publicRows = layer.publicRows() == null ? null : new Filter.In(new org.parkatlas.feature.filter.Expression
                .Property(layer.publicRows().attribute()), layer.publicRows().values().stream().sorted()
                .<org.parkatlas.feature.filter.Expression>map(org.parkatlas.feature.filter.Expression.Literal::new)
                .toList());
    }

    /** {@code filter} narrowed to the rows {@code context}'s audience may see at all. */
    private Filter visible(Filter filter, ReadContext context) {
        return publicRows == null || context.audience() != Audience.PUBLIC ? filter
                : Filter.and(List.of(filter, publicRows));
    }

    public Layer layer() {
        return layer;
    }

    public Optional<Feature> get(String id, ReadContext context) {
        return store.get(layer, id).filter(f -> publicRows == null || context.audience() != Audience.PUBLIC
                || FilterEvaluator.matches(publicRows, f)).map(f -> shownTo(enrich(f, context), context));
    }

    public long count(Filter given, ReadContext context) {
        checkAudience(given, List.of(), context);
        FilterSplit split = split(visible(given, context));
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

    /**
     * The database's GROUP BY over the features a filter matches, where it can answer alone: the filter runs natively
     * and every attribute grouped or summed is stored (not derived). Empty otherwise — then the caller reads and adds
     * the enriched features itself.
     */
    public Optional<List<FeatureStore.GroupRow>> aggregate(Filter filter, List<String> groupBy, List<String> numbers,
                                                           String area, ReadContext context) {
        checkAudience(filter, List.of(), context);
        FilterSplit split = split(visible(filter, context));
        List<String> names = new ArrayList<>(groupBy);
        names.addAll(numbers);
        if (area != null) {
            names.add(area);
        }
        if (split.needsMemory() || names.stream().anyMatch(n -> layer.isDerived(n) || !layer.hasAttribute(n))) {
            return Optional.empty();
        }
        return Optional.of(store.aggregate(layer, split.sql(), groupBy, numbers, area));
    }

    /** How many features match a filter in all, and the sum of one numeric attribute over them. */
    public record Tally(long count, double sum) {
    }

    /**
     * One page of {@code query} handed to {@code page}, and the tally of every match: what a search shows (the first
     * results, "11 parcels, 738.2 mu"). Where the database can answer the filter alone it counts and sums, and only
     * the page is read and enriched; otherwise each candidate is enriched once, tested, counted and paged in one pass.
     */
    public Tally summarize(FeatureQuery given, String sumOf, ReadContext context, Consumer<Feature> page) {
        checkAudience(given.filter(), given.sortBy(), context);
        FeatureQuery query = new FeatureQuery(visible(given.filter(), context), given.properties(), given.sortBy(),
                given.offset(), given.limit());
        FilterSplit split = split(query.filter());
        boolean derivedSort = query.sortBy().stream().anyMatch(k -> layer.isDerived(k.property()));
        if (!split.needsMemory() && layer.hasAttribute(sumOf)) {
            FeatureStore.Tally stored = store.tally(layer, split.sql(), sumOf);
            stream(query, context, page);
            return new Tally(stored.count(), stored.sum());
        }
        // Each candidate is read with only what judging it takes (the filter's, the sort's and the sum's stored
        // attributes and those the modules derive from); the page's features are then read whole, in one query.
        List<String> lean = leanProperties(split.memory(), query.sortBy(), sumOf);
        List<String> pageIds = new ArrayList<>();
        Pager pager = new Pager(new FeatureQuery(query.filter(), null, query.sortBy(), query.offset(), query.limit()),
                f -> pageIds.add(f.id()));
        List<Feature> matches = new ArrayList<>();
        long[] count = {0};
        double[] sum = {0};
        store.stream(layer, new FeatureQuery(split.sql(), lean, derivedSort ? List.of() : query.sortBy(), 0,
                Integer.MAX_VALUE), feature -> {
            Feature judged = enrich(feature, context);
            if (!FilterEvaluator.matches(split.memory(), judged)) {
                return;
            }
            count[0]++;
            if (judged.property(sumOf) instanceof Number n) {
                sum[0] += n.doubleValue();
            }
            if (derivedSort) {
                matches.add(judged);
            } else {
                pager.offer(judged);
            }
        });
        if (derivedSort) {
            matches.sort(order(query.sortBy()));
            matches.forEach(pager::offer);
        }
        if (!pageIds.isEmpty()) {
            Map<String, Feature> whole = new java.util.HashMap<>();
            store.stream(layer, FeatureQuery.filtered(new Filter.In(new org.parkatlas.feature.filter.Expression
                    .Property("id"), pageIds.stream().<org.parkatlas.feature.filter.Expression>map(
                    org.parkatlas.feature.filter.Expression.Literal::new).toList())), f -> whole.put(f.id(), f));
            for (String id : pageIds) {
                Feature feature = whole.get(id);
                if (feature != null) { // gone since the first read: a page one short beats a page with a ghost
                    page.accept(shownTo(project(enrich(feature, context), query.properties()), context));
                }
            }
        }
        return new Tally(count[0], sum[0]);
    }

    /** The stored attributes a candidate is read with, or null (all) where a module does not say what it reads. */
    private List<String> leanProperties(Filter memory, List<SortKey> sortBy, String sumOf) {
        java.util.Set<String> names = new java.util.HashSet<>(org.parkatlas.feature.filter.FilterProperties.of(memory));
        sortBy.forEach(key -> names.add(key.property()));
        names.add(sumOf);
        return withWhatModulesRead(names);
    }

    /** The stored attributes among {@code names} and those the modules read; null (all) where one does not say. */
    private List<String> withWhatModulesRead(java.util.Set<String> names) {
        java.util.Set<String> all = new java.util.HashSet<>(names);
        for (DerivedProperties module : derived) {
            java.util.Set<String> reads = module.reads();
            if (reads == null) {
                return null;
            }
            all.addAll(reads);
        }
        return layer.attributes().stream().map(Attribute::name).filter(all::contains).toList();
    }

    public FeaturePage query(FeatureQuery query, ReadContext context) {
        List<Feature> features = new ArrayList<>();
        stream(query, context, features::add);
        return new FeaturePage(features, count(query.filter(), context));
    }

    /** Hands the page's features to {@code sink} as they are read; answers how many. */
    public long stream(FeatureQuery asked, ReadContext context, Consumer<Feature> given) {
        if (asked.limit() == 0) {
            return 0;
        }
        checkAudience(asked.filter(), asked.sortBy(), context);
        FeatureQuery query = new FeatureQuery(visible(asked.filter(), context), asked.properties(), asked.sortBy(),
                asked.offset(), asked.limit());
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
        java.util.Set<String> internal = hidden.get(context.audience());
        if (internal.isEmpty()) {
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

    /** The feature as its audience may see it: without the attributes it may not see. */
    private Feature shownTo(Feature feature, ReadContext context) {
        java.util.Set<String> internal = hidden.get(context.audience());
        if (internal.isEmpty() || internal.stream().noneMatch(feature.properties()::containsKey)) {
            return feature;
        }
        Map<String, Object> shown = new LinkedHashMap<>(feature.properties());
        shown.keySet().removeAll(internal);
        return feature.withProperties(shown);
    }

    private Feature enrich(Feature feature, ReadContext context) {
        if (derived.isEmpty()) {
            return feature;
        }
        Map<String, Object> values = new LinkedHashMap<>(32);
        for (DerivedProperties module : derived) {
            module.derive(layer, feature, context, values);
        }
        return feature.withDerived(values);
    }

    /**
     * The stored attributes a page asking for {@code properties} is read with: those asked for and, where a derived
     * one is asked for, those the modules derive from (a parcel's pool needs its code even when only the pool is
     * asked for; the page is cut down to what was asked after the modules have run).
     */
    private List<String> storedProperties(List<String> properties) {
        if (properties == null) {
            return null;
        }
        if (properties.stream().anyMatch(layer::isDerived)) {
            return withWhatModulesRead(new java.util.HashSet<>(properties));
        }
        return properties.stream().filter(layer::hasAttribute).toList();
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
