package org.parkatlas.feature.filter.cql2;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parkatlas.feature.filter.Expression;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.feature.filter.Filter.Between;
import org.parkatlas.feature.filter.Filter.IsNull;
import org.parkatlas.feature.filter.Filter.Like;
import org.parkatlas.feature.filter.Filter.Operator;
import org.parkatlas.feature.filter.Filter.SpatialOperator;
import org.parkatlas.feature.filter.Filter.TemporalOperator;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.parkatlas.feature.filter.Expression.ArithmeticOperator.ADD;
import static org.parkatlas.feature.filter.Expression.ArithmeticOperator.INTEGER_DIVIDE;
import static org.parkatlas.feature.filter.Expression.ArithmeticOperator.MULTIPLY;
import static org.parkatlas.feature.filter.Expression.ArithmeticOperator.POWER;
import static org.parkatlas.feature.filter.Expression.ArithmeticOperator.SUBTRACT;
import static org.parkatlas.feature.filter.cql2.Cql2Fixtures.*;

class Cql2JsonTest {

    /**
     * Examples whose text and JSON forms in the standard's repository (as stored) do not say the same thing: the two
     * files name different properties. Each still parses in both forms; they are only left out of the comparison.
     */
    private static final Map<String, String> DIVERGENT_IN_THE_STANDARD = Map.of(
            "example01", "text landsat:scene_id, JSON scene_id",
            "example04", "text eq:cloud_cover, JSON eo:cloud_cover",
            "example07", "text eo_instruments, JSON eo:instrument",
            "example08", "text S_INTERSECTS(geometry, …), JSON s_intersects(footprint, …)",
            "example15", "text floors, JSON floor",
            "example22", "text INTERVAL(starts_at, ends_at), JSON updated",
            "example56", "text coverage_date, JSON interval(starts_at, ends_at)",
            "example66", "text INTERVAL(starts_at, ends_at), JSON coverage_dates");

    private static void check(String json, Filter expected) {
        assertSameTree(Cql2Json.parse(json), expected);
    }

    private static Cql2SyntaxException error(String json) {
        return catchThrowableOfType(Cql2SyntaxException.class, () -> Cql2Json.parse(json));
    }

    @Nested
    class Constructs {

        @Test
        void booleansAreWholeFilters() {
            check("true", Filter.INCLUDE);
            check("false", Filter.EXCLUDE);
            check("{\"op\": \"and\", \"args\": [true, {\"op\": \"not\", \"args\": [false]}]}",
                    and(Filter.INCLUDE, not(Filter.EXCLUDE)));
        }

        @Test
        void comparisonsAndLiterals() {
            check("{\"op\": \"<>\", \"args\": [{\"property\": \"id\"}, \"fa7e\"]}",
                    cmp(prop("id"), Operator.NE, lit("fa7e")));
            check("{\"op\": \">=\", \"args\": [{\"property\": \"n\"}, 5]}", cmp(prop("n"), Operator.GE, lit(5L)));
            check("{\"op\": \"<\", \"args\": [{\"property\": \"n\"}, 5.0]}", cmp(prop("n"), Operator.LT, lit(5.0)));
            check("{\"op\": \"<=\", \"args\": [{\"property\": \"n\"}, -2.5e1]}", cmp(prop("n"), Operator.LE, lit(-25.0)));
            check("{\"op\": \">\", \"args\": [true, {\"property\": \"b\"}]}", cmp(lit(true), Operator.GT, prop("b")));
            check("{\"op\": \"=\", \"args\": [{\"property\": \"d\"}, {\"date\": \"1970-01-01\"}]}",
                    cmp(prop("d"), Operator.EQ, date("1970-01-01")));
            check("{\"op\": \"=\", \"args\": [{\"property\": \"t\"}, {\"timestamp\": \"2022-04-16T10:13:19.5Z\"}]}",
                    cmp(prop("t"), Operator.EQ, timestamp("2022-04-16T10:13:19.5Z")));
        }

