package org.parkatlas.feature.filter.cql2;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.parkatlas.feature.filter.Expression;
import org.parkatlas.feature.filter.Expression.GeometryLiteral;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.feature.filter.Filter.Between;
import org.parkatlas.feature.filter.Filter.IsNull;
import org.parkatlas.feature.filter.Filter.Like;
import org.parkatlas.feature.filter.Filter.Operator;
import org.parkatlas.feature.filter.Filter.SpatialOperator;
import org.parkatlas.feature.filter.Filter.TemporalOperator;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.parkatlas.feature.filter.Expression.ArithmeticOperator.ADD;
import static org.parkatlas.feature.filter.Expression.ArithmeticOperator.DIVIDE;
import static org.parkatlas.feature.filter.Expression.ArithmeticOperator.INTEGER_DIVIDE;
import static org.parkatlas.feature.filter.Expression.ArithmeticOperator.MODULO;
import static org.parkatlas.feature.filter.Expression.ArithmeticOperator.MULTIPLY;
import static org.parkatlas.feature.filter.Expression.ArithmeticOperator.POWER;
import static org.parkatlas.feature.filter.Expression.ArithmeticOperator.SUBTRACT;
import static org.parkatlas.feature.filter.cql2.Cql2Fixtures.*;

class Cql2TextTest {

    private static void check(String text, Filter expected) {
        assertSameTree(Cql2Text.parse(text), expected);
    }

    /** The value on the right of {@code x = <value>}. */
    private static Expression value(String text) {
        return ((Filter.Compare) Cql2Text.parse("x = " + text)).right();
    }

    private static Cql2SyntaxException error(String text) {
        return catchThrowableOfType(Cql2SyntaxException.class, () -> Cql2Text.parse(text));
    }

