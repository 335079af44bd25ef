package org.parkatlas.feature.filter.cql2;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.LexerNoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.parkatlas.feature.filter.Expression;
import org.parkatlas.feature.filter.Expression.Arithmetic;
import org.parkatlas.feature.filter.Expression.ArithmeticOperator;
import org.parkatlas.feature.filter.Expression.GeometryLiteral;
import org.parkatlas.feature.filter.Expression.Interval;
import org.parkatlas.feature.filter.Expression.Literal;
import org.parkatlas.feature.filter.Expression.Property;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.feature.filter.Filter.Operator;
import org.parkatlas.feature.filter.cql2.Cql2Parser.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import static org.parkatlas.feature.filter.cql2.Cql2Literals.GEOMETRIES;

/**
 * Parses CQL2 text (OGC 21-065, e.g. {@code floors > 5 AND S_INTERSECTS(geometry, BBOX(-118, 33.8, -117.9, 34))})
 * into a {@link Filter}. The grammar is {@code Cql2.g4}; this class turns its parse tree into the AST, checks what the
 * grammar leaves open (a geometry only where a geometry may stand, a date that exists …) and reports the first
 * problem as a {@link Cql2SyntaxException} with its character position and, for a wrong token, what would have been
 * valid there.
 */
public final class Cql2Text {

    private static final String COMPARISON_EXPECTED =
            "a comparison operator (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS";
    private static final String GEOMETRY_EXPECTED = "a geometry literal (POINT, LINESTRING, POLYGON, MULTIPOINT, "
            + "MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION or BBOX), a property or a function";
    private static final String TEMPORAL_EXPECTED =
            "DATE('…'), TIMESTAMP('…'), INTERVAL(…, …), a property or a function";

    /** The depth {@link #parse(String)} allows: {@code parkatlas.limits.max-filter-depth}'s default. */
    public static final int DEFAULT_MAX_DEPTH = 100;

    private final String text;
    private final int codePoints;
    private final CommonTokenStream tokens;

    private Cql2Text(String text, CommonTokenStream tokens) {
        this.text = text;
        this.codePoints = text.codePointCount(0, text.length());
        this.tokens = tokens;
    }