        @Test
        void advancedComparisons() {
            check("{\"op\": \"like\", \"args\": [{\"op\": \"casei\", \"args\": [{\"property\": \"name\"}]}, "
                    + "{\"op\": \"casei\", \"args\": [\"%jones%\"]}]}",
                    new Like(fn("CASEI", prop("name")), fn("CASEI", lit("%jones%"))));
            check("{\"op\": \"between\", \"args\": [{\"property\": \"depth\"}, 100.0, 150]}",
                    new Between(prop("depth"), lit(100.0), lit(150L)));
            check("{\"op\": \"in\", \"args\": [{\"property\": \"c\"}, [\"a\", 1, true]]}",
                    in(prop("c"), lit("a"), lit(1L), lit(true)));
            check("{\"op\": \"not\", \"args\": [{\"op\": \"isNull\", \"args\": [{\"property\": \"geometry\"}]}]}",
                    not(new IsNull(prop("geometry"))));
            check("{\"op\": \"isNull\", \"args\": [{\"type\": \"Point\", \"coordinates\": [1, 2]}]}",
                    new IsNull(wkt("POINT (1 2)")));
        }

        @Test
        void arithmeticAndFunctions() {
            check("{\"op\": \"=\", \"args\": [{\"op\": \"^\", \"args\": [{\"op\": \"*\", \"args\": [-1, "
                    + "{\"property\": \"a\"}]}, 2]}, {\"op\": \"div\", \"args\": [{\"op\": \"+\", \"args\": [1, 2]}, "
                    + "{\"op\": \"-\", \"args\": [3, 4.5]}]}]}",
                    cmp(math(math(lit(-1L), MULTIPLY, prop("a")), POWER, lit(2L)), Operator.EQ,
                            math(math(lit(1L), ADD, lit(2L)), INTEGER_DIVIDE, math(lit(3L), SUBTRACT, lit(4.5)))));
            check("{\"op\": \"=\", \"args\": [{\"op\": \"Foo\", \"args\": [{\"property\": \"geometry\"}, "
                    + "{\"bbox\": [0, 0, 1, 1]}, {\"date\": \"2020-01-01\"}, false]}, true]}",
                    cmp(fn("FOO", prop("geometry"), wkt("POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))"), date("2020-01-01"),
                            lit(false)), Operator.EQ, lit(true)));
            check("{\"op\": \"<\", \"args\": [{\"op\": \"now\", \"args\": []}, {\"property\": \"t\"}]}",
                    cmp(fn("NOW"), Operator.LT, prop("t")));
        }

        @ParameterizedTest
        @EnumSource(value = SpatialOperator.class, names = "S_DWITHIN", mode = EnumSource.Mode.EXCLUDE)
        void eachSpatialOperator(SpatialOperator operator) {
            check("{\"op\": \"" + operator.name().toLowerCase() + "\", \"args\": [{\"property\": \"geometry\"}, "
                    + "{\"type\": \"Point\", \"coordinates\": [1, 2]}]}",
                    spatial(operator, prop("geometry"), wkt("POINT (1 2)")));
        }

        @Test
        void withinADistanceTakesMetresAsItsThirdArgument() {
            check("{\"op\": \"s_dwithin\", \"args\": [{\"property\": \"geometry\"}, "
                    + "{\"type\": \"Point\", \"coordinates\": [1, 2]}, 500]}",
                    new Filter.Spatial(SpatialOperator.S_DWITHIN, prop("geometry"), wkt("POINT (1 2)"), 500.0));
        }

        @ParameterizedTest
        @EnumSource(TemporalOperator.class)
        void eachTemporalOperator(TemporalOperator operator) {
            String op = switch (operator) {
                case T_FINISHEDBY -> "t_finishedBy";
                case T_METBY -> "t_metBy";
                case T_OVERLAPPEDBY -> "t_overlappedBy";
                case T_STARTEDBY -> "t_startedBy";
                default -> operator.name().toLowerCase();
            };
            check("{\"op\": \"" + op + "\", \"args\": [{\"property\": \"built\"}, "
                    + "{\"interval\": [\"2015-01-01\", \"..\"]}]}",
                    temporal(operator, prop("built"), interval(date("2015-01-01"), null)));
        }

