package org.parkatlas.feature.filter;

import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.AttributeType;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.feature.filter.Expression.Arithmetic;
import org.parkatlas.feature.filter.Expression.Function;
import org.parkatlas.feature.filter.Expression.GeometryLiteral;
import org.parkatlas.feature.filter.Expression.Interval;
import org.parkatlas.feature.filter.Expression.Literal;
import org.parkatlas.feature.filter.Expression.Property;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a parsed filter to a layer: every property must be one of the layer's queryables, operands must have types
 * that can be compared, geometry literals move from the filter's CRS into the layer's storage CRS (axis order
 * included), and temporal predicates become plain comparisons. What comes out can be run by any store.
 */
public final class FilterBinder {

    /** The kinds of value an expression has, for checking that operands fit together. */
    private enum Kind { STRING, NUMBER, BOOLEAN, DATE, TIMESTAMP, GEOMETRY, INTERVAL, LIST }

    private static final java.util.regex.Pattern GDAL_DATE = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T(\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?)?");

    /** Further than anything in a park (or a province): a larger one is a mistake, not a question. */
    static final double MAX_DISTANCE_METRES = 1_000_000;

    private final Layer layer;
    private final Crs filterCrs;
    private final Crs storageCrs;
    private final Audience audience;
    private final boolean gdalForms;

    /** A binder for the public. */
    public FilterBinder(Layer layer, Crs filterCrs) {
        this(layer, filterCrs, Audience.PUBLIC);
    }

    public FilterBinder(Layer layer, Crs filterCrs, Audience audience) {
        this(layer, filterCrs, audience, false);
    }

    /**
     * @param gdalForms whether to take what GDAL before 3.7 writes in its pre-1.0 {@code cql-text}: a boolean
     *                  compared with 1 or 0, and a date as {@code '2025-01-01T'} or a timestamp string
     */
    public FilterBinder(Layer layer, Crs filterCrs, Audience audience, boolean gdalForms) {
        this.layer = layer;
        this.filterCrs = filterCrs;
        this.storageCrs = CrsRegistry.bySrid(layer.storageSrid()).orElseThrow();
        this.audience = audience;
        this.gdalForms = gdalForms;
    }

    /** The names {@code audience}'s filters may use: the attributes it sees, {@code id} and {@code geometry}. */
    public static Set<String> queryables(Layer layer, Audience audience) {
        Set<String> names = layer.attributesFor(audience).stream().map(Attribute::name).collect(Collectors.toSet());
        names.add("id");
        names.add(Property.GEOMETRY);
        return names;
    }

    public Filter bind(Filter filter) {
        return filter.accept(new Binder());
    }

    private final class Binder implements FilterVisitor<Filter> {

        @Override
        public Filter visit(Filter.Include filter) {
            return filter;
        }

        @Override
        public Filter visit(Filter.Exclude filter) {
            return filter;
        }

        @Override
        public Filter visit(Filter.And filter) {
            return Filter.and(filter.parts().stream().map(p -> p.accept(this)).toList());
        }

        @Override
        public Filter visit(Filter.Or filter) {
            return new Filter.Or(filter.parts().stream().map(p -> p.accept(this)).toList());
        }

        @Override
        public Filter visit(Filter.Not filter) {
            return new Filter.Not(filter.part().accept(this));
        }

        @Override
        public Filter visit(Filter.Compare filter) {
            Expression left = expression(filter.left());
            Expression right = matching(expression(filter.right()), left);
            left = matching(left, right);
            comparable(left, right, filter.operator().sql());
            return new Filter.Compare(left, filter.operator(), right);
        }

        @Override
        public Filter visit(Filter.Like filter) {
            Expression value = expression(filter.value());
            Expression pattern = expression(filter.pattern());
            if (kind(value) == Kind.LIST) {
                comparable(value, pattern, "LIKE");
            }
            if (kind(value) != Kind.STRING || kind(pattern) != Kind.STRING) {
                throw new InvalidFilterException("LIKE compares text: " + describe(value) + " LIKE "
                        + describe(pattern) + " does not");
            }
            return new Filter.Like(value, pattern);
        }

        @Override
        public Filter visit(Filter.Between filter) {
            Expression value = expression(filter.value());
            Expression low = matching(expression(filter.low()), value);
            Expression high = matching(expression(filter.high()), value);
            comparable(value, low, "BETWEEN");
            comparable(value, high, "BETWEEN");
            return new Filter.Between(value, low, high);
        }

