package org.parkatlas.store;

import org.parkatlas.feature.filter.Filter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A filter split, as GeoTools does, into the part the database runs and the part evaluated in Java afterwards: the
 * top-level conjuncts the store can run natively go to SQL, the rest stays in memory. Either part may be
 * {@link Filter#INCLUDE}.
 */
record FilterSplit(Filter sql, Filter memory) {

    static FilterSplit of(Filter filter, Predicate<Filter> native_) {
        List<Filter> parts = filter instanceof Filter.And and ? and.parts() : List.of(filter);
        List<Filter> sql = new ArrayList<>();
        List<Filter> memory = new ArrayList<>();
        for (Filter part : parts) {
            (native_.test(part) ? sql : memory).add(part);
        }
        return new FilterSplit(Filter.and(sql), Filter.and(memory));
    }

    boolean needsMemory() {
        return memory != Filter.INCLUDE;
    }
}