        @Test
        void everyGeoJsonTypeWithHeightsKept() {
            assertThat(geometryOf("{\"type\": \"LineString\", \"coordinates\": [[0, 0], [1, 1]]}"))
                    .isEqualTo(geometry("LINESTRING (0 0, 1 1)"));
            assertThat(geometryOf("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [4, 0], [4, 4], [0, 0]], "
                    + "[[1, 1], [2, 1], [2, 2], [1, 1]]]}"))
                    .isEqualTo(geometry("POLYGON ((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))"));
            assertThat(geometryOf("{\"type\": \"MultiPoint\", \"coordinates\": [[1, 2], [3, 4]]}"))
                    .isEqualTo(geometry("MULTIPOINT ((1 2), (3 4))"));
            assertThat(geometryOf("{\"type\": \"MultiLineString\", \"coordinates\": [[[0, 0], [1, 1]]]}"))
                    .isEqualTo(geometry("MULTILINESTRING ((0 0, 1 1))"));
            assertThat(geometryOf("{\"type\": \"MultiPolygon\", \"coordinates\": [[[[0, 0], [1, 0], [1, 1], "
                    + "[0, 0]]]]}")).isEqualTo(geometry("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))"));
            assertThat(geometryOf("{\"type\": \"GeometryCollection\", \"geometries\": [{\"type\": \"Point\", "
                    + "\"coordinates\": [1, 2]}]}")).isEqualTo(geometry("GEOMETRYCOLLECTION (POINT (1 2))"));
            assertThat(geometryOf("{\"bbox\": [-128.1, -1.1, -99999.0, 180.0, 90.0, 100000.0]}"))
                    .isEqualTo(geometry("POLYGON ((-128.1 -1.1, -128.1 90, 180 90, 180 -1.1, -128.1 -1.1))"));
            assertSameZ(geometryOf("{\"type\": \"Point\", \"coordinates\": [1, 2, 3]}"), geometry("POINT Z(1 2 3)"));
        }

        @Test
        void aJsonNodeParsesLikeItsText() {
            String json = "{\"op\": \"s_within\", \"args\": [{\"property\": \"location\"}, "
                    + "{\"bbox\": [-118, 33.8, -117.9, 34]}]}";
            assertSameTree(Cql2Json.parse(JsonMapper.builder().build().readTree(json)), Cql2Json.parse(json));
        }

        private static org.locationtech.jts.geom.Geometry geometryOf(String json) {
            Filter filter = Cql2Json.parse("{\"op\": \"s_intersects\", \"args\": [{\"property\": \"g\"}, " + json + "]}");
            return ((org.parkatlas.feature.filter.Expression.GeometryLiteral) ((Filter.Spatial) filter).right())
                    .geometry();
        }
    }

    @Nested
    class StandardExamples {

        @TestFactory
        Stream<DynamicTest> everyJsonExampleParses() {
            return textExamples().keySet().stream().filter(Cql2Fixtures::hasJsonExample)
                    .map(name -> DynamicTest.dynamicTest(name,
                            () -> assertThat(Cql2Json.parse(jsonExample(name))).isNotNull()));
        }