    /** Parentheses nested deeper than {@code maxDepth} are refused where they pass it, before the parser sees them. */
    private static void checkDepth(String text, int maxDepth) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(' && ++depth > maxDepth) {
                throw Cql2SyntaxException.problem(i, "(", "the filter nests more than " + maxDepth
                        + " levels deep", null);
            } else if (!quoted && c == ')') {
                depth--;
            }
        }
    }

    /**
     * The filter that {@code text} (CQL2 text) stands for, its names and literals as written.
     *
     * @throws Cql2SyntaxException at the first problem in the text
     */
    public static Filter parse(String text) {
        return parse(text, DEFAULT_MAX_DEPTH);
    }

    /**
     * The filter that {@code text} stands for, refused where its parentheses nest deeper than {@code maxDepth}
     * (deeper than any filter a person or a client writes; far deeper would exhaust the parser's stack).
     *
     * @throws Cql2SyntaxException at the first problem in the text
     */
    public static Filter parse(String text, int maxDepth) {
        Objects.requireNonNull(text, "text");
        checkDepth(text, maxDepth);
        Cql2Lexer lexer = new Cql2Lexer(CharStreams.fromString(text)) {
            @Override
            public void notifyListeners(LexerNoViableAltException e) {
                throw lexicalError(text, e.getStartIndex());
            }
        };
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        Cql2Parser parser = new Cql2Parser(tokens);
        parser.removeErrorListeners();
        Cql2Text builder = new Cql2Text(text, tokens);
        parser.setErrorHandler(builder.new FirstError());
        FilterContext tree;
        try {
            tree = parser.filter();
        } catch (Cql2SyntaxException e) {
            throw e;
        }
        return builder.filter(tree.booleanExpression());
    }

    // -----------------------------------------------------------------------------------------------------------
    // Filters
    // -----------------------------------------------------------------------------------------------------------

    private Filter filter(BooleanExpressionContext context) {
        return filters.visit(context);
    }

    /** Builds the filter of a boolean expression or term. */
    private final Cql2BaseVisitor<Filter> filters = new Cql2BaseVisitor<>() {
        @Override
        public Filter visitNotExpression(NotExpressionContext context) {
            return new Filter.Not(visit(context.booleanExpression()));
        }

        @Override
        public Filter visitAndExpression(AndExpressionContext context) {
            List<Filter> parts = new ArrayList<>();
            flatten(context, AndExpressionContext.class, parts);
            return new Filter.And(parts);
        }

        @Override
        public Filter visitOrExpression(OrExpressionContext context) {
            List<Filter> parts = new ArrayList<>();
            flatten(context, OrExpressionContext.class, parts);
            return new Filter.Or(parts);
        }

        @Override
        public Filter visitTermExpression(TermExpressionContext context) {
            return visit(context.booleanTerm());
        }

        @Override
        public Filter visitSpatialTerm(SpatialTermContext context) {
            Filter.SpatialOperator operator = Cql2Literals.spatialOperator(context.spatialFunction().getText());
            return new Filter.Spatial(operator, geometryOperand(context.value(0)), geometryOperand(context.value(1)));
        }

        /** {@code S_DWITHIN(geometry, POINT(…), 500)}: within 500 m, measured in EPSG:4546. */
        @Override
        public Filter visitDistanceTerm(DistanceTermContext context) {
            Expression distance = value(context.value(2));
            if (!(distance instanceof Literal literal && literal.value() instanceof Number metres)) {
                throw problem(context.value(2).getStart(), "S_DWITHIN's third argument is the distance in metres, "
                        + "not " + describe(distance), "a number of metres");
            }
            return new Filter.Spatial(Filter.SpatialOperator.S_DWITHIN, geometryOperand(context.value(0)),
                    geometryOperand(context.value(1)), metres.doubleValue());
        }

        @Override
        public Filter visitTemporalTerm(TemporalTermContext context) {
            Filter.TemporalOperator operator = Cql2Literals.temporalOperator(context.temporalFunction().getText());
            return new Filter.Temporal(operator, temporalOperand(context.value(0)), temporalOperand(context.value(1)));
        }

        /** {@code A_CONTAINS(regional_assessments, ('seismic', 'flood'))}: a list property and a list of codes. */
        @Override
        public Filter visitArrayTerm(ArrayTermContext context) {
            Filter.ArrayOperator operator = Filter.ArrayOperator.valueOf(context.ARRAY_FUNCTION().getText()
                    .toUpperCase(java.util.Locale.ROOT));
            return new Filter.ArrayPredicate(operator, arrayOperand(context.arrayArgument(0)),
                    arrayOperand(context.arrayArgument(1)));
        }

        @Override
        public Filter visitValueTerm(ValueTermContext context) {
            return context.predicateTail() == null ? bareTerm(context.value())
                    : predicate(context.value(), context.predicateTail());
        }
    };

    /** {@code a AND b AND c} as one And of three, as CQL2 JSON writes it; parentheses keep their grouping. */
    private void flatten(BooleanExpressionContext context, Class<? extends BooleanExpressionContext> chain,
                         List<Filter> parts) {
        for (BooleanExpressionContext operand : context.getRuleContexts(BooleanExpressionContext.class)) {
            if (chain.isInstance(operand)) {
                flatten(operand, chain, parts);
            } else {
                parts.add(filter(operand));
            }
        }
    }

    /** A term without an operator: TRUE, FALSE or a parenthesised filter. */
    private Filter bareTerm(ValueContext value) {
        if (value instanceof PrimaryValueContext primary) {
            if (primary.primary() instanceof BooleanLiteralContext literal) {
                return literal.TRUE() != null ? Filter.INCLUDE : Filter.EXCLUDE;
            }
            if (primary.primary() instanceof ParenthesizedContext parenthesized) {
                return filter(parenthesized.booleanExpression());
            }
        }
        Token after = tokens.get(value.getStop().getTokenIndex() + 1);
        if (value instanceof PrimaryValueContext primary && primary.primary() instanceof FunctionCallContext) {
            throw problem(after, "a function call is not a filter by itself; compare its result, e.g. "
                    + value.getText() + " = TRUE", COMPARISON_EXPECTED);
        }
        throw expected(after, COMPARISON_EXPECTED);
    }

    private Filter predicate(ValueContext left, PredicateTailContext tail) {
        if (tail instanceof ComparisonTailContext comparison) {
            return new Filter.Compare(scalar(left), operator(comparison.comparisonOperator()),
                    scalar(comparison.value()));
        }
        if (tail instanceof IsNullTailContext isNull) {
            Filter filter = new Filter.IsNull(anyValue(left));
            return isNull.NOT() != null ? new Filter.Not(filter) : filter;
        }
        NegatableTailContext negatable = (NegatableTailContext) tail;
        NegatablePredicateContext predicate = negatable.negatablePredicate();
        Filter filter;
        if (predicate instanceof LikeTailContext like) {
            filter = new Filter.Like(scalar(left), pattern(like.pattern()));
        } else if (predicate instanceof BetweenTailContext between) {
            filter = new Filter.Between(scalar(left), scalar(between.value(0)), scalar(between.value(1)));
        } else {
            InTailContext in = (InTailContext) predicate;
            filter = new Filter.In(scalar(left), in.value().stream().map(this::scalar).toList());
        }
        return negatable.NOT() != null ? new Filter.Not(filter) : filter;
    }

    private static Operator operator(ComparisonOperatorContext context) {
        return switch (context.getStart().getType()) {
            case Cql2Lexer.EQ -> Operator.EQ;
            case Cql2Lexer.NE -> Operator.NE;
            case Cql2Lexer.LT -> Operator.LT;
            case Cql2Lexer.LE -> Operator.LE;
            case Cql2Lexer.GT -> Operator.GT;
            default -> Operator.GE;
        };
    }

    private Expression pattern(PatternContext context) {
        if (context instanceof PatternStringContext string) {
            return new Literal(string(string.STRING().getSymbol()));
        }
        PatternFunctionContext function = (PatternFunctionContext) context;
        return new Expression.Function(function.getStart().getText().toUpperCase(Locale.ROOT),
                List.of(pattern(function.pattern())));
    }

    // -----------------------------------------------------------------------------------------------------------
    // Values, and where each kind may stand
    // -----------------------------------------------------------------------------------------------------------

    /** An operand of a comparison, LIKE, BETWEEN or IN: anything but a geometry or an interval. */
    private Expression scalar(ValueContext context) {
        Expression value = value(context);
        if (value instanceof GeometryLiteral) {
            throw problem(context.getStart(), "a geometry cannot be compared here; relate geometries with a spatial "
                    + "function such as S_INTERSECTS or S_EQUALS", null);
        }
        if (value instanceof Interval) {
            throw problem(context.getStart(), "an INTERVAL cannot be compared here; relate times with a temporal "
                    + "function such as T_DURING or T_INTERSECTS", null);
        }
        return value;
    }

    private Expression geometryOperand(ValueContext context) {
        Expression value = value(context);
        if (value instanceof GeometryLiteral || value instanceof Property || value instanceof Expression.Function
                && !isCaseAccent((Expression.Function) value)) {
            return value;
        }
        throw expected(context.getStart(), GEOMETRY_EXPECTED);
    }

    private Expression temporalOperand(ValueContext context) {
        Expression value = value(context);
        if (value instanceof Interval || value instanceof Property
                || value instanceof Literal literal && (literal.value() instanceof LocalDate
                || literal.value() instanceof Instant)
                || value instanceof Expression.Function function && !isCaseAccent(function)) {
            return value;
        }
        throw expected(context.getStart(), TEMPORAL_EXPECTED);
    }

    private static boolean isCaseAccent(Expression.Function function) {
        return function.name().equals("CASEI") || function.name().equals("ACCENTI");
    }

    /** The operand of IS NULL or a function argument: any value. */
    private Expression anyValue(ValueContext context) {
        return value(context);
    }

    /** An array function's argument: a property (or other value), or a parenthesised list of literals. */
    private Expression arrayOperand(ArrayArgumentContext context) {
        if (context.value() != null) {
            return value(context.value());
        }
        List<Object> items = new ArrayList<>();
        for (ArrayArgumentContext item : context.arrayArgument()) {
            Expression element = item.value() == null ? null : value(item.value());
            if (!(element instanceof Literal literal) || literal.value() instanceof List) {
                throw problem(item.getStart(), "an array holds literal values such as 'seismic', not "
                        + (element == null ? "another array" : describe(element)), "a string or number");
            }
            items.add(literal.value());
        }
        return new Literal(List.copyOf(items));
    }

    private Expression value(ValueContext context) {
        return values.visit(context);
    }

    /** Builds the expression of a value: arithmetic, literals, properties, function calls. */
    private final Cql2BaseVisitor<Expression> values = new Cql2BaseVisitor<>() {
        @Override
        public Expression visitPrimaryValue(PrimaryValueContext context) {
            return visit(context.primary());
        }

        @Override
        public Expression visitSignedValue(SignedValueContext context) {
            Expression operand = arithmeticOperand(context.value());
            if (context.PLUS() != null) {
                return operand;
            }
            if (operand instanceof Literal literal && literal.value() instanceof Long number) {
                return new Literal(-number);
            }
            if (operand instanceof Literal literal && literal.value() instanceof Double number) {
                return new Literal(-number);
            }
            // The AST has no negation: -x is written as -1 * x, as CQL2 JSON does.
            return new Arithmetic(ArithmeticOperator.MULTIPLY, new Literal(-1L), operand);
        }

        @Override
        public Expression visitPowerValue(PowerValueContext context) {
            return arithmetic(context);
        }

        @Override
        public Expression visitMultiplicativeValue(MultiplicativeValueContext context) {
            return arithmetic(context);
        }

        @Override
        public Expression visitAdditiveValue(AdditiveValueContext context) {
            return arithmetic(context);
        }

        @Override
        public Expression visitNumberLiteral(NumberLiteralContext context) {
            return new Literal(Cql2Literals.number(context.getText()));
        }

        @Override
        public Expression visitStringLiteral(StringLiteralContext context) {
            return new Literal(string(context.STRING().getSymbol()));
        }

        @Override
        public Expression visitBooleanLiteral(BooleanLiteralContext context) {
            return new Literal(context.TRUE() != null);
        }

        @Override
        public Expression visitDateLiteral(DateLiteralContext context) {
            Token literal = context.STRING().getSymbol();
            try {
                return new Literal(Cql2Literals.date(string(literal)));
            } catch (IllegalArgumentException e) {
                throw problem(literal, e.getMessage(), Cql2Literals.DATE_FORM);
            }
        }

        @Override
        public Expression visitTimestampLiteral(TimestampLiteralContext context) {
            Token literal = context.STRING().getSymbol();
            try {
                return new Literal(Cql2Literals.timestamp(string(literal)));
            } catch (IllegalArgumentException e) {
                throw problem(literal, e.getMessage(), Cql2Literals.TIMESTAMP_FORM);
            }
        }

        @Override
        public Expression visitIntervalLiteral(IntervalLiteralContext context) {
            return new Interval(intervalEnd(context.value(0)), intervalEnd(context.value(1)));
        }

        @Override
        public Expression visitGeometryLiteral(GeometryLiteralContext context) {
            return new GeometryLiteral(spatial(context.spatialLiteral()));
        }

        @Override
        public Expression visitCaseAccentFunction(CaseAccentFunctionContext context) {
            return new Expression.Function(context.getStart().getText().toUpperCase(Locale.ROOT),
                    List.of(scalar(context.value())));
        }

        @Override
        public Expression visitFunctionCall(FunctionCallContext context) {
            String name = identifier(context.identifier());
            List<Expression> arguments = new ArrayList<>();
            for (BooleanExpressionContext argument : context.booleanExpression()) {
                arguments.add(valueOnly(argument, "a filter cannot be a function argument (only values can)"));
            }
            return new Expression.Function(name.toUpperCase(Locale.ROOT), arguments);
        }

        @Override
        public Expression visitProperty(PropertyContext context) {
            return new Property(identifier(context.identifier()));
        }

        @Override
        public Expression visitParenthesized(ParenthesizedContext context) {
            return valueOnly(context.booleanExpression(), "a filter in parentheses cannot be used as a value");
        }
    };

    private Expression arithmetic(ValueContext context) {
        Token symbol = ((TerminalNode) context.getChild(1)).getSymbol();
        ArithmeticOperator operator = switch (symbol.getType()) {
            case Cql2Lexer.PLUS -> ArithmeticOperator.ADD;
            case Cql2Lexer.MINUS -> ArithmeticOperator.SUBTRACT;
            case Cql2Lexer.STAR -> ArithmeticOperator.MULTIPLY;
            case Cql2Lexer.SLASH -> ArithmeticOperator.DIVIDE;
            case Cql2Lexer.PERCENT -> ArithmeticOperator.MODULO;
            case Cql2Lexer.DIV -> ArithmeticOperator.INTEGER_DIVIDE;
            default -> ArithmeticOperator.POWER;
        };
        List<ValueContext> operands = context.getRuleContexts(ValueContext.class);
        return new Arithmetic(operator, arithmeticOperand(operands.get(0)), arithmeticOperand(operands.get(1)));
    }

    /** An operand of + - * / % div ^ or of a sign: a number, a property, a function or another arithmetic. */
    private Expression arithmeticOperand(ValueContext context) {
        Expression value = value(context);
        boolean numeric = value instanceof Literal literal ? literal.value() instanceof Number
                : value instanceof Property || value instanceof Arithmetic
                || value instanceof Expression.Function function && !isCaseAccent(function);
        if (!numeric) {
            throw problem(context.getStart(), "arithmetic needs numbers, properties or functions, not "
                    + describe(value), "a number, a property, a function or '('");
        }
        return value;
    }

    private static String describe(Expression value) {
        if (value instanceof GeometryLiteral) {
            return "a geometry";
        }
        if (value instanceof Interval) {
            return "an interval";
        }
        if (value instanceof Expression.Function function) {
            return function.name();
        }
        Object literal = ((Literal) value).value();
        return literal instanceof String ? "a string" : literal instanceof Boolean ? "a boolean"
                : literal instanceof LocalDate ? "a date" : "a timestamp";
    }

    /** A parenthesised expression or a function argument, which the grammar reads as a filter, as a value. */
    private Expression valueOnly(BooleanExpressionContext context, String problem) {
        if (context instanceof TermExpressionContext term && term.booleanTerm() instanceof ValueTermContext value
                && value.predicateTail() == null) {
            return anyValue(value.value());
        }
        throw problem(context.getStart(), problem, null);
    }

    private Expression intervalEnd(ValueContext context) {
        Expression value = value(context);
        if (value instanceof Literal literal && literal.value() instanceof String string) {
            try {
                Object end = Cql2Literals.intervalEnd(string);
                return end == null ? null : new Literal(end);
            } catch (IllegalArgumentException e) {
                throw problem(context.getStart(), e.getMessage(), Cql2Literals.INSTANT_FORM);
            }
        }
        if (value instanceof Property || value instanceof Literal literal && (literal.value() instanceof LocalDate
                || literal.value() instanceof Instant)
                || value instanceof Expression.Function function && !isCaseAccent(function)) {
            return value;
        }
        throw expected(context.getStart(), "'YYYY-MM-DD', 'YYYY-MM-DDThh:mm:ssZ', '..', a property or a function");
    }

    private String identifier(IdentifierContext context) {
        String name = context.getText();
        if (context.QUOTED_IDENTIFIER() != null) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }

    private static String string(Token token) {
        String quoted = token.getText();
        return quoted.substring(1, quoted.length() - 1).replace("''", "'");
    }

    // -----------------------------------------------------------------------------------------------------------
    // Geometries, built with the coordinates as written
    // -----------------------------------------------------------------------------------------------------------

    private Geometry spatial(SpatialLiteralContext context) {
        if (context.bbox() != null) {
            List<SignedNumberContext> numbers = context.bbox().signedNumber();
            double[] values = new double[numbers.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = number(numbers.get(i));
            }
            return Cql2Literals.bbox(values);
        }
        return geometry(context.geometry());
    }

    private Geometry geometry(GeometryContext context) {
        boolean z = context.getChild(1) instanceof TerminalNode node
                && node.getSymbol().getType() == Cql2Lexer.Z;
        if (context instanceof PointGeometryContext point) {
            return GEOMETRIES.createPoint(coordinate(point.pointText().coordinate(), z));
        }
        if (context instanceof LineStringGeometryContext line) {
            return lineString(line.lineStringText(), z);
        }
        if (context instanceof PolygonGeometryContext polygon) {
            return polygon(polygon.polygonText(), z);
        }
        if (context instanceof MultiPointGeometryContext multi) {
            Point[] points = multi.multiPointMember().stream()
                    .map(m -> GEOMETRIES.createPoint(coordinate(m.pointText() != null ? m.pointText().coordinate()
                            : m.coordinate(), z)))
                    .toArray(Point[]::new);
            return GEOMETRIES.createMultiPoint(points);
        }
        if (context instanceof MultiLineStringGeometryContext multi) {
            return GEOMETRIES.createMultiLineString(multi.lineStringText().stream()
                    .map(l -> lineString(l, z)).toArray(LineString[]::new));
        }
        if (context instanceof MultiPolygonGeometryContext multi) {
            return GEOMETRIES.createMultiPolygon(multi.polygonText().stream()
                    .map(p -> polygon(p, z)).toArray(Polygon[]::new));
        }
        GeometryCollectionContext collection = (GeometryCollectionContext) context;
        return GEOMETRIES.createGeometryCollection(collection.geometry().stream()
                .map(this::geometry).toArray(Geometry[]::new));
    }

    private LineString lineString(LineStringTextContext context, boolean z) {
        Coordinate[] coordinates = coordinates(context, z);
        if (coordinates.length < 2) {
            throw problem(context.getStart(), "a line string needs at least 2 points", "',' and another point");
        }
        return GEOMETRIES.createLineString(coordinates);
    }

    private Polygon polygon(PolygonTextContext context, boolean z) {
        List<LinearRing> rings = new ArrayList<>();
        for (LineStringTextContext ring : context.lineStringText()) {
            Coordinate[] coordinates = coordinates(ring, z);
            if (coordinates.length < 4 || !coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
                throw problem(ring.getStart(), "a polygon ring needs at least 4 points and must end where it starts",
                        "a closed ring (x1 y1, x2 y2, x3 y3, x1 y1)");
            }
            rings.add(GEOMETRIES.createLinearRing(coordinates));
        }
        return GEOMETRIES.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(LinearRing[]::new));
    }

    private Coordinate[] coordinates(LineStringTextContext context, boolean z) {
        return context.coordinate().stream().map(c -> coordinate(c, z)).toArray(Coordinate[]::new);
    }

    private Coordinate coordinate(CoordinateContext context, boolean z) {
        List<SignedNumberContext> numbers = context.signedNumber();
        if (z && numbers.size() < 3) {
            throw problem(tokens.get(context.getStop().getTokenIndex() + 1),
                    "a geometry marked Z needs three numbers (x y z) in each point", "a number");
        }
        double x = number(numbers.get(0));
        double y = number(numbers.get(1));
        return numbers.size() == 3 ? new Coordinate(x, y, number(numbers.get(2))) : new Coordinate(x, y);
    }

    private static double number(SignedNumberContext context) {
        double value = ((Number) Cql2Literals.number(context.NUMBER().getText())).doubleValue();
        return context.MINUS() != null ? -value : value;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Errors
    // -----------------------------------------------------------------------------------------------------------

    /** The 0-based character offset of a token (ANTLR counts code points, Java strings count UTF-16 units). */
    private int offset(Token token) {
        return offset(text, token.getStartIndex(), codePoints);
    }

    private static int offset(String text, int codePointIndex, int codePoints) {
        int index = codePointIndex < 0 ? codePoints : Math.min(codePointIndex, codePoints);
        return text.offsetByCodePoints(0, index);
    }

    private Cql2SyntaxException expected(Token token, String expected) {
        return Cql2SyntaxException.expected(offset(token), near(token), expected);
    }

    private Cql2SyntaxException problem(Token token, String problem, String expected) {
        return Cql2SyntaxException.problem(offset(token), near(token), problem, expected);
    }

    private static String near(Token token) {
        return token.getType() == Token.EOF ? null : token.getText();
    }

    private static Cql2SyntaxException lexicalError(String text, int codePointIndex) {
        int position = offset(text, codePointIndex, text.codePointCount(0, text.length()));
        String rest = text.substring(position);
        String near = rest.length() > 12 ? rest.substring(0, 12) + "…" : rest;
        if (rest.startsWith("'")) {
            return Cql2SyntaxException.problem(position, near, "the string is not closed: end it with ' "
                    + "(and write '' for a quote inside it)", "a closing quote (')");
        }
        if (rest.startsWith("\"")) {
            return Cql2SyntaxException.problem(position, near, "the quoted name is empty or not closed: end it with \"",
                    "a closing double quote (\")");
        }
        if (rest.startsWith("!=")) {
            return Cql2SyntaxException.problem(position, "!=", "'!=' is not a CQL2 operator; write <> for 'not equal'",
                    COMPARISON_EXPECTED);
        }
        if (rest.startsWith("&") || rest.startsWith("|")) {
            String symbol = rest.startsWith("&&") || rest.startsWith("||") ? rest.substring(0, 2) : rest.substring(0, 1);
            return Cql2SyntaxException.problem(position, symbol, "'" + symbol + "' is not a CQL2 operator; write "
                    + (symbol.startsWith("&") ? "AND" : "OR"), null);
        }
        String character = new String(Character.toChars(text.codePointAt(position)));
        return Cql2SyntaxException.problem(position, character, "the character '" + character
                + "' has no meaning in CQL2 here", null);
    }

    /**
     * Stops at the first syntax error instead of recovering, and says what would have been valid there. Nothing is
     * printed: the error becomes a {@link Cql2SyntaxException}.
     */
    private final class FirstError extends DefaultErrorStrategy {

        /** The token at which {@code nextTokensContext} was remembered, so a stale context is not used. */
        private int rememberedAt = -1;

        @Override
        public void sync(Parser recognizer) throws RecognitionException {
            ParserRuleContext before = nextTokensContext;
            super.sync(recognizer);
            if (nextTokensContext != null && nextTokensContext != before) {
                rememberedAt = recognizer.getCurrentToken().getTokenIndex();
            }
        }

        @Override
        public void reportError(Parser recognizer, RecognitionException e) {
            throw error(e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken(),
                    e.getExpectedTokens());
        }

        @Override
        public void recover(Parser recognizer, RecognitionException e) {
            reportError(recognizer, e);
        }

        @Override
        public Token recoverInline(Parser recognizer) throws RecognitionException {
            Token current = recognizer.getCurrentToken();
            InputMismatchException e = nextTokensContext != null && rememberedAt == current.getTokenIndex()
                    ? new InputMismatchException(recognizer, nextTokensState, nextTokensContext)
                    : new InputMismatchException(recognizer);
            throw error(current, e.getExpectedTokens());
        }

        @Override
        protected void reportUnwantedToken(Parser recognizer) {
            throw error(recognizer.getCurrentToken(), getExpectedTokens(recognizer));
        }

        @Override
        protected void reportMissingToken(Parser recognizer) {
            throw error(recognizer.getCurrentToken(), getExpectedTokens(recognizer));
        }

        @Override
        protected Token singleTokenDeletion(Parser recognizer) {
            return null;
        }

        @Override
        protected boolean singleTokenInsertion(Parser recognizer) {
            return false;
        }

        private Cql2SyntaxException error(Token token, IntervalSet expected) {
            Token previous = token.getTokenIndex() > 0 ? tokens.get(token.getTokenIndex() - 1) : null;
            if (token.getType() == Cql2Lexer.EQ && previous != null && previous.getType() == Cql2Lexer.EQ) {
                return problem(previous, "'==' is not a CQL2 operator; write = for 'equal'", COMPARISON_EXPECTED);
            }
            return expected(token, Cql2Expected.describe(expected));
        }
    }
}
