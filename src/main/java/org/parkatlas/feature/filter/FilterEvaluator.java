package org.parkatlas.feature.filter;

import org.locationtech.jts.geom.Geometry;
import org.parkatlas.feature.Feature;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Evaluates a bound filter on one feature in memory, with JTS for the spatial relations and SQL's three-valued logic
 * (a comparison with a missing value is unknown, and unknown is not a match). Stores use it for what their database
 * cannot run; it gives the same answers the SQL does.
 */
public final class FilterEvaluator {

    private FilterEvaluator() {
    }

    public static boolean matches(Filter filter, Feature feature) {
        return Boolean.TRUE.equals(truth(filter, feature));
    }

    /** TRUE, FALSE or null for unknown. */
    private static Boolean truth(Filter filter, Feature feature) {
        if (filter instanceof Filter.Include) {
            return true;
        }
        if (filter instanceof Filter.Exclude) {
            return false;
        }
        if (filter instanceof Filter.And and) {
            boolean unknown = false;
            for (Filter part : and.parts()) {
                Boolean t = truth(part, feature);
                if (Boolean.FALSE.equals(t)) {
                    return false;
                }
                unknown |= t == null;
            }
            return unknown ? null : true;
        }
        if (filter instanceof Filter.Or or) {
            boolean unknown = false;
            for (Filter part : or.parts()) {
                Boolean t = truth(part, feature);
                if (Boolean.TRUE.equals(t)) {
                    return true;
                }
                unknown |= t == null;
            }
            return unknown ? null : false;
        }
        if (filter instanceof Filter.Not not) {
            Boolean t = truth(not.part(), feature);
            return t == null ? null : !t;
        }
        if (filter instanceof Filter.Compare compare) {
            Integer order = compare(value(compare.left(), feature), value(compare.right(), feature));
            if (order == null) {
                return null;
            }
            return compare.operator().holds(order);
        }
        if (filter instanceof Filter.Like like) {
            Object value = value(like.value(), feature);
            Object pattern = value(like.pattern(), feature);
            return value == null || pattern == null ? null : likePattern(pattern.toString()).matcher(value.toString())
                    .matches();
        }
        if (filter instanceof Filter.Between between) {
            Object value = value(between.value(), feature);
            Integer low = compare(value, value(between.low(), feature));
            Integer high = compare(value, value(between.high(), feature));
            return low == null || high == null ? null : low >= 0 && high <= 0;
        }
        if (filter instanceof Filter.In in) {
            Object value = value(in.value(), feature);
            if (value == null) {
                return null;
            }
            return in.list().stream().anyMatch(e -> Objects.equals(compare(value, value(e, feature)), 0));
        }
        if (filter instanceof Filter.IsNull isNull) {
            return value(isNull.value(), feature) == null;
        }
        if (filter instanceof Filter.Spatial spatial) {
            Geometry a = (Geometry) value(spatial.left(), feature);
            Geometry b = (Geometry) value(spatial.right(), feature);
            if (a == null || b == null) {
                return null;
            }
            return spatial.operator() == Filter.SpatialOperator.S_DWITHIN ? a.isWithinDistance(b, spatial.metres())
                    : relate(spatial.operator(), a, b);
        }
        throw new IllegalArgumentException("bind the filter before evaluating it: " + filter);
    }

    private static boolean relate(Filter.SpatialOperator operator, Geometry a, Geometry b) {
        return switch (operator) {
            case S_INTERSECTS -> a.intersects(b);
            case S_EQUALS -> a.equalsTopo(b);
            case S_DISJOINT -> a.disjoint(b);
            case S_TOUCHES -> a.touches(b);
            case S_WITHIN -> a.within(b);
            case S_OVERLAPS -> a.overlaps(b);
            case S_CROSSES -> a.crosses(b);
            case S_CONTAINS -> a.contains(b);
            case S_DWITHIN -> throw new IllegalArgumentException("S_DWITHIN needs its distance");
        };
    }

    private static Object value(Expression expression, Feature feature) {
        if (expression instanceof Expression.Property property) {
            if (property.isGeometry()) {
                return feature.geometry();
            }
            Object value = property.name().equals("id") ? feature.id() : feature.property(property.name());
            // a list of codes is matched as the JSON text the stores hold (the binder's array predicates)
            return value instanceof List<?> codes ? org.parkatlas.catalog.CodeList.toText(codes) : value;
        }
        if (expression instanceof Expression.Literal literal) {
            return literal.value();
        }
        if (expression instanceof Expression.GeometryLiteral literal) {
            return literal.geometry();
        }
        if (expression instanceof Expression.Function function) {
            Object argument = value(function.arguments().get(0), feature);
            return argument == null ? null : argument.toString().toLowerCase(Locale.ROOT);
        }
        if (expression instanceof Expression.Arithmetic arithmetic) {
            return arithmetic(arithmetic, value(arithmetic.left(), feature), value(arithmetic.right(), feature));
        }
        throw new IllegalArgumentException("bind the filter before evaluating it: " + expression);
    }

    private static Object arithmetic(Expression.Arithmetic arithmetic, Object left, Object right) {
        if (!(left instanceof Number a) || !(right instanceof Number b)) {
            return null;
        }
        boolean integers = a instanceof Long && b instanceof Long;
        return switch (arithmetic.operator()) {
            case ADD -> integers ? (Object) (a.longValue() + b.longValue()) : a.doubleValue() + b.doubleValue();
            case SUBTRACT -> integers ? (Object) (a.longValue() - b.longValue()) : a.doubleValue() - b.doubleValue();
            case MULTIPLY -> integers ? (Object) (a.longValue() * b.longValue()) : a.doubleValue() * b.doubleValue();
            case DIVIDE -> b.doubleValue() == 0 ? null : a.doubleValue() / b.doubleValue();
            case MODULO -> b.doubleValue() == 0 ? null : integers ? (Object) (a.longValue() % b.longValue())
                    : a.doubleValue() % b.doubleValue();
            case INTEGER_DIVIDE -> b.doubleValue() == 0 ? null : Math.floor(a.doubleValue() / b.doubleValue());
            case POWER -> Math.pow(a.doubleValue(), b.doubleValue());
        };
    }

    /** The order of two values, or null when either is missing. Numbers compare by value whatever their type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Integer compare(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof LocalDate || a instanceof String || a instanceof Boolean) {
            return ((Comparable) a).compareTo(b);
        }
        throw new IllegalArgumentException("cannot order " + a + " and " + b);
    }

    /** A SQL/CQL2 LIKE pattern as a regular expression: % any run, _ one character, \ escapes. */
    private static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