        @Override
        public Filter visit(Filter.In filter) {
            Expression value = expression(filter.value());
            List<Expression> list = filter.list().stream().map(e -> matching(expression(e), value)).toList();
            list.forEach(e -> comparable(value, e, "IN"));
            return new Filter.In(value, list);
        }

        @Override
        public Filter visit(Filter.IsNull filter) {
            return new Filter.IsNull(expression(filter.value()));
        }

        @Override
        public Filter visit(Filter.Spatial filter) {
            Expression left = expression(filter.left());
            Expression right = expression(filter.right());
            if (kind(left) != Kind.GEOMETRY || kind(right) != Kind.GEOMETRY) {
                throw new InvalidFilterException(filter.operator() + " relates two geometries: use the property "
                        + "\"geometry\" and a geometry literal (WKT, GeoJSON or BBOX)");
            }
            if (filter.operator() == Filter.SpatialOperator.S_DWITHIN && (filter.metres() == null
                    || !(filter.metres() >= 0 && filter.metres() <= MAX_DISTANCE_METRES))) {
                throw new InvalidFilterException("S_DWITHIN takes a distance in metres between 0 and "
                        + (long) MAX_DISTANCE_METRES + ", not " + filter.metres());
            }
            return new Filter.Spatial(filter.operator(), left, right, filter.metres());
        }

        @Override
        public Filter visit(Filter.Temporal filter) {
            Expression left = temporalOperand(filter.left(), filter.operator());
            Expression right = temporalOperand(filter.right(), filter.operator());
            return TemporalRewriter.rewrite(new Filter.Temporal(filter.operator(), left, right)).accept(this);
        }

        /**
         * A list of codes is stored as its JSON text ({@code ["planning_eia","seismic"]}), so "holds a code" is
         * {@code LIKE '%"seismic"%'} — a predicate every store runs, with the code as a bound value. A_CONTAINS
         * asks for all the codes, A_OVERLAPS for one of them, A_CONTAINEDBY for none outside them (a parcel with no
         * list at all is unknown, as CQL2 treats null), A_EQUALS for both.
         */
        @Override
        public Filter visit(Filter.ArrayPredicate filter) {
            Expression left = expression(filter.left());
            Expression right = expression(filter.right());
            Filter.ArrayOperator operator = filter.operator();
            if (right instanceof Property && left instanceof Literal) {
                Expression swap = left;
                left = right;
                right = swap;
                operator = operator == Filter.ArrayOperator.A_CONTAINS ? Filter.ArrayOperator.A_CONTAINEDBY
                        : operator == Filter.ArrayOperator.A_CONTAINEDBY ? Filter.ArrayOperator.A_CONTAINS : operator;
            }
            if (!(left instanceof Property property) || kind(left) != Kind.LIST) {
                throw new InvalidFilterException(operator + " compares a list of codes (" + String.join(", ",
                        listAttributes()) + ") with a list of codes, e.g. " + operator + "(regional_assessments, "
                        + "('seismic')); " + describe(left) + " is not one");
            }
            if (!(right instanceof Literal literal) || !(literal.value() instanceof List<?> given)) {
                throw new InvalidFilterException(operator + "'s second argument is a list of codes in parentheses, "
                        + "e.g. ('seismic', 'flood'), not " + describe(right));
            }
            Attribute attribute = layer.attribute(property.name()).orElseThrow();
            java.util.LinkedHashSet<String> codes = new java.util.LinkedHashSet<>();
            for (Object code : given) {
                if (!(code instanceof String text) || !attribute.allows(text)) {
                    throw new InvalidFilterException("'" + code + "' is not a code of " + property.name()
                            + "; use one of " + attribute.values().stream().map(v -> v.value())
                            .collect(Collectors.joining(", ")));
                }
                codes.add(text);
            }
            List<Filter> holds = codes.stream().map(c -> holds(property, c)).toList();
            List<Filter> outside = attribute.values().stream().map(v -> v.value()).filter(c -> !codes.contains(c))
                    .map(c -> (Filter) new Filter.Not(holds(property, c))).toList();
            Filter some = new Filter.Not(new Filter.IsNull(property));
            return switch (operator) {
                case A_CONTAINS -> holds.isEmpty() ? Filter.INCLUDE : Filter.and(holds);
                case A_OVERLAPS -> holds.isEmpty() ? Filter.EXCLUDE : holds.size() == 1 ? holds.get(0)
                        : new Filter.Or(holds);
                case A_CONTAINEDBY -> Filter.and(concat(List.of(some), outside));
                case A_EQUALS -> holds.isEmpty() ? new Filter.IsNull(property)
                        : Filter.and(concat(concat(List.of(some), holds), outside));
            };
        }

