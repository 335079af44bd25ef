package org.parkatlas.feature.filter;

import org.locationtech.jts.geom.Geometry;
import org.parkatlas.feature.filter.Expression.GeometryLiteral;
import org.parkatlas.feature.filter.Expression.Literal;
import org.parkatlas.feature.filter.Expression.Property;

import java.util.List;

/**
 * A filter tree over a layer's attributes and geometry: the one form that every query language (OGC query
 * parameters, CQL2 text, CQL2 JSON) is parsed into. Stores translate it to SQL with a {@link FilterVisitor}; what a
 * store cannot translate is evaluated in memory ({@link FilterEvaluator}).
 */
public sealed interface Filter {

    /** Matches every feature. */
    Filter INCLUDE = new Include();

    /** Matches no feature. */
    Filter EXCLUDE = new Exclude();

    <R> R accept(FilterVisitor<R> visitor);

    static Filter and(List<Filter> parts) {
        if (parts.contains(EXCLUDE)) {
            return EXCLUDE;
        }
        List<Filter> kept = parts.stream().filter(p -> p != INCLUDE).toList();
        if (kept.isEmpty()) {
            return INCLUDE;
        }
        return kept.size() == 1 ? kept.get(0) : new And(kept);
    }

    /** {@code property op value}, the common case: the value is already of the attribute's Java type. */
    static Filter compare(String property, Operator operator, Object value) {
        return new Compare(new Property(property), operator, new Literal(value));
    }

    /** The feature's geometry intersects {@code geometry}, given in the layer's storage CRS. */
    static Filter intersects(Geometry geometry) {
        return new Spatial(SpatialOperator.S_INTERSECTS, new Property(Property.GEOMETRY),
                new GeometryLiteral(geometry));
    }

    record Include() implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record Exclude() implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record And(List<Filter> parts) implements Filter {
        public And {
            parts = List.copyOf(parts);
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record Or(List<Filter> parts) implements Filter {
        public Or {
            parts = List.copyOf(parts);
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record Not(Filter part) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code left op right}; either side may be a property, a literal or an expression (property-property too). */
    record Compare(Expression left, Operator operator, Expression right) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code value LIKE pattern}: {@code %} any characters, {@code _} one, {@code \} escapes. */
    record Like(Expression value, Expression pattern) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code value BETWEEN low AND high}, both ends included. */
    record Between(Expression value, Expression low, Expression high) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code value IN (list)}. */
    record In(Expression value, List<Expression> list) implements Filter {
        public In {
            list = List.copyOf(list);
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record IsNull(Expression value) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A spatial relation between two geometry expressions (the feature's geometry and a literal, usually);
     * {@code metres} is the distance of {@link SpatialOperator#S_DWITHIN}, measured in the layer's storage CRS
     * (EPSG:4546, in metres), and null for every other relation.
     */
    record Spatial(SpatialOperator operator, Expression left, Expression right, Double metres) implements Filter {

        public Spatial(SpatialOperator operator, Expression left, Expression right) {
            this(operator, left, right, null);
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A CQL2 array function ({@code A_CONTAINS} …) between a list-of-codes property and a list of codes, as parsed;
     * the binder turns it into text predicates on the stored list, so no store runs it as such.
     */
    record ArrayPredicate(ArrayOperator operator, Expression left, Expression right) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** The CQL2 array functions: the same set, a superset, a subset, at least one in common. */
    enum ArrayOperator { A_EQUALS, A_CONTAINS, A_CONTAINEDBY, A_OVERLAPS }

    /** A temporal relation between two instants or intervals (CQL2 {@code T_*} functions). */
    record Temporal(TemporalOperator operator, Expression left, Expression right) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    enum Operator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }

        /** Whether the operator holds for two values whose comparison gave {@code order} (as compareTo does). */
        public boolean holds(int order) {
            return switch (this) {
                case EQ -> order == 0;
                case NE -> order != 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
            };
        }
    }

    /** The CQL2 spatial functions, each the DE-9IM relation of the same name. */
    enum SpatialOperator {
        S_INTERSECTS, S_EQUALS, S_DISJOINT, S_TOUCHES, S_WITHIN, S_OVERLAPS, S_CROSSES, S_CONTAINS,
        /** Within a distance of: not in CQL2's standard set, the function ParkAtlas adds (see /ogcapi/functions). */
        S_DWITHIN
    }

    /** The CQL2 temporal functions (Allen's interval relations plus intersects/disjoint/equals). */
    enum TemporalOperator {
        T_AFTER, T_BEFORE, T_CONTAINS, T_DISJOINT, T_DURING, T_EQUALS, T_FINISHEDBY, T_FINISHES, T_INTERSECTS,
        T_MEETS, T_METBY, T_OVERLAPPEDBY, T_OVERLAPS, T_STARTEDBY, T_STARTS
    }
}