        @TestFactory
        Stream<DynamicTest> textAndJsonFormsGiveTheSameTree() {
            return textExamples().entrySet().stream()
                    .filter(e -> hasJsonExample(e.getKey()) && !DIVERGENT_IN_THE_STANDARD.containsKey(e.getKey()))
                    .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> assertSameTree(
                            Cql2Json.parse(jsonExample(e.getKey())), Cql2Text.parse(e.getValue()))));
        }

        @Test
        void howManyWereCompared() {
            long pairs = textExamples().keySet().stream().filter(Cql2Fixtures::hasJsonExample).count();
            assertThat(pairs).isEqualTo(102);
            assertThat(pairs - DIVERGENT_IN_THE_STANDARD.size()).isEqualTo(94);
        }

        @Test
        void theDivergentExamplesReallyDiffer() {
            Map<String, String> text = textExamples();
            for (String name : DIVERGENT_IN_THE_STANDARD.keySet()) {
                assertThat(Cql2Json.parse(jsonExample(name))).as(name).isNotEqualTo(Cql2Text.parse(text.get(name)));
            }
        }

        @Test
        void representativeExamplesGiveTheExpectedTree() {
            assertSameTree(Cql2Json.parse(jsonExample("example19")), and(or(new Like(prop("owner"), lit("mike%")),
                    new Like(prop("owner"), lit("Mike%"))), cmp(prop("floors"), Operator.LT, lit(4L))));
            assertSameTree(Cql2Json.parse(jsonExample("example49")), spatial(SpatialOperator.S_WITHIN,
                    wkt("POLYGON Z ((-49.88024 0.5 -75993.341684, -1.5 -0.99999 -100000.0, 0.0 0.5 -0.333333, "
                            + "-49.88024 0.5 -75993.341684), (-65.887123 2.00001 -100000.0, 0.333333 -53.017711 "
                            + "-79471.332949, 180.0 0.0 1852.616704, -65.887123 2.00001 -100000.0))"),
                    prop("geometry")));
            assertSameTree(Cql2Json.parse(jsonExample("example84")), spatial(SpatialOperator.S_EQUALS,
                    wkt("GEOMETRYCOLLECTION (POINT (1.9 2.00001), POINT (0.0 -2.00001), MULTILINESTRING ((-2.00001 "
                            + "-0.0, -77.292642 -0.5, -87.515626 -0.0, -180.0 12.502773, 21.204842 -1.5, -21.878857 "
                            + "-90.0)), POINT (1.9 0.5), LINESTRING (179.0 1.179148, -148.192487 -65.007816, 0.5 "
                            + "0.333333))"), prop("geometry")));
            assertSameTree(Cql2Json.parse(jsonExample("example63")), temporal(TemporalOperator.T_METBY,
                    interval(timestamp("2010-02-10T05:29:20.073225Z"), date("2010-10-07")), prop("coverage_dates")));
            assertSameTree(Cql2Json.parse(jsonExample("clause7_18")), spatial(SpatialOperator.S_WITHIN, prop("road"),
                    fn("BUFFER", prop("geometry"), lit(10L), lit("m"))));
        }
    }

    @Nested
    class Errors {

        @Test
        void notJson() {
            Cql2SyntaxException e = error("{\"op\": \"=\", \"args\": [");
            assertThat(e.pointer()).isEmpty();
            assertThat(e.position()).isEqualTo(-1);
            assertThat(e.getMessage()).startsWith("at the top of the document: not valid JSON (line 1, column");
        }

        @Test
        void notAFilter() {
            Cql2SyntaxException e = error("{\"property\": \"floors\"}");
            assertThat(e.pointer()).isEmpty();
            assertThat(e.expected()).startsWith("a filter: true, false or an object");

            e = error("{\"op\": \"and\", \"args\": [true, 5]}");
            assertThat(e.pointer()).isEqualTo("/args/1");
            assertThat(e).hasMessageStartingWith("at /args/1: expected a filter");

            e = error("{\"op\": \"avg\", \"args\": [{\"property\": \"windSpeed\"}]}");
            assertThat(e.pointer()).isEqualTo("/op");
            assertThat(e).hasMessageContaining("\"avg\" gives a value, not a filter; compare its result");
        }

        @Test
        void missingOrWrongArguments() {
            Cql2SyntaxException e = error("{\"op\": \"=\", \"args\": [{\"property\": \"a\"}]}");
            assertThat(e.pointer()).isEqualTo("/args");
            assertThat(e).hasMessage("at /args: \"=\" takes 2 arguments, not 1");

            e = error("{\"op\": \"not\"}");
            assertThat(e.pointer()).isEmpty();
            assertThat(e.expected()).isEqualTo("an array of 1 argument");

            e = error("{\"op\": \"or\", \"args\": [true]}");
            assertThat(e).hasMessage("at /args: \"or\" needs at least 2 arguments");

            e = error("{\"op\": \"in\", \"args\": [{\"property\": \"a\"}, \"b\"]}");
            assertThat(e.pointer()).isEqualTo("/args/1");
            assertThat(e.expected()).isEqualTo("an array of values");
        }

        @Test
        void badValuesNamePointers() {
            Cql2SyntaxException e = error("{\"op\": \"and\", \"args\": [true, {\"op\": \"=\", \"args\": "
                    + "[{\"property\": \"d\"}, {\"date\": \"2021-02-30\"}]}]}");
            assertThat(e.pointer()).isEqualTo("/args/1/args/1/date");
            assertThat(e).hasMessage("at /args/1/args/1/date: '2021-02-30' is not a valid date: no such day in the "
                    + "calendar; expected a date \"YYYY-MM-DD\"");

            e = error("{\"op\": \"t_after\", \"args\": [{\"property\": \"t\"}, {\"interval\": [\"2020\", \"..\"]}]}");
            assertThat(e.pointer()).isEqualTo("/args/1/interval/0");

            e = error("{\"op\": \"=\", \"args\": [{\"property\": \"a\"}, {\"op\": \"=\", \"args\": [1, 1]}]}");
            assertThat(e.pointer()).isEqualTo("/args/1");
            assertThat(e).hasMessageContaining("\"=\" is a filter and cannot be used as a value");

            e = error("{\"op\": \"=\", \"args\": [{\"property\": \"a\"}, [1, 2]]}");
            assertThat(e.pointer()).isEqualTo("/args/1");
            assertThat(e).hasMessageContaining("arrays are not supported here");

            e = error("{\"op\": \"+\", \"args\": [{\"property\": \"a\"}, \"1\"]}");
            assertThat(e.pointer()).isEqualTo("/op");

            e = error("{\"op\": \"=\", \"args\": [{\"property\": \"a\"}, {\"op\": \"+\", \"args\": [1, \"x\"]}]}");
            assertThat(e.pointer()).isEqualTo("/args/1/args/1");
            assertThat(e).hasMessageContaining("arithmetic needs numbers");
        }

        @Test
        void badGeometries() {
            Cql2SyntaxException e = error("{\"op\": \"s_intersects\", \"args\": [{\"property\": \"g\"}, "
                    + "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1]]]}]}");
            assertThat(e.pointer()).isEqualTo("/args/1/coordinates/0");
            // geometries are read by the service's one GeoJSON codec, so they are refused in its words
            assertThat(e).hasMessage("at /args/1/coordinates/0: a linear ring needs at least four positions");

            e = error("{\"op\": \"s_intersects\", \"args\": [{\"property\": \"g\"}, {\"type\": \"Circle\", "
                    + "\"coordinates\": [0, 0]}]}");
            assertThat(e.pointer()).isEqualTo("/args/1/type");

            e = error("{\"op\": \"s_intersects\", \"args\": [{\"property\": \"g\"}, {\"type\": \"Point\", "
                    + "\"coordinates\": [0, \"1\"]}]}");
            assertThat(e.pointer()).isEqualTo("/args/1/coordinates/1");
            assertThat(e).hasMessageContaining("a coordinate must be a finite number");

            e = error("{\"op\": \"s_intersects\", \"args\": [{\"property\": \"g\"}, {\"bbox\": [1, 2, 3]}]}");
            assertThat(e.pointer()).isEqualTo("/args/1/bbox");

            e = error("{\"op\": \"s_intersects\", \"args\": [{\"property\": \"g\"}, 5]}");
            assertThat(e.pointer()).isEqualTo("/args/1");
            assertThat(e.expected()).startsWith("a GeoJSON geometry");
        }

        @Test
        void arrayOperatorsTakeAPropertyAndAnArrayOfLiterals() {
            assertThat(Cql2Json.parse("{\"op\": \"a_contains\", \"args\": [{\"property\": \"ids\"}, "
                    + "[\"a\", \"b\"]]}")).isEqualTo(new Filter.ArrayPredicate(Filter.ArrayOperator.A_CONTAINS,
                    new Expression.Property("ids"), new Expression.Literal(List.of("a", "b"))));
            Cql2SyntaxException e = error("{\"op\": \"a_contains\", \"args\": [{\"property\": \"ids\"}, [[\"a\"]]]}");
            assertThat(e.pointer()).isEqualTo("/args/1/0");
        }

        @Test
        void duplicateKeysAreRejected() {
            assertThat(error("{\"op\": \"=\", \"op\": \"<\", \"args\": [1, 2]}").getMessage())
                    .contains("not valid JSON");
        }

        @Test
        void aTopLevelArrayIsNotAFilter() {
            Cql2SyntaxException e = error("[]");
            assertThat(e.pointer()).isEmpty();
            assertThat(e.expected()).startsWith("a filter");
        }
    }
}
