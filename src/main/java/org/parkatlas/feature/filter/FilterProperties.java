package org.parkatlas.feature.filter;

import java.util.HashSet;
import java.util.Set;

/** The property names a filter refers to. */
public final class FilterProperties {

    private FilterProperties() {
    }

    public static Set<String> of(Filter filter) {
        Set<String> names = new HashSet<>();
        collect(filter, names);
        return names;
    }

    private static void collect(Filter filter, Set<String> names) {
        if (filter instanceof Filter.And and) {
            and.parts().forEach(p -> collect(p, names));
        } else if (filter instanceof Filter.Or or) {
            or.parts().forEach(p -> collect(p, names));
        } else if (filter instanceof Filter.Not not) {
            collect(not.part(), names);
        } else if (filter instanceof Filter.Compare c) {
            collect(c.left(), names);
            collect(c.right(), names);
        } else if (filter instanceof Filter.Like like) {
            collect(like.value(), names);
            collect(like.pattern(), names);
        } else if (filter instanceof Filter.Between between) {
            collect(between.value(), names);
            collect(between.low(), names);
            collect(between.high(), names);
        } else if (filter instanceof Filter.In in) {
            collect(in.value(), names);
            in.list().forEach(e -> collect(e, names));
        } else if (filter instanceof Filter.IsNull isNull) {
            collect(isNull.value(), names);
        } else if (filter instanceof Filter.Spatial spatial) {
            collect(spatial.left(), names);
            collect(spatial.right(), names);
        } else if (filter instanceof Filter.Temporal temporal) {
            collect(temporal.left(), names);
            collect(temporal.right(), names);
        } else if (filter instanceof Filter.ArrayPredicate array) {
            collect(array.left(), names);
            collect(array.right(), names);
        }
    }

    private static void collect(Expression expression, Set<String> names) {
        if (expression instanceof Expression.Property property) {
            names.add(property.name());
        } else if (expression instanceof Expression.Arithmetic arithmetic) {
            collect(arithmetic.left(), names);
            collect(arithmetic.right(), names);
        } else if (expression instanceof Expression.Function function) {
            function.arguments().forEach(a -> collect(a, names));
        } else if (expression instanceof Expression.Interval interval) {
            if (interval.start() != null) {
                collect(interval.start(), names);
            }
            if (interval.end() != null) {
                collect(interval.end(), names);
            }
        }
    }
}
