package org.parkatlas.feature.filter;

import org.locationtech.jts.geom.Geometry;

import java.util.List;

/**
 * A value inside a filter: a property of the feature, a literal, a geometry, an interval, an arithmetic expression or
 * a function call (e.g. {@code CASEI}). Filters compare and relate expressions.
 */
public sealed interface Expression {

    <R> R accept(ExpressionVisitor<R> visitor);

    /**
     * A property of the feature by name; {@link #GEOMETRY} names the feature's geometry.
     */
    record Property(String name) implements Expression {
        public static final String GEOMETRY = "geometry";

        public boolean isGeometry() {
            return GEOMETRY.equals(name);
        }

        @Override
        public <R> R accept(ExpressionVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A scalar literal: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code LocalDate} (CQL2
     * {@code DATE}) or {@code Instant} (CQL2 {@code TIMESTAMP}).
     */
    record Literal(Object value) implements Expression {
        @Override
        public <R> R accept(ExpressionVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A geometry literal (WKT or GeoJSON in the filter, or a {@code BBOX}). As parsed, its coordinates are in the
     * order they were written; once bound to a layer they are in the layer's storage CRS.
     */
    record GeometryLiteral(Geometry geometry) implements Expression {
        @Override
        public <R> R accept(ExpressionVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A time interval; either end may be open ({@code ".."}, given as null) and each end is a date or timestamp
     * literal or a property.
     */
    record Interval(Expression start, Expression end) implements Expression {
        @Override
        public <R> R accept(ExpressionVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code left op right} on numbers. */
    record Arithmetic(ArithmeticOperator operator, Expression left, Expression right) implements Expression {
        @Override
        public <R> R accept(ExpressionVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** A function call by name, upper case (e.g. {@code CASEI}). */
    record Function(String name, List<Expression> arguments) implements Expression {
        public Function {
            arguments = List.copyOf(arguments);
        }

        @Override
        public <R> R accept(ExpressionVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    enum ArithmeticOperator {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%"), INTEGER_DIVIDE("div"), POWER("^");

        private final String symbol;

        ArithmeticOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
