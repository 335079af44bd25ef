package org.parkatlas.feature.filter;

import org.parkatlas.feature.filter.Expression.Interval;
import org.parkatlas.feature.filter.Filter.Operator;

import java.util.List;

/**
 * Rewrites a CQL2 temporal predicate ({@code T_AFTER}, {@code T_DURING} …) into comparisons of instants, which every
 * store runs natively. An instant is the interval [t, t]; an open end ({@code ..}) is minus or plus infinity, so a
 * comparison with it is decided here, without the database.
 */
final class TemporalRewriter {

    /** One end of an interval: an expression, or an infinity (-1 before every time, +1 after). */
    private record End(Expression value, int infinity) {
        static End of(Expression value, int infinityIfOpen) {
            return value == null ? new End(null, infinityIfOpen) : new End(value, 0);
        }
    }

    private TemporalRewriter() {
    }

    static Filter rewrite(Filter.Temporal temporal) {
        End a1 = start(temporal.left());
        End a2 = end(temporal.left());
        End b1 = start(temporal.right());
        End b2 = end(temporal.right());
        return switch (temporal.operator()) {
            case T_AFTER -> cmp(a1, Operator.GT, b2);
            case T_BEFORE -> cmp(a2, Operator.LT, b1);
            case T_CONTAINS -> and(cmp(a1, Operator.LT, b1), cmp(a2, Operator.GT, b2));
            case T_DISJOINT -> or(cmp(a2, Operator.LT, b1), cmp(a1, Operator.GT, b2));
            case T_DURING -> and(cmp(a1, Operator.GT, b1), cmp(a2, Operator.LT, b2));
            case T_EQUALS -> and(cmp(a1, Operator.EQ, b1), cmp(a2, Operator.EQ, b2));
            case T_FINISHEDBY -> and(cmp(a1, Operator.LT, b1), cmp(a2, Operator.EQ, b2));
            case T_FINISHES -> and(cmp(a1, Operator.GT, b1), cmp(a2, Operator.EQ, b2));
            case T_INTERSECTS -> and(cmp(a1, Operator.LE, b2), cmp(a2, Operator.GE, b1));
            case T_MEETS -> cmp(a2, Operator.EQ, b1);
            case T_METBY -> cmp(a1, Operator.EQ, b2);
            case T_OVERLAPPEDBY -> and(cmp(a1, Operator.GT, b1), cmp(a1, Operator.LT, b2), cmp(a2, Operator.GT, b2));
            case T_OVERLAPS -> and(cmp(a1, Operator.LT, b1), cmp(a2, Operator.GT, b1), cmp(a2, Operator.LT, b2));
            case T_STARTEDBY -> and(cmp(a1, Operator.EQ, b1), cmp(a2, Operator.GT, b2));
            case T_STARTS -> and(cmp(a1, Operator.EQ, b1), cmp(a2, Operator.LT, b2));
        };
    }

    private static End start(Expression e) {
        return e instanceof Interval interval ? End.of(interval.start(), -1) : End.of(e, -1);
    }

    private static End end(Expression e) {
        return e instanceof Interval interval ? End.of(interval.end(), +1) : End.of(e, +1);
    }

    private static Filter cmp(End left, Operator operator, End right) {
        if (left.infinity() == 0 && right.infinity() == 0) {
            return new Filter.Compare(left.value(), operator, right.value());
        }
        int order = Integer.compare(left.infinity(), right.infinity());
        return operator.holds(order) ? Filter.INCLUDE : Filter.EXCLUDE;
    }

    private static Filter and(Filter... parts) {
        return Filter.and(List.of(parts));
    }

    private static Filter or(Filter a, Filter b) {
        if (a == Filter.INCLUDE || b == Filter.INCLUDE) {
            return Filter.INCLUDE;
        }
        if (a == Filter.EXCLUDE) {
            return b;
        }
        return b == Filter.EXCLUDE ? a : new Filter.Or(List.of(a, b));
    }
}