        private Filter holds(Property property, String code) {
            String escaped = code.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            return new Filter.Like(property, new Literal("%\"" + escaped + "\"%"));
        }

        private static List<Filter> concat(List<Filter> a, List<Filter> b) {
            List<Filter> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        private List<String> listAttributes() {
            return layer.attributesFor(audience).stream().filter(a -> a.type() == AttributeType.CODE_LIST)
                    .map(Attribute::name).toList();
        }

        private Expression temporalOperand(Expression operand, Filter.TemporalOperator operator) {
            if (operand instanceof Interval interval) {
                return new Interval(interval.start() == null ? null : temporalOperand(interval.start(), operator),
                        interval.end() == null ? null : temporalOperand(interval.end(), operator));
            }
            Expression bound = expression(operand);
            Kind kind = kind(bound);
            if (kind != Kind.DATE && kind != Kind.TIMESTAMP) {
                throw new InvalidFilterException(operator + " relates instants and intervals: "
                        + describe(bound) + " is not a date or a timestamp");
            }
            return bound;
        }
    }

    /**
     * A literal in the layer's own CRS. A geographic position lies within ±180° and ±90°, and a projected one must
     * come out finite: BBOX(-1e308, …) is a mistake to name, not a query to send the database.
     */
    private org.locationtech.jts.geom.Geometry inStorageCrs(org.locationtech.jts.geom.Geometry xy) {
        for (org.locationtech.jts.geom.Coordinate c : xy.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)
                    || filterCrs.geographic() && (Math.abs(c.x) > 180 || Math.abs(c.y) > 90)) {
                String place = filterCrs.geographic() ? "经度 ±180°、纬度 ±90°" : "地球上任何位置";
                String placeEn = filterCrs.geographic() ? "longitude ±180° and latitude ±90°" : "any place on Earth";
                throw new InvalidFilterException(org.parkatlas.catalog.Label.of("过滤条件无效：几何的坐标 (" + c.x + ", "
                        + c.y + ") 超出" + place + "（" + filterCrs.uri() + "）", "the position (" + c.x + ", " + c.y
                        + ") of a geometry lies outside " + placeEn + " (" + filterCrs.uri() + ")"));
            }
        }
        org.locationtech.jts.geom.Geometry stored = Reprojector.transform(xy, filterCrs, storageCrs);
        for (org.locationtech.jts.geom.Coordinate c : stored.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw new InvalidFilterException(org.parkatlas.catalog.Label.of("过滤条件无效：过滤条件中的几何超出 "
                        + storageCrs.uri() + " 能表示的范围", "a geometry in the filter lies outside the area "
                        + storageCrs.uri() + " can describe"));
            }
        }
        return stored;
    }

    private Expression expression(Expression expression) {
        if (expression instanceof Property property) {
            if (!queryables(layer, audience).contains(property.name())) {
                throw new InvalidFilterException("\"" + property.name() + "\" is not a queryable of " + layer.id()
                        + "; see /ogcapi/collections/" + layer.id() + "/queryables");
            }
            return property;
        }
        if (expression instanceof GeometryLiteral literal) {
            return new GeometryLiteral(inStorageCrs(filterCrs.toXy(literal.geometry())));
        }
        if (expression instanceof Arithmetic arithmetic) {
            Expression left = expression(arithmetic.left());
            Expression right = expression(arithmetic.right());
            if (kind(left) != Kind.NUMBER || kind(right) != Kind.NUMBER) {
                throw new InvalidFilterException("arithmetic works on numbers: " + describe(left) + " "
                        + arithmetic.operator().symbol() + " " + describe(right) + " does not");
            }
            return new Arithmetic(arithmetic.operator(), left, right);
        }
        if (expression instanceof Function function) {
            if (!function.name().equals("CASEI") || function.arguments().size() != 1) {
                throw new InvalidFilterException("the function " + function.name() + " is not supported; "
                        + "ParkAtlas knows CASEI(text)");
            }
            Expression argument = expression(function.arguments().get(0));
            if (kind(argument) != Kind.STRING) {
                throw new InvalidFilterException("CASEI takes text, not " + describe(argument));
            }
            return new Function("CASEI", List.of(argument));
        }
        if (expression instanceof Interval) {
            throw new InvalidFilterException("an INTERVAL can only be used in a temporal function such as T_DURING");
        }
        return expression;
    }

    /** A literal given as text or a timestamp where a date is meant becomes a date; everything else is kept. */
    private Expression matching(Expression candidate, Expression other) {
        if (gdalForms && kind(other) == Kind.BOOLEAN && candidate instanceof Literal literal
                && literal.value() instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return new Literal(n.doubleValue() == 1); // GDAL writes a boolean field as an integer
        }
        if (kind(other) != Kind.DATE || !(candidate instanceof Literal literal)) {
            return candidate;
        }
        if (gdalForms && literal.value() instanceof String text && GDAL_DATE.matcher(text).matches()) {
            return new Literal(LocalDate.parse(text.substring(0, 10))); // GDAL writes a date as '2025-01-01T'
        }
        if (literal.value() instanceof Instant instant) {
            return new Literal(LocalDate.ofInstant(instant, ZoneOffset.UTC));
        }
        if (literal.value() instanceof String text) {
            try {
                return new Literal(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw new InvalidFilterException("\"" + text + "\" is not a date; write DATE('YYYY-MM-DD')");
            }
        }
        return candidate;
    }

    private void comparable(Expression left, Expression right, String operator) {
        Kind a = kind(left);
        Kind b = kind(right);
        if (a == Kind.LIST || b == Kind.LIST) {
            throw new InvalidFilterException(describe(a == Kind.LIST ? left : right) + " is a list of codes: a filter "
                    + "asks what it holds with A_CONTAINS, A_OVERLAPS, A_CONTAINEDBY or A_EQUALS (e.g. A_CONTAINS("
                    + "regional_assessments, ('seismic'))) or whether it IS NULL (none at all), not compare it");
        }
        boolean times = (a == Kind.DATE || a == Kind.TIMESTAMP) && (b == Kind.DATE || b == Kind.TIMESTAMP);
        if (a != b && !times || a == Kind.GEOMETRY) {
            throw new InvalidFilterException("cannot compare " + describe(left) + " " + operator + " "
                    + describe(right) + ": " + (a == Kind.GEOMETRY ? "geometries are related with S_ functions"
                    : "they are of different types"));
        }
    }

    private String describe(Expression expression) {
        if (expression instanceof Property property) {
            return property.name() + " (" + kind(expression).name().toLowerCase() + ")";
        }
        if (expression instanceof Literal literal) {
            return (literal.value() instanceof String ? "'" + literal.value() + "'" : String.valueOf(literal.value()))
                    + " (" + kind(expression).name().toLowerCase() + ")";
        }
        return "a " + kind(expression).name().toLowerCase() + " expression";
    }

    private Kind kind(Expression expression) {
        if (expression instanceof Property property) {
            return property.isGeometry() ? Kind.GEOMETRY : property.name().equals("id") ? Kind.STRING
                    : kindOf(layer.attribute(property.name()).orElseThrow().type());
        }
        if (expression instanceof Literal literal) {
            Object v = literal.value();
            return v instanceof String ? Kind.STRING : v instanceof Boolean ? Kind.BOOLEAN : v instanceof List ? Kind.LIST
                    : v instanceof LocalDate ? Kind.DATE : v instanceof Instant ? Kind.TIMESTAMP : Kind.NUMBER;
        }
        if (expression instanceof GeometryLiteral) {
            return Kind.GEOMETRY;
        }
        if (expression instanceof Function) {
            return Kind.STRING;
        }
        if (expression instanceof Interval) {
            return Kind.INTERVAL;
        }
        return Kind.NUMBER;
    }

    private static Kind kindOf(AttributeType type) {
        return switch (type) {
            case STRING -> Kind.STRING;
            case INTEGER, NUMBER -> Kind.NUMBER;
            case BOOLEAN -> Kind.BOOLEAN;
            case DATE -> Kind.DATE;
            case CODE_LIST -> Kind.LIST;
        };
    }
}
