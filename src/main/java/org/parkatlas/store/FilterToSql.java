package org.parkatlas.store;

import org.locationtech.jts.io.WKBWriter;
import org.parkatlas.catalog.Layer;
import org.parkatlas.feature.filter.Expression;
import org.parkatlas.feature.filter.ExpressionVisitor;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.feature.filter.FilterVisitor;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a bound {@link Filter} into a SQL condition with parameters (GeoTools' {@code FilterToSQL}). Property names
 * are checked against the layer's schema before they reach the SQL; values are always bound, never concatenated.
 * Only what the dialect {@link SqlDialect#supports supports} comes here: the store evaluates the rest in memory.
 */
final class FilterToSql implements FilterVisitor<String>, ExpressionVisitor<String> {

    static final String GEOMETRY_COLUMN = "geom";

    private final Layer layer;
    private final SqlDialect dialect;
    private final List<Object> parameters = new ArrayList<>();

    FilterToSql(Layer layer, SqlDialect dialect) {
        this.layer = layer;
        this.dialect = dialect;
    }

    /** The condition for {@code filter}; its parameters are then in {@link #parameters()}. */
    String where(Filter filter) {
        return filter.accept(this);
    }

    List<Object> parameters() {
        return parameters;
    }

    @Override
    public String visit(Filter.Include filter) {
        return "1=1";
    }

    @Override
    public String visit(Filter.Exclude filter) {
        return "1=0";
    }

    @Override
    public String visit(Filter.And filter) {
        return filter.parts().stream().map(p -> p.accept(this)).collect(Collectors.joining(" AND ", "(", ")"));
    }

    @Override
    public String visit(Filter.Or filter) {
        return filter.parts().stream().map(p -> p.accept(this)).collect(Collectors.joining(" OR ", "(", ")"));
    }

    @Override
    public String visit(Filter.Not filter) {
        return "NOT (" + filter.part().accept(this) + ")";
    }

    @Override
    public String visit(Filter.Compare filter) {
        return "(" + filter.left().accept(this) + " " + filter.operator().sql() + " " + filter.right().accept(this)
                + ")";
    }

    @Override
    public String visit(Filter.Like filter) {
        // CQL2 and SQL share % and _; the backslash escape is spelt out because databases differ on the default.
        return "(" + filter.value().accept(this) + " LIKE " + filter.pattern().accept(this) + " ESCAPE '\\')";
    }

    @Override
    public String visit(Filter.Between filter) {
        return "(" + filter.value().accept(this) + " BETWEEN " + filter.low().accept(this) + " AND "
                + filter.high().accept(this) + ")";
    }

    @Override
    public String visit(Filter.In filter) {
        return "(" + filter.value().accept(this) + " IN (" + filter.list().stream().map(e -> e.accept(this))
                .collect(Collectors.joining(", ")) + "))";
    }

    @Override
    public String visit(Filter.IsNull filter) {
        return "(" + filter.value().accept(this) + " IS NULL)";
    }

    @Override
    public String visit(Filter.Spatial filter) {
        if (filter.operator() == Filter.SpatialOperator.S_DWITHIN) {
            // both dialects' ST_DWithin measure in the geometries' CRS: the storage CRS, metres; PostGIS uses its index
            String left = filter.left().accept(this);
            String right = filter.right().accept(this);
            parameters.add(filter.metres());
            return "(" + dialect.spatialFunction(filter.operator()) + "(" + left + ", " + right + ", "
                    + dialect.parameter(filter.metres()) + "))";
        }
        // every relation but disjoint implies overlapping boxes: test those first, on the spatial index
        String boxes = filter.operator() == Filter.SpatialOperator.S_DISJOINT ? ""
                : filter.left().accept(this) + " && " + filter.right().accept(this) + " AND ";
        // the operands are visited again so their parameters are bound again, in the order they appear
        return "(" + boxes + dialect.spatialFunction(filter.operator()) + "(" + filter.left().accept(this) + ", "
                + filter.right().accept(this) + "))";
    }

    @Override
    public String visit(Filter.ArrayPredicate filter) {
        throw new IllegalStateException("array functions are bound into text predicates before they reach SQL");
    }

    @Override
    public String visit(Filter.Temporal filter) {
        throw new IllegalStateException("temporal predicates are rewritten to comparisons before they reach SQL");
    }

    @Override
    public String visit(Expression.Property expression) {
        if (expression.isGeometry()) {
            return GEOMETRY_COLUMN;
        }
        String name = expression.name();
        if (name.equals("id") || layer.hasAttribute(name)) {
            return name;
        }
        throw new IllegalArgumentException("layer " + layer.id() + " has no property " + name);
    }

    @Override
    public String visit(Expression.Literal expression) {
        Object value = expression.value();
        if (value instanceof Instant instant) {
            value = LocalDateTime.ofInstant(instant, ZoneOffset.UTC); // TIMESTAMP literals are UTC
        }
        parameters.add(value);
        return dialect.parameter(value);
    }

    @Override
    public String visit(Expression.GeometryLiteral expression) {
        parameters.add(new WKBWriter().write(expression.geometry()));
        return dialect.geometryParameter(layer.storageSrid());
    }

    @Override
    public String visit(Expression.Interval expression) {
        throw new IllegalStateException("intervals are rewritten to comparisons before they reach SQL");
    }

    @Override
    public String visit(Expression.Arithmetic expression) {
        String left = expression.left().accept(this);
        String right = expression.right().accept(this);
        // CQL2 "/" is real division even between integers, which SQL would truncate. A zero divisor gives NULL (no
        // match) as the in-memory evaluator does, not a database error; MOD's operands are typed, since H2 cannot
        // infer the type of two bound parameters.
        return switch (expression.operator()) {
            case ADD, SUBTRACT, MULTIPLY -> "(" + left + " " + expression.operator().symbol() + " " + right + ")";
            case DIVIDE -> "(CAST(" + left + " AS DOUBLE PRECISION) / NULLIF(CAST(" + right
                    + " AS DOUBLE PRECISION), 0))";
            case MODULO -> "MOD(CAST(" + left + " AS NUMERIC), NULLIF(CAST(" + right + " AS NUMERIC), 0))";
            case INTEGER_DIVIDE -> "FLOOR(CAST(" + left + " AS DOUBLE PRECISION) / NULLIF(CAST(" + right
                    + " AS DOUBLE PRECISION), 0))";
            case POWER -> "POWER(" + left + ", " + right + ")";
        };
    }

    @Override
    public String visit(Expression.Function expression) {
        if (expression.name().equals("CASEI") && expression.arguments().size() == 1) {
            return dialect.lowerCase(expression.arguments().get(0).accept(this));
        }
        throw new IllegalArgumentException("the function " + expression.name() + " cannot be run in SQL");
    }
}
