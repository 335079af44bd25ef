package org.parkatlas.feature.filter;

import org.locationtech.jts.geom.Geometry;

import java.util.List;

/**
 * A filter tree over a layer's attributes and geometry, the common form of every query language. Stores translate it
 * to SQL with a {@link FilterVisitor}; what a store cannot translate it evaluates in memory.
 */
public sealed interface Filter {

    /** Matches every feature. */
    Filter INCLUDE = new Include();

    <R> R accept(FilterVisitor<R> visitor);

    static Filter and(List<Filter> parts) {
        List<Filter> kept = parts.stream().filter(p -> p != INCLUDE).toList();
        if (kept.isEmpty()) {
            return INCLUDE;
        }
        return kept.size() == 1 ? kept.get(0) : new And(kept);
    }

    record Include() implements Filter {
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

    /** {@code property op value}; the value is already of the attribute's Java type. */
    record Compare(String property, Operator operator, Object value) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record IsNull(String property) implements Filter {
        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** The feature's geometry intersects {@code geometry}, given in the layer's storage CRS. */
    record Intersects(Geometry geometry) implements Filter {
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
    }
}
