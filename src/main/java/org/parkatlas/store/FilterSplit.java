package org.parkatlas.store;

import org.parkatlas.feature.filter.Filter;

import java.util.ArrayList;
import java.util.List;

/**
 * A filter split, as GeoTools does, into the part the database runs and the part evaluated in Java afterwards: the
 * conjuncts the dialect supports go to SQL, the rest stays in memory. Either part may be {@link Filter#INCLUDE}.
 */
record FilterSplit(Filter sql, Filter memory) {

    static FilterSplit of(Filter filter, SqlDialect dialect) {
        if (filter instanceof Filter.And and) {
            List<Filter> sql = new ArrayList<>();
            List<Filter> memory = new ArrayList<>();
            for (Filter part : and.parts()) {
                (runnable(part, dialect) ? sql : memory).add(part);
            }
            return new FilterSplit(Filter.and(sql), Filter.and(memory));
        }
        return runnable(filter, dialect) ? new FilterSplit(filter, Filter.INCLUDE)
                : new FilterSplit(Filter.INCLUDE, filter);
    }

    boolean needsMemory() {
        return memory != Filter.INCLUDE;
    }

    private static boolean runnable(Filter filter, SqlDialect dialect) {
        if (!dialect.supports(filter)) {
            return false;
        }
        if (filter instanceof Filter.And and) {
            return and.parts().stream().allMatch(p -> runnable(p, dialect));
        }
        if (filter instanceof Filter.Or or) {
            return or.parts().stream().allMatch(p -> runnable(p, dialect));
        }
        if (filter instanceof Filter.Not not) {
            return runnable(not.part(), dialect);
        }
        return true;
    }
}
