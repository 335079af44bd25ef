package org.parkatlas.feature.filter.cql2;

import org.locationtech.jts.geom.Geometry;
import org.parkatlas.geojson.GeoJsonGeometry;
import org.parkatlas.problem.InvalidInputException;
import org.parkatlas.feature.filter.Expression;
import org.parkatlas.feature.filter.Expression.Arithmetic;
import org.parkatlas.feature.filter.Expression.ArithmeticOperator;
import org.parkatlas.feature.filter.Expression.GeometryLiteral;
import org.parkatlas.feature.filter.Expression.Interval;
import org.parkatlas.feature.filter.Expression.Literal;
import org.parkatlas.feature.filter.Expression.Property;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.feature.filter.Filter.Operator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;


/**
 * Parses CQL2 JSON (OGC 21-065, the {@code cql2.json} schema, e.g.
 * {@code {"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [-118, 33.8, -117.9, 34]}]}}) into a
 * {@link Filter}: the same AST as {@link Cql2Text} gives for the same filter written as text. The first problem is
 * reported as a {@link Cql2SyntaxException} whose {@link Cql2SyntaxException#pointer() pointer} is a JSON Pointer to
 * it.
 */
public final class Cql2Json {

    /**
     * Jackson's own nesting limit (500) is set beyond any depth a filter may be configured to ({@code op} objects
     * and their {@code args} arrays count twice), so that the depth check, not the reader, names the problem.
     */
    private static final JsonMapper MAPPER = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
                    .streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder()
                            .maxNestingDepth(2_000).build()).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final String FILTER_EXPECTED = "a filter: true, false or an object {\"op\": …, \"args\": […]} with "
            + "a logical, comparison, spatial (s_…) or temporal (t_…) operator";
    private static final String VALUE_EXPECTED = "a value: a string, a number, a boolean, {\"property\": …}, "
            + "{\"date\": …}, {\"timestamp\": …}, {\"interval\": […]}, {\"bbox\": […]}, a GeoJSON geometry or "
            + "{\"op\": …, \"args\": […]} with an arithmetic operator or a function";
    private static final String GEOMETRY_EXPECTED = "a GeoJSON geometry, {\"bbox\": […]}, {\"property\": …} or a "
            + "function";
    private static final String TEMPORAL_EXPECTED = "{\"date\": …}, {\"timestamp\": …}, {\"interval\": […]}, "
            + "{\"property\": …} or a function";

    private Cql2Json() {
    }

    /**
     * The filter that {@code json} (a CQL2 JSON document) stands for.
     *
     * @throws Cql2SyntaxException at the first problem, with its JSON Pointer ({@code ""} if the text is not JSON)
     */
    public static Filter parse(String json) {
        return parse(json, Cql2Text.DEFAULT_MAX_DEPTH);
    }

    /**
     * The filter that {@code json} stands for, refused where its operators nest deeper than {@code maxDepth}.
     *
     * @throws Cql2SyntaxException at the first problem, with its JSON Pointer
     */
    public static Filter parse(String json, int maxDepth) {
        Objects.requireNonNull(json, "json");
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw Cql2SyntaxException.json("", "not valid JSON" + org.parkatlas.problem.JsonSyntax.where(e) + ": "
                    + org.parkatlas.problem.JsonSyntax.why(e),
                    "a CQL2 JSON document");
        }
        checkDepth(node, maxDepth);
        return parse(node);
    }

    /** Operators nested deeper than {@code maxDepth} are refused where they pass it, before the recursion sees them. */
    private static void checkDepth(JsonNode root, int maxDepth) {
        record At(JsonNode node, int depth, String pointer) {
        }
        java.util.ArrayDeque<At> open = new java.util.ArrayDeque<>();
        open.push(new At(root, 0, ""));
        while (!open.isEmpty()) {
            At at = open.pop();
            int depth = at.depth() + (at.node().isObject() && at.node().has("op") ? 1 : 0);
            if (depth > maxDepth) {
                throw Cql2SyntaxException.json(at.pointer(), "the filter nests more than " + maxDepth
                        + " levels deep", null);
            }
            if (at.node().isArray()) {
                for (int i = 0; i < at.node().size(); i++) {
                    open.push(new At(at.node().get(i), depth, at.pointer() + "/" + i));
                }
            } else if (at.node().isObject()) {
                for (var entry : at.node().properties()) {
                    open.push(new At(entry.getValue(), depth, at.pointer() + "/" + entry.getKey()
                            .replace("~", "~0").replace("/", "~1")));
                }
            }
        }
    }

    /**
     * The filter that {@code node} (a parsed CQL2 JSON document) stands for.
     *
     * @throws Cql2SyntaxException at the first problem, with its JSON Pointer
     */
    public static Filter parse(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw Cql2SyntaxException.json("", "the document is empty", FILTER_EXPECTED);
        }
        return filter(node, "");
    }

    // -----------------------------------------------------------------------------------------------------------
    // Filters
    // -----------------------------------------------------------------------------------------------------------

    private static Filter filter(JsonNode node, String at) {
        if (node.isBoolean()) {
            return node.booleanValue() ? Filter.INCLUDE : Filter.EXCLUDE;
        }
        String op = op(node);
        if (op == null) {
            throw Cql2SyntaxException.json(at, null, FILTER_EXPECTED);
        }
        String key = op.toLowerCase(Locale.ROOT);
        switch (key) {
            case "and", "or" -> {
                JsonNode args = args(node, at, -1);
                if (args.size() < 2) {
                    throw Cql2SyntaxException.json(at + "/args", "\"" + key + "\" needs at least 2 arguments", null);
                }
                List<Filter> parts = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    parts.add(filter(args.get(i), at + "/args/" + i));
                }
                return key.equals("and") ? new Filter.And(parts) : new Filter.Or(parts);
            }
            case "not" -> {
                return new Filter.Not(filter(args(node, at, 1).get(0), at + "/args/0"));
            }
            case "=", "<>", "<", "<=", ">", ">=" -> {
                JsonNode args = args(node, at, 2);
                return new Filter.Compare(scalar(args.get(0), at + "/args/0"), comparison(key),
                        scalar(args.get(1), at + "/args/1"));
            }
            case "like" -> {
                JsonNode args = args(node, at, 2);
                return new Filter.Like(scalar(args.get(0), at + "/args/0"), pattern(args.get(1), at + "/args/1"));
            }
            case "between" -> {
                JsonNode args = args(node, at, 3);
                return new Filter.Between(scalar(args.get(0), at + "/args/0"), scalar(args.get(1), at + "/args/1"),
                        scalar(args.get(2), at + "/args/2"));
            }
            case "in" -> {
                JsonNode args = args(node, at, 2);
                JsonNode list = args.get(1);
                if (!list.isArray()) {
                    throw Cql2SyntaxException.json(at + "/args/1", null, "an array of values");
                }
                List<Expression> values = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    values.add(scalar(list.get(i), at + "/args/1/" + i));
                }
                return new Filter.In(scalar(args.get(0), at + "/args/0"), values);
            }
            case "isnull" -> {
                return new Filter.IsNull(value(args(node, at, 1).get(0), at + "/args/0"));
            }
            default -> {
                // handled below
            }
        }
        Filter.SpatialOperator spatial = Cql2Literals.spatialOperator(key);
        if (spatial == Filter.SpatialOperator.S_DWITHIN) {
            JsonNode args = args(node, at, 3);
            if (!args.get(2).isNumber()) {
                throw Cql2SyntaxException.json(at + "/args/2", "s_dwithin's third argument is the distance in metres",
                        "a number");
            }
            return new Filter.Spatial(spatial, geometryOperand(args.get(0), at + "/args/0"),
                    geometryOperand(args.get(1), at + "/args/1"), args.get(2).asDouble());
        }
        if (spatial != null) {
            JsonNode args = args(node, at, 2);
            return new Filter.Spatial(spatial, geometryOperand(args.get(0), at + "/args/0"),
                    geometryOperand(args.get(1), at + "/args/1"));
        }
        Filter.TemporalOperator temporal = Cql2Literals.temporalOperator(key);
        if (temporal != null) {
            JsonNode args = args(node, at, 2);
            return new Filter.Temporal(temporal, temporalOperand(args.get(0), at + "/args/0"),
                    temporalOperand(args.get(1), at + "/args/1"));
        }
        if (Cql2Literals.isArrayFunction(key)) {
            JsonNode args = args(node, at, 2);
            return new Filter.ArrayPredicate(Filter.ArrayOperator.valueOf(key.toUpperCase(Locale.ROOT)),
                    arrayOperand(args.get(0), at + "/args/0"), arrayOperand(args.get(1), at + "/args/1"));
        }
        throw Cql2SyntaxException.json(at + "/op", "\"" + op + "\" gives a value, not a filter; compare its result, "
                + "e.g. {\"op\": \"=\", \"args\": [{\"op\": \"" + op + "\", …}, true]}", FILTER_EXPECTED);
    }

    private static Operator comparison(String op) {
        return switch (op) {
            case "=" -> Operator.EQ;
            case "<>" -> Operator.NE;
            case "<" -> Operator.LT;
            case "<=" -> Operator.LE;
            case ">" -> Operator.GT;
            default -> Operator.GE;
        };
    }

    private static Expression pattern(JsonNode node, String at) {
        if (node.isString()) {
            return new Literal(node.asString());
        }
        String op = op(node);
        if (op != null && (op.equalsIgnoreCase("casei") || op.equalsIgnoreCase("accenti"))) {
            return new Expression.Function(op.toUpperCase(Locale.ROOT),
                    List.of(pattern(args(node, at, 1).get(0), at + "/args/0")));
        }
        throw Cql2SyntaxException.json(at, null, "a pattern: a string, or casei/accenti of a pattern");
    }

    /** The "op" of an object that has one, else null. */
    private static String op(JsonNode node) {
        return node.isObject() && node.get("op") != null && node.get("op").isString() ? node.get("op").asString()
                : null;
    }

    /** The "args" array of an operation; with {@code count} >= 0, exactly that many. */
    private static JsonNode args(JsonNode node, String at, int count) {
        JsonNode args = node.get("args");
        if (args == null || !args.isArray()) {
            throw Cql2SyntaxException.json(at + (args == null ? "" : "/args"), "\"" + node.get("op").asString()
                    + "\" needs \"args\"", count < 0 ? "an array of arguments" : "an array of " + count
                    + (count == 1 ? " argument" : " arguments"));
        }
        if (count >= 0 && args.size() != count) {
            throw Cql2SyntaxException.json(at + "/args", "\"" + node.get("op").asString() + "\" takes " + count
                    + (count == 1 ? " argument" : " arguments") + ", not " + args.size(), null);
        }
        return args;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Values, and where each kind may stand
    // -----------------------------------------------------------------------------------------------------------

    /** An array function's argument: a property (or other value), or a JSON array of literals. */
    private static Expression arrayOperand(JsonNode node, String at) {
        if (!node.isArray()) {
            return scalar(node, at);
        }
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isString() && !item.isNumber() && !item.isBoolean()) {
                throw Cql2SyntaxException.json(at + "/" + i, "an array holds literal values such as \"seismic\"",
                        "a string, number or boolean");
            }
            items.add(item.isString() ? item.asString() : item.isBoolean() ? item.booleanValue() : item.numberValue());
        }
        return new Literal(List.copyOf(items));
    }

    private static Expression scalar(JsonNode node, String at) {
        Expression value = value(node, at);
        if (value instanceof GeometryLiteral) {
            throw Cql2SyntaxException.json(at, "a geometry cannot be compared here; relate geometries with a spatial "
                    + "operator such as s_intersects or s_equals", null);
        }
        if (value instanceof Interval) {
            throw Cql2SyntaxException.json(at, "an interval cannot be compared here; relate times with a temporal "
                    + "operator such as t_during or t_intersects", null);
        }
        return value;
    }

    private static Expression geometryOperand(JsonNode node, String at) {
        Expression value = value(node, at);
        if (value instanceof GeometryLiteral || value instanceof Property
                || value instanceof Expression.Function function && !isCaseAccent(function)) {
            return value;
        }
        throw Cql2SyntaxException.json(at, null, GEOMETRY_EXPECTED);
    }

    private static Expression temporalOperand(JsonNode node, String at) {
        Expression value = value(node, at);
        if (value instanceof Interval || value instanceof Property
                || value instanceof Literal literal && (literal.value() instanceof LocalDate
                || literal.value() instanceof Instant)
                || value instanceof Expression.Function function && !isCaseAccent(function)) {
            return value;
        }
        throw Cql2SyntaxException.json(at, null, TEMPORAL_EXPECTED);
    }

    private static boolean isCaseAccent(Expression.Function function) {
        return function.name().equals("CASEI") || function.name().equals("ACCENTI");
    }

    private static Expression arithmeticOperand(JsonNode node, String at) {
        Expression value = value(node, at);
        boolean numeric = value instanceof Literal literal ? literal.value() instanceof Number
                : value instanceof Property || value instanceof Arithmetic
                || value instanceof Expression.Function function && !isCaseAccent(function);
        if (!numeric) {
            throw Cql2SyntaxException.json(at, "arithmetic needs numbers, properties or functions",
                    "a number, {\"property\": …}, a function or an arithmetic operation");
        }
        return value;
    }

    private static Expression value(JsonNode node, String at) {
        if (node.isString()) {
            return new Literal(node.asString());
        }
        if (node.isNumber()) {
            return new Literal(node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue()
                    : (Object) node.doubleValue());
        }
        if (node.isBoolean()) {
            return new Literal(node.booleanValue());
        }
        if (node.isArray()) {
            throw Cql2SyntaxException.json(at, "arrays are not supported here (only as the list of \"in\"; the array "
                    + "operators a_… are not supported)", VALUE_EXPECTED);
        }
        if (!node.isObject()) {
            throw Cql2SyntaxException.json(at, null, VALUE_EXPECTED);
        }
        if (node.has("property")) {
            JsonNode name = node.get("property");
            if (!name.isString() || name.asString().isEmpty()) {
                throw Cql2SyntaxException.json(at + "/property", null, "the name of a property, as a string");
            }
            return new Property(name.asString());
        }
        if (node.has("date")) {
            return new Literal(instant(node.get("date"), at + "/date", true));
        }
        if (node.has("timestamp")) {
            return new Literal(instant(node.get("timestamp"), at + "/timestamp", false));
        }
        if (node.has("interval")) {
            return interval(node.get("interval"), at + "/interval");
        }
        if (node.has("bbox")) {
            return new GeometryLiteral(bbox(node.get("bbox"), at + "/bbox"));
        }
        if (node.has("type")) {
            return new GeometryLiteral(geometry(node, at));
        }
        String op = op(node);
        if (op == null) {
            throw Cql2SyntaxException.json(at, null, VALUE_EXPECTED);
        }
        String key = op.toLowerCase(Locale.ROOT);
        ArithmeticOperator arithmetic = switch (key) {
            case "+" -> ArithmeticOperator.ADD;
            case "-" -> ArithmeticOperator.SUBTRACT;
            case "*" -> ArithmeticOperator.MULTIPLY;
            case "/" -> ArithmeticOperator.DIVIDE;
            case "%" -> ArithmeticOperator.MODULO;
            case "div" -> ArithmeticOperator.INTEGER_DIVIDE;
            case "^" -> ArithmeticOperator.POWER;
            default -> null;
        };
        if (arithmetic != null) {
            JsonNode args = args(node, at, 2);
            return new Arithmetic(arithmetic, arithmeticOperand(args.get(0), at + "/args/0"),
                    arithmeticOperand(args.get(1), at + "/args/1"));
        }
        if (key.equals("casei") || key.equals("accenti")) {
            return new Expression.Function(key.toUpperCase(Locale.ROOT),
                    List.of(scalar(args(node, at, 1).get(0), at + "/args/0")));
        }
        if (isFilterOperator(key)) {
            throw Cql2SyntaxException.json(at, "\"" + op + "\" is a filter and cannot be used as a value", VALUE_EXPECTED);
        }
        if (Cql2Literals.isArrayFunction(key)) {
            throw Cql2SyntaxException.json(at, "\"" + op + "\" is a filter and cannot be used as a value", VALUE_EXPECTED);
        }
        JsonNode args = node.has("args") ? args(node, at, -1) : null;
        List<Expression> arguments = new ArrayList<>();
        for (int i = 0; args != null && i < args.size(); i++) {
            JsonNode argument = args.get(i);
            if (argument.isBoolean()) {
                arguments.add(new Literal(argument.booleanValue()));
            } else if (isFilterOperator(op(argument) == null ? "" : op(argument).toLowerCase(Locale.ROOT))) {
                throw Cql2SyntaxException.json(at + "/args/" + i, "a filter cannot be a function argument (only values "
                        + "can)", VALUE_EXPECTED);
            } else {
                arguments.add(value(argument, at + "/args/" + i));
            }
        }
        return new Expression.Function(op.toUpperCase(Locale.ROOT), arguments);
    }

    private static boolean isFilterOperator(String op) {
        return switch (op) {
            case "and", "or", "not", "=", "<>", "<", "<=", ">", ">=", "like", "between", "in", "isnull" -> true;
            default -> Cql2Literals.spatialOperator(op) != null || Cql2Literals.temporalOperator(op) != null;
        };
    }

    private static Object instant(JsonNode node, String at, boolean date) {
        String form = date ? Cql2Literals.DATE_FORM : Cql2Literals.TIMESTAMP_FORM;
        if (!node.isString()) {
            throw Cql2SyntaxException.json(at, null, form.replace('\'', '"'));
        }
        try {
            return date ? Cql2Literals.date(node.asString()) : Cql2Literals.timestamp(node.asString());
        } catch (IllegalArgumentException e) {
            throw Cql2SyntaxException.json(at, e.getMessage(), form.replace('\'', '"'));
        }
    }

    private static Interval interval(JsonNode node, String at) {
        if (!node.isArray() || node.size() != 2) {
            throw Cql2SyntaxException.json(at, null, "an array of 2 ends: a date, a timestamp, \"..\", a property or "
                    + "a function each");
        }
        return new Interval(intervalEnd(node.get(0), at + "/0"), intervalEnd(node.get(1), at + "/1"));
    }

    private static Expression intervalEnd(JsonNode node, String at) {
        if (node.isString()) {
            try {
                Object end = Cql2Literals.intervalEnd(node.asString());
                return end == null ? null : new Literal(end);
            } catch (IllegalArgumentException e) {
                throw Cql2SyntaxException.json(at, e.getMessage(), Cql2Literals.INSTANT_FORM.replace('\'', '"'));
            }
        }
        Expression value = value(node, at);
        if (value instanceof Property || value instanceof Literal literal && (literal.value() instanceof LocalDate
                || literal.value() instanceof Instant)
                || value instanceof Expression.Function function && !isCaseAccent(function)) {
            return value;
        }
        throw Cql2SyntaxException.json(at, null, "\"YYYY-MM-DD\", \"YYYY-MM-DDThh:mm:ssZ\", \"..\", {\"property\": …} "
                + "or a function");
    }

    // -----------------------------------------------------------------------------------------------------------
    // Geometries (GeoJSON, RFC 7946), with the coordinates as written, heights kept
    // -----------------------------------------------------------------------------------------------------------

    private static Geometry bbox(JsonNode node, String at) {
        if (!node.isArray() || (node.size() != 4 && node.size() != 6)) {
            throw Cql2SyntaxException.json(at, null, "an array of 4 numbers (minx, miny, maxx, maxy) or 6 "
                    + "(minx, miny, minz, maxx, maxy, maxz)");
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(node.get(i), at + "/" + i);
        }
        return Cql2Literals.bbox(values);
    }

    /** A GeoJSON geometry, read by the service's one codec; its complaints become CQL2 syntax errors. */
    private static Geometry geometry(JsonNode node, String at) {
        try {
            return GeoJsonGeometry.read(node, at);
        } catch (InvalidInputException e) {
            throw Cql2SyntaxException.json(e.pointer(), e.detail().en(), null);
        }
    }

    private static double number(JsonNode node, String at) {
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw Cql2SyntaxException.json(at, null, "a number");
        }
        return node.doubleValue();
    }
}