    @Nested
    class Comparisons {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"=|EQ", "<>|NE", "<|LT", "<=|LE", ">|GT", ">=|GE"})
        void eachOperator(String symbol, Operator operator) {
            check("floors " + symbol + " 5", cmp(prop("floors"), operator, lit(5L)));
            check("floors" + symbol + "5", cmp(prop("floors"), operator, lit(5L)));
        }

        @Test
        void propertyToPropertyAndLiteralToLiteral() {
            check("vehicle_height > bridge_clearance",
                    cmp(prop("vehicle_height"), Operator.GT, prop("bridge_clearance")));
            check("'a' = 'a'", cmp(lit("a"), Operator.EQ, lit("a")));
            check("FALSE <> swimming_pool", cmp(lit(false), Operator.NE, prop("swimming_pool")));
        }

        @Test
        void temporalInstantsCompareToo() {
            check("updated >= DATE('1970-01-01')", cmp(prop("updated"), Operator.GE, date("1970-01-01")));
            check("start < TIMESTAMP('2022-04-16T10:13:19Z')",
                    cmp(prop("start"), Operator.LT, timestamp("2022-04-16T10:13:19Z")));
        }
    }

    @Nested
    class Literals {

        @Test
        void integersAreLongsAndEverythingElseDoubles() {
            assertThat(value("5")).isEqualTo(lit(5L));
            assertThat(value("0")).isEqualTo(lit(0L));
            assertThat(value("9223372036854775807")).isEqualTo(lit(Long.MAX_VALUE));
            assertThat(value("5.0")).isEqualTo(lit(5.0));
            assertThat(value("1.")).isEqualTo(lit(1.0));
            assertThat(value(".5")).isEqualTo(lit(0.5));
            assertThat(value("1e3")).isEqualTo(lit(1000.0));
            assertThat(value("2.5E-2")).isEqualTo(lit(0.025));
            assertThat(value("99999999999999999999")).isEqualTo(lit(1.0E20));
        }

        @Test
        void negativeNumbersAreNegativeLiterals() {
            assertThat(value("-5")).isEqualTo(lit(-5L));
            assertThat(value("-2.5")).isEqualTo(lit(-2.5));
            assertThat(value("- 7")).isEqualTo(lit(-7L));
            assertThat(value("+7")).isEqualTo(lit(7L));
            assertThat(value("-(3)")).isEqualTo(lit(-3L));
        }

        @Test
        void stringsInSingleQuotesWithDoubledQuotes() {
            assertThat(value("'Toronto'")).isEqualTo(lit("Toronto"));
            assertThat(value("'it''s'")).isEqualTo(lit("it's"));
            assertThat(value("''")).isEqualTo(lit(""));
            assertThat(value("''''")).isEqualTo(lit("'"));
            assertThat(value("'a \"quoted\" word, (and) parentheses'")).isEqualTo(lit("a \"quoted\" word, (and) parentheses"));
            assertThat(value("'Οδος 東京 Straße'")).isEqualTo(lit("Οδος 東京 Straße"));
        }

        @Test
        void booleansDatesAndTimestamps() {
            assertThat(value("TRUE")).isEqualTo(lit(true));
            assertThat(value("false")).isEqualTo(lit(false));
            assertThat(value("DATE('2015-01-01')")).isEqualTo(date("2015-01-01"));
            assertThat(value("TIMESTAMP('2012-08-10T05:30:00Z')")).isEqualTo(timestamp("2012-08-10T05:30:00Z"));
            assertThat(value("TIMESTAMP('2012-08-10T05:30:00.123456Z')"))
                    .isEqualTo(timestamp("2012-08-10T05:30:00.123456Z"));
        }
    }

    @Nested
    class Identifiers {

        @Test
        void unquotedNamesKeepColonsDotsDigitsAndScripts() {
            check("landsat:scene_id = 'x'", eq("landsat:scene_id", "x"));
            check("properties.height2 = 1", eq("properties.height2", 1L));
            check("_private = 1", eq("_private", 1L));
            check("名称 = '東京'", eq("名称", "東京"));
            check("höhe = 1", eq("höhe", 1L));
            check("Όνομα = 1", eq("Όνομα", 1L));
        }

        @Test
        void doubleQuotedNamesMayBeKeywordsOrContainAnything() {
            check("\"date\" = 1", eq("date", 1L));
            check("\"value\" < 10", cmp(prop("value"), Operator.LT, lit(10L)));
            check("\"name with spaces\" = 1", eq("name with spaces", 1L));
            check("\"say \"\"hi\"\"\" = 1", eq("say \"hi\"", 1L));
        }

        @Test
        void theGeometryPropertyIsKeptAsWritten() {
            check("S_INTERSECTS(footprint, POINT(1 2))",
                    spatial(SpatialOperator.S_INTERSECTS, prop("footprint"), wkt("POINT (1 2)")));
            check("S_INTERSECTS(\"Geom\", POINT(1 2))",
                    spatial(SpatialOperator.S_INTERSECTS, prop("Geom"), wkt("POINT (1 2)")));
        }

        @Test
        void zIsAKeywordOnlyAfterAGeometryType() {
            check("z > 10", cmp(prop("z"), Operator.GT, lit(10L)));
            check("Z = z", cmp(prop("Z"), Operator.EQ, prop("z")));
        }
    }

    @Nested
    class Keywords {

        @Test
        void areCaseInsensitive() {
            Filter expected = and(new Like(prop("a"), lit("x%")), not(new Between(prop("b"), lit(1L), lit(2L))),
                    not(new IsNull(prop("c"))));
            check("a LIKE 'x%' AND b NOT BETWEEN 1 AND 2 AND c IS NOT NULL", expected);
            check("a like 'x%' and b not between 1 and 2 and c is not null", expected);
            check("a LiKe 'x%' AnD b NoT bEtWeEn 1 aNd 2 aND c Is NoT nUlL", expected);
        }

        @Test
        void inFunctionsAndLiterals() {
            check("s_intersects(geometry, point(1 2))",
                    spatial(SpatialOperator.S_INTERSECTS, prop("geometry"), wkt("POINT (1 2)")));
            check("t_after(built, date('2012-06-05'))",
                    temporal(TemporalOperator.T_AFTER, prop("built"), date("2012-06-05")));
            check("casei(name) = CaseI('x')", cmp(fn("CASEI", prop("name")), Operator.EQ, fn("CASEI", lit("x"))));
            check("true", Filter.INCLUDE);
            check("x IN (True, fAlSe)", in(prop("x"), lit(true), lit(false)));
        }
    }

    @Nested
    class BooleanStructure {

        @Test
        void trueAndFalseAreWholeFilters() {
            check("TRUE", Filter.INCLUDE);
            check("FALSE", Filter.EXCLUDE);
            check("(TRUE)", Filter.INCLUDE);
            check("NOT FALSE", not(Filter.EXCLUDE));
            check("TRUE AND a = 1", and(Filter.INCLUDE, eq("a", 1L)));
        }

        @Test
        void orBindsLooserThanAndWhichBindsLooserThanNot() {
            check("a = 1 OR b = 2 AND c = 3", or(eq("a", 1L), and(eq("b", 2L), eq("c", 3L))));
            check("a = 1 AND b = 2 OR c = 3", or(and(eq("a", 1L), eq("b", 2L)), eq("c", 3L)));
            check("NOT a = 1 AND b = 2", and(not(eq("a", 1L)), eq("b", 2L)));
            check("NOT a = 1 OR b = 2", or(not(eq("a", 1L)), eq("b", 2L)));
            check("NOT NOT a = 1", not(not(eq("a", 1L))));
        }

        @Test
        void chainsBecomeOneNodeButParenthesesKeepTheirGroups() {
            check("a = 1 AND b = 2 AND c = 3", and(eq("a", 1L), eq("b", 2L), eq("c", 3L)));
            check("a = 1 OR b = 2 OR c = 3", or(eq("a", 1L), eq("b", 2L), eq("c", 3L)));
            check("(a = 1 AND b = 2) AND c = 3", and(and(eq("a", 1L), eq("b", 2L)), eq("c", 3L)));
            check("(a = 1 OR b = 2) AND c = 3", and(or(eq("a", 1L), eq("b", 2L)), eq("c", 3L)));
            check("NOT (a = 1 OR b = 2)", not(or(eq("a", 1L), eq("b", 2L))));
            check("((a = 1))", eq("a", 1L));
        }

        @Test
        void betweenTakesItsOwnAnd() {
            check("x BETWEEN 1 AND 2 AND y = 3", and(new Between(prop("x"), lit(1L), lit(2L)), eq("y", 3L)));
        }
    }

    @Nested
    class AdvancedComparisons {

        @Test
        void likeAndNotLike() {
            check("name LIKE 'Smith%'", new Like(prop("name"), lit("Smith%")));
            check("name NOT LIKE 'Smith%'", not(new Like(prop("name"), lit("Smith%"))));
            check("NOT name LIKE 'Smith%'", not(new Like(prop("name"), lit("Smith%"))));
            check("CASEI(name) LIKE CASEI('%calcutta%')",
                    new Like(fn("CASEI", prop("name")), fn("CASEI", lit("%calcutta%"))));
            check("name LIKE ACCENTI(CASEI('a_c'))", new Like(prop("name"), fn("ACCENTI", fn("CASEI", lit("a_c")))));
        }

        @Test
        void betweenAndNotBetween() {
            check("depth BETWEEN 100.0 AND 150.0", new Between(prop("depth"), lit(100.0), lit(150.0)));
            check("depth NOT BETWEEN -1 AND min + 2",
                    not(new Between(prop("depth"), lit(-1L), math(prop("min"), ADD, lit(2L)))));
        }

        @Test
        void inAndNotIn() {
            check("cityName IN ('Toronto','Frankfurt')", in(prop("cityName"), lit("Toronto"), lit("Frankfurt")));
            check("category NOT IN (1,2,3)", not(in(prop("category"), lit(1L), lit(2L), lit(3L))));
            check("x IN (y)", in(prop("x"), prop("y")));
        }

        @Test
        void isNullOnAnyExpression() {
            check("geometry IS NULL", new IsNull(prop("geometry")));
            check("geometry IS NOT NULL", not(new IsNull(prop("geometry"))));
            check("avg(speed) IS NULL", new IsNull(fn("AVG", prop("speed"))));
            check("a + 1 IS NULL", new IsNull(math(prop("a"), ADD, lit(1L))));
            check("'x' IS NULL", new IsNull(lit("x")));
            check("POINT(1 2) IS NULL", new IsNull(wkt("POINT (1 2)")));
            check("INTERVAL('..', '2020-01-01') IS NOT NULL",
                    not(new IsNull(interval(null, date("2020-01-01")))));
        }
    }

    @Nested
    class Functions {

        @Test
        void caseiAndAccentiAreFunctions() {
            check("CASEI(road_class) IN (CASEI('Οδος'), CASEI('Straße'))",
                    in(fn("CASEI", prop("road_class")), fn("CASEI", lit("Οδος")), fn("CASEI", lit("Straße"))));
            check("ACCENTI(etat_vol) = ACCENTI('débárquér')",
                    cmp(fn("ACCENTI", prop("etat_vol")), Operator.EQ, fn("ACCENTI", lit("débárquér"))));
            check("CASEI(ACCENTI(a)) = 'x'", cmp(fn("CASEI", fn("ACCENTI", prop("a"))), Operator.EQ, lit("x")));
        }

        @Test
        void anyOtherCallIsAFunctionByItsUpperCaseName() {
            check("avg(windSpeed) < 4", cmp(fn("AVG", prop("windSpeed")), Operator.LT, lit(4L)));
            check("now() > x", cmp(fn("NOW"), Operator.GT, prop("x")));
            check("FALSE <> Bar(\"geometry\", 100, 'a', POINT(1 2), DATE('2020-01-01'), -2.5, f(g(1)))",
                    cmp(lit(false), Operator.NE, fn("BAR", prop("geometry"), lit(100L), lit("a"), wkt("POINT (1 2)"),
                            date("2020-01-01"), lit(-2.5), fn("F", fn("G", lit(1L))))));
            check("S_WITHIN(road, Buffer(geometry, 10, 'm'))", spatial(SpatialOperator.S_WITHIN, prop("road"),
                    fn("BUFFER", prop("geometry"), lit(10L), lit("m"))));
        }
    }

    @Nested
    class Arithmetic {

        @Test
        void precedenceAndAssociativity() {
            assertThat(value("a + b * c")).isEqualTo(math(prop("a"), ADD, math(prop("b"), MULTIPLY, prop("c"))));
            assertThat(value("(a + b) * c")).isEqualTo(math(math(prop("a"), ADD, prop("b")), MULTIPLY, prop("c")));
            assertThat(value("a - b - c")).isEqualTo(math(math(prop("a"), SUBTRACT, prop("b")), SUBTRACT, prop("c")));
            assertThat(value("a / b * c")).isEqualTo(math(math(prop("a"), DIVIDE, prop("b")), MULTIPLY, prop("c")));
            assertThat(value("a * b ^ c")).isEqualTo(math(prop("a"), MULTIPLY, math(prop("b"), POWER, prop("c"))));
            assertThat(value("2 ^ 3 ^ 2")).isEqualTo(math(lit(2L), POWER, math(lit(3L), POWER, lit(2L))));
            assertThat(value("a % 2 + b div 3"))
                    .isEqualTo(math(math(prop("a"), MODULO, lit(2L)), ADD, math(prop("b"), INTEGER_DIVIDE, lit(3L))));
            assertThat(value("a DIV 2")).isEqualTo(math(prop("a"), INTEGER_DIVIDE, lit(2L)));
        }

        @Test
        void unaryMinusBindsTightestAndIsMinusOneTimes() {
            assertThat(value("-a")).isEqualTo(math(lit(-1L), MULTIPLY, prop("a")));
            assertThat(value("-a ^ 2")).isEqualTo(math(math(lit(-1L), MULTIPLY, prop("a")), POWER, lit(2L)));
            assertThat(value("2 ^ -1")).isEqualTo(math(lit(2L), POWER, lit(-1L)));
            assertThat(value("-(a + 1)")).isEqualTo(math(lit(-1L), MULTIPLY, math(prop("a"), ADD, lit(1L))));
            assertThat(value("a - -1")).isEqualTo(math(prop("a"), SUBTRACT, lit(-1L)));
            assertThat(value("a--1")).isEqualTo(math(prop("a"), SUBTRACT, lit(-1L)));
        }

        @Test
        void aMinusWithoutSpacesIsStillASubtraction() {
            check("balance-150.0 > 0",
                    cmp(math(prop("balance"), SUBTRACT, lit(150.0)), Operator.GT, lit(0L)));
        }

        @Test
        void bothSidesOfAComparisonMayBeArithmetic() {
            check("a + 1 > (b - 1) * 2",
                    cmp(math(prop("a"), ADD, lit(1L)), Operator.GT, math(math(prop("b"), SUBTRACT, lit(1L)),
                            MULTIPLY, lit(2L))));
        }
    }

    @Nested
    class Spatial {

        @ParameterizedTest
        @EnumSource(value = SpatialOperator.class, names = "S_DWITHIN", mode = EnumSource.Mode.EXCLUDE)
        void eachOperator(SpatialOperator operator) {
            check(operator.name() + "(geometry, POINT(1 2))", spatial(operator, prop("geometry"), wkt("POINT (1 2)")));
        }

        @Test
        void withinADistanceTakesMetresAsItsThirdArgument() {
            check("S_DWITHIN(geometry, POINT(1 2), 500)", new Filter.Spatial(SpatialOperator.S_DWITHIN,
                    prop("geometry"), wkt("POINT (1 2)"), 500.0));
            check("s_dwithin(geometry, POINT(1 2), 2.5e2)", new Filter.Spatial(SpatialOperator.S_DWITHIN,
                    prop("geometry"), wkt("POINT (1 2)"), 250.0));
            assertThatThrownBy(() -> Cql2Text.parse("S_DWITHIN(geometry, POINT(1 2))"))
                    .isInstanceOf(Cql2SyntaxException.class).hasMessageContaining("','");
            assertThatThrownBy(() -> Cql2Text.parse("S_DWITHIN(geometry, POINT(1 2), 'far')"))
                    .isInstanceOf(Cql2SyntaxException.class).hasMessageContaining("distance in metres");
        }

        @Test
        void everyWktType() {
            assertThat(geometryOf("POINT(36.319836 32.288087)")).isEqualTo(geometry("POINT (36.319836 32.288087)"));
            assertThat(geometryOf("LINESTRING(0 0, 1 1, 2 0)")).isEqualTo(geometry("LINESTRING (0 0, 1 1, 2 0)"));
            assertThat(geometryOf("POLYGON((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))"))
                    .isEqualTo(geometry("POLYGON ((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))"));
            assertThat(geometryOf("MULTILINESTRING((0 0, 1 1), (2 2, 3 3))"))
                    .isEqualTo(geometry("MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))"));
            assertThat(geometryOf("MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))"))
                    .isEqualTo(geometry("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))"));
            assertThat(geometryOf("GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(0 0, 1 1))"))
                    .isEqualTo(geometry("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))"));
            assertThat(geometryOf("point (-1.5e1 +2)")).isEqualTo(geometry("POINT (-15 2)"));
        }

        @Test
        void multipointWithBareOrParenthesisedPoints() {
            org.locationtech.jts.geom.Geometry expected = geometry("MULTIPOINT ((1 2), (3 4))");
            assertThat(geometryOf("MULTIPOINT((1 2), (3 4))")).isEqualTo(expected);
            assertThat(geometryOf("MULTIPOINT(1 2, 3 4)")).isEqualTo(expected);
            assertThat(geometryOf("MULTIPOINT((1 2), 3 4)")).isEqualTo(expected);
        }

        @Test
        void zCoordinatesAreKept() {
            assertSameZ(geometryOf("POINT Z(1 2 3)"), geometry("POINT Z(1 2 3)"));
            assertSameZ(geometryOf("LINESTRING Z (0 0 1, 1 1 2)"), geometry("LINESTRING Z(0 0 1, 1 1 2)"));
            assertSameZ(geometryOf("POLYGON Z ((0 0 1, 1 0 1, 1 1 1, 0 0 1))"),
                    geometry("POLYGON Z((0 0 1, 1 0 1, 1 1 1, 0 0 1))"));
            assertSameZ(geometryOf("MULTIPOINT Z (1 2 3, (4 5 6))"), geometry("MULTIPOINT Z((1 2 3), (4 5 6))"));
        }

        @Test
        void bboxIsTheRectangle() {
            assertThat(geometryOf("BBOX(-118, 33.8, -117.9, 34)"))
                    .isEqualTo(geometry("POLYGON ((-118 33.8, -118 34, -117.9 34, -117.9 33.8, -118 33.8))"));
            assertThat(geometryOf("BBOX(-128.098193, -1.1, -99999.0, 180.0, 90.0, 100000.0)"))
                    .isEqualTo(geometry("POLYGON ((-128.098193 -1.1, -128.098193 90, 180 90, 180 -1.1, "
                            + "-128.098193 -1.1))"));
        }

        @Test
        void operandsMayBePropertiesOrFunctions() {
            check("S_CONTAINS(parcel, building)", spatial(SpatialOperator.S_CONTAINS, prop("parcel"), prop("building")));
            check("S_EQUALS(POINT(1 2), centroid(geometry))",
                    spatial(SpatialOperator.S_EQUALS, wkt("POINT (1 2)"), fn("CENTROID", prop("geometry"))));
        }

        private static org.locationtech.jts.geom.Geometry geometryOf(String wkt) {
            Filter filter = Cql2Text.parse("S_INTERSECTS(geometry, " + wkt + ")");
            return ((GeometryLiteral) ((Filter.Spatial) filter).right()).geometry();
        }
    }

    @Nested
    class Temporal {

        @ParameterizedTest
        @EnumSource(TemporalOperator.class)
        void eachOperator(TemporalOperator operator) {
            check(operator.name().toLowerCase(Locale.ROOT) + "(built, DATE('2015-01-01'))",
                    temporal(operator, prop("built"), date("2015-01-01")));
        }

        @Test
        void intervalsOfStringsPropertiesAndOpenEnds() {
            check("T_DURING(INTERVAL(starts_at, ends_at), INTERVAL('2017-06-10T07:30:00Z', '2017-06-11'))",
                    temporal(TemporalOperator.T_DURING, interval(prop("starts_at"), prop("ends_at")),
                            interval(timestamp("2017-06-10T07:30:00Z"), date("2017-06-11"))));
            check("T_INTERSECTS(event, INTERVAL('..', '2005-01-10'))",
                    temporal(TemporalOperator.T_INTERSECTS, prop("event"), interval(null, date("2005-01-10"))));
            check("T_INTERSECTS(event, INTERVAL('2005-01-10', '..'))",
                    temporal(TemporalOperator.T_INTERSECTS, prop("event"), interval(date("2005-01-10"), null)));
            check("T_INTERSECTS(event, INTERVAL(DATE('2005-01-10'), now()))",
                    temporal(TemporalOperator.T_INTERSECTS, prop("event"), interval(date("2005-01-10"), fn("NOW"))));
        }

        @Test
        void timestampsToTheMicrosecond() {
            check("T_BEFORE(updated_at, TIMESTAMP('2012-08-10T05:30:00.000000Z'))",
                    temporal(TemporalOperator.T_BEFORE, prop("updated_at"), timestamp("2012-08-10T05:30:00Z")));
        }
    }

    @Nested
    class StandardExamples {

        @TestFactory
        Stream<DynamicTest> everyExampleParses() {
            return textExamples().entrySet().stream().map(example -> DynamicTest.dynamicTest(example.getKey(),
                    () -> assertThat(Cql2Text.parse(example.getValue())).isNotNull()));
        }

        @Test
        void theFixtureHoldsTheExamples() {
            assertThat(textExamples()).hasSize(112);
        }

        @Test
        void representativeExamplesGiveTheExpectedTree() {
            var examples = textExamples();
            assertSameTree(Cql2Text.parse(examples.get("example06a")), and(
                    new Between(prop("eo:cloud_cover"), lit(0.1), lit(0.2)),
                    eq("landsat:wrs_row", 28L), eq("landsat:wrs_path", 203L)));
            assertSameTree(Cql2Text.parse(examples.get("example16")), and(eq("swimming_pool", true),
                    or(cmp(prop("floors"), Operator.GT, lit(5L)), new Like(prop("material"), lit("brick%")),
                            new Like(prop("material"), lit("%brick")))));
            assertSameTree(Cql2Text.parse(examples.get("example18")),
                    or(not(cmp(prop("floors"), Operator.LT, lit(5L))), eq("swimming_pool", true)));
            assertSameTree(Cql2Text.parse(examples.get("example25")), and(cmp(prop("floors"), Operator.GT, lit(5L)),
                    spatial(SpatialOperator.S_WITHIN, prop("geometry"),
                            wkt("POLYGON ((-118 33.8, -118 34, -117.9 34, -117.9 33.8, -118 33.8))"))));
            assertSameTree(Cql2Text.parse(examples.get("example28")), new Like(fn("CASEI", prop("geophys:SURVEY_NAME")),
                    fn("CASEI", lit("%calcutta%"))));
            assertSameTree(Cql2Text.parse(examples.get("example43")),
                    and(not(new Like(prop("name"), lit("foo%"))), cmp(prop("value"), Operator.GT, lit(10L))));
            assertSameTree(Cql2Text.parse(examples.get("example48")), spatial(SpatialOperator.S_TOUCHES,
                    prop("geometry"), wkt("MULTILINESTRING ((-1.9 -0.99999, 75.292574 1.5, -0.5 -4.016458, "
                            + "-31.708594 -74.743801, 179.0 -90.0), (-1.9 -1.1, 1.5 8.547371))")));
            assertSameTree(Cql2Text.parse(examples.get("example56")), temporal(TemporalOperator.T_DISJOINT,
                    interval(null, timestamp("2005-01-10T01:01:01.393216Z")), prop("coverage_date")));
            assertSameTree(Cql2Text.parse(examples.get("example67")), temporal(TemporalOperator.T_STARTS,
                    interval(prop("starts_at"), prop("ends_at")), interval(timestamp("1991-10-07T08:21:06.393262Z"),
                            null)));
            assertSameTree(Cql2Text.parse(examples.get("example69")), cmp(lit(false), Operator.NE,
                    fn("BAR", prop("geometry"), lit(100L), lit("a"), lit("b"), lit(false))));
            assertSameTree(Cql2Text.parse(examples.get("example83")), spatial(SpatialOperator.S_EQUALS,
                    wkt("MULTIPOINT ((180.0 -0.5), (179.0 -47.121701), (180.0 -0.0), (33.470475 -0.99999), "
                            + "(179.0 -15.333062))"), prop("geometry")));
            assertSameTree(Cql2Text.parse(examples.get("example85")), cmp(prop("value"), Operator.EQ,
                    math(math(math(math(lit(-1L), MULTIPLY, prop("foo")), MULTIPLY, lit(2.0)), ADD,
                            math(prop("bar"), DIVIDE, lit(6.1234))), SUBTRACT, math(prop("x"), POWER, lit(2.0)))));
        }

        @Test
        void alternativeSpellingsGiveTheSameTree() {
            var examples = textExamples();
            for (String name : List.of("example36", "example38", "example40", "example42", "example43", "example44",
                    "example46", "example49", "example54", "example55")) {
                assertSameTree(Cql2Text.parse(examples.get(name + "-alt01")), Cql2Text.parse(examples.get(name)));
            }
        }
    }

    @Nested
    class Errors {

        @Test
        void missingOperand() {
            Cql2SyntaxException e = error("floors > ");
            assertThat(e.position()).isEqualTo(9);
            assertThat(e.pointer()).isNull();
            assertThat(e.expected())
                    .isEqualTo("a value (a property, a literal, a function call or a parenthesised expression)");
            assertThat(e).hasMessage("at character 9 (the end of the filter): expected a value (a property, a "
                    + "literal, a function call or a parenthesised expression)");

            e = error("a = 1 AND OR b = 2");
            assertThat(e.position()).isEqualTo(10);
            assertThat(e.getMessage()).startsWith("at character 10 near \"OR\": expected NOT, a spatial function");
        }

        @Test
        void missingComparison() {
            Cql2SyntaxException e = error("landsat:wrs_row AND x = 1");
            assertThat(e).hasMessage("at character 16 near \"AND\": expected a comparison operator "
                    + "(=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS");
            assertThat(e.position()).isEqualTo(16);
            assertThat(e.expected()).isEqualTo("a comparison operator (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS");

            assertThat(error("avg(x)")).hasMessageContaining("a function call is not a filter by itself")
                    .extracting(Cql2SyntaxException::position).isEqualTo(6);
        }

        @Test
        void unclosedString() {
            Cql2SyntaxException e = error("name = 'Smith AND x = 1");
            assertThat(e.position()).isEqualTo(7);
            assertThat(e.expected()).isEqualTo("a closing quote (')");
            assertThat(e).hasMessage("at character 7 near \"'Smith AND x…\": the string is not closed: end it with ' "
                    + "(and write '' for a quote inside it)");
        }

        @Test
        void unknownOperators() {
            Cql2SyntaxException e = error("floors != 5");
            assertThat(e.position()).isEqualTo(7);
            assertThat(e).hasMessage("at character 7 near \"!=\": '!=' is not a CQL2 operator; write <> for 'not "
                    + "equal'");

            e = error("floors == 5");
            assertThat(e.position()).isEqualTo(7);
            assertThat(e).hasMessageContaining("'==' is not a CQL2 operator; write = for 'equal'");

            e = error("a = 1 && b = 2");
            assertThat(e.position()).isEqualTo(6);
            assertThat(e).hasMessageContaining("'&&' is not a CQL2 operator; write AND");

            e = error("name ~ 'x'");
            assertThat(e.position()).isEqualTo(5);
            assertThat(e).hasMessage("at character 5 near \"~\": the character '~' has no meaning in CQL2 here");

            e = error("floors >> 5");
            assertThat(e.position()).isEqualTo(8);
            assertThat(e.expected()).startsWith("a value");
        }

        @Test
        void badWkt() {
            Cql2SyntaxException e = error("S_INTERSECTS(geometry, POLYGON((0 0, 1 0, 1 1)))");
            assertThat(e.position()).isEqualTo(31);
            assertThat(e).hasMessage("at character 31 near \"(\": a polygon ring needs at least 4 points and must "
                    + "end where it starts");

            e = error("S_INTERSECTS(geometry, POINT(1))");
            assertThat(e.position()).isEqualTo(30);
            assertThat(e).hasMessage("at character 30 near \")\": expected a number");

            e = error("S_INTERSECTS(geometry, LINESTRING(1 2))");
            assertThat(e.position()).isEqualTo(33);
            assertThat(e).hasMessageContaining("a line string needs at least 2 points");

            e = error("S_INTERSECTS(geometry, POINT Z (1 2))");
            assertThat(e.position()).isEqualTo(35);
            assertThat(e).hasMessageContaining("a geometry marked Z needs three numbers (x y z)");

            e = error("S_INTERSECTS(geometry, POLYGON(0 0, 1 0, 1 1, 0 0))");
            assertThat(e.position()).isEqualTo(31);
            assertThat(e.expected()).isEqualTo("'('");

            e = error("S_INTERSECTS(geometry, BBOX(1, 2, 3))");
            assertThat(e.position()).isEqualTo(35);
            assertThat(e.expected()).isEqualTo("','");
        }

        @Test
        void trailingTokens() {
            Cql2SyntaxException e = error("floors > 5 swimming_pool = true");
            assertThat(e.position()).isEqualTo(11);
            assertThat(e).hasMessage("at character 11 near \"swimming_pool\": expected an arithmetic operator "
                    + "(+, -, *, /, %, div, ^), AND, OR or the end of the filter");

            e = error("TRUE FALSE");
            assertThat(e.position()).isEqualTo(5);
            assertThat(e.expected()).contains("AND, OR").contains("the end of the filter");
        }

        @Test
        void unbalancedParentheses() {
            Cql2SyntaxException e = error("(floors > 5 AND material = 'brick'");
            assertThat(e.position()).isEqualTo(34);
            assertThat(e).hasMessage("at character 34 (the end of the filter): expected an arithmetic operator "
                    + "(+, -, *, /, %, div, ^), AND, OR or ')'");

            e = error("floors > 5)");
            assertThat(e.position()).isEqualTo(10);
            assertThat(e.expected()).endsWith("AND, OR or the end of the filter");

            e = error("S_INTERSECTS(geometry, POINT(1 2)");
            assertThat(e.position()).isEqualTo(33);
            assertThat(e.expected()).isEqualTo("')'");
        }

        @Test
        void arrayFunctionsTakeAPropertyAndAListOfLiterals() {
            Filter filter = Cql2Text.parse("A_CONTAINS(regional_assessments, ('seismic', 'flood'))");
            assertThat(filter).isEqualTo(new Filter.ArrayPredicate(Filter.ArrayOperator.A_CONTAINS,
                    new Expression.Property("regional_assessments"), new Expression.Literal(List.of("seismic", "flood"))));
            assertThat(Cql2Text.parse("a_overlaps(('energy'), x)")).isEqualTo(new Filter.ArrayPredicate(
                    Filter.ArrayOperator.A_OVERLAPS, new Expression.Literal(List.of("energy")), new Expression.Property("x")));
            assertThat(((Filter.ArrayPredicate) Cql2Text.parse("A_EQUALS(x, ())")).right())
                    .isEqualTo(new Expression.Literal(List.of()));

            Cql2SyntaxException e = error("A_CONTAINS(x, (('a'), 'b'))");
            assertThat(e).hasMessageContaining("an array holds literal values such as 'seismic', not another array");
            e = error("x = 1 AND a_overlaps(\"values\", (TIMESTAMP('2012-08-10T05:30:00Z'), FALSE");
            assertThat(e.position()).as("where the text stops, not at the function").isGreaterThan(10);
        }

        @Test
        void badDatesAndTimestamps() {
            Cql2SyntaxException e = error("updated > DATE('2021-02-30')");
            assertThat(e.position()).isEqualTo(15);
            assertThat(e.expected()).isEqualTo("a date 'YYYY-MM-DD'");
            assertThat(e).hasMessage("at character 15 near \"'2021-02-30'\": '2021-02-30' is not a valid date: no "
                    + "such day in the calendar");

            e = error("updated > DATE('30.01.2021')");
            assertThat(e).hasMessage("at character 15 near \"'30.01.2021'\": '30.01.2021' is not a date 'YYYY-MM-DD'");

            e = error("updated > TIMESTAMP('2021-01-30 10:00:00')");
            assertThat(e.position()).isEqualTo(20);
            assertThat(e).hasMessageContaining("is not a UTC timestamp 'YYYY-MM-DDThh:mm:ss[.fff]Z'");

            e = error("T_DURING(updated, INTERVAL('2020-01-01', 'soon'))");
            assertThat(e.position()).isEqualTo(41);
            assertThat(e).hasMessageContaining("'soon' is not a date 'YYYY-MM-DD', a UTC timestamp");
        }

        @Test
        void valuesInTheWrongPlace() {
            assertThat(error("S_INTERSECTS(geometry, 5)")).hasMessage("at character 23 near \"5\": expected a "
                    + "geometry literal (POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, "
                    + "GEOMETRYCOLLECTION or BBOX), a property or a function");
            assertThat(error("T_AFTER(built, '2020-01-01')").expected())
                    .isEqualTo("DATE('…'), TIMESTAMP('…'), INTERVAL(…, …), a property or a function");
            assertThat(error("geometry = POINT(1 2)")).hasMessageContaining("a geometry cannot be compared here");
            assertThat(error("x LIKE 5").expected()).isEqualTo("a string in single quotes, CASEI or ACCENTI");
            assertThat(error("a + 'x' > 1")).hasMessageContaining("arithmetic needs numbers, properties or functions");
            assertThat(error("x < (y = 1)")).hasMessageContaining("a filter in parentheses cannot be used as a value");
            assertThat(error("f(a = 1) = TRUE")).hasMessageContaining("a filter cannot be a function argument");
            assertThat(error("a NOT 5").expected()).isEqualTo("LIKE, BETWEEN or IN");
        }

        @Test
        void emptyFilter() {
            Cql2SyntaxException e = error("   ");
            assertThat(e.position()).isEqualTo(3);
            assertThat(e.getMessage()).startsWith("at character 3 (the end of the filter): expected NOT");
        }

        @Test
        void positionsCountJavaCharactersAfterSupplementaryCharacters() {
            Cql2SyntaxException e = error("name = '\uD83D\uDE00' AND");
            assertThat(e.position()).isEqualTo(15);
        }

        @Test
        void nothingIsPrintedAndTheFirstErrorWins() {
            java.io.PrintStream original = System.err;
            java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
            System.setErr(new java.io.PrintStream(captured));
            try {
                assertThatThrownBy(() -> Cql2Text.parse("a = 1 AND AND b <> <> 2"))
                        .isInstanceOf(Cql2SyntaxException.class).extracting("position").isEqualTo(10);
            } finally {
                System.setErr(original);
            }
            assertThat(captured.toString()).isEmpty();
        }
    }
}
