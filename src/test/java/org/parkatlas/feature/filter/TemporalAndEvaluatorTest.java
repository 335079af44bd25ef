package org.parkatlas.feature.filter;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.filter.Expression.Interval;
import org.parkatlas.feature.filter.Expression.Literal;
import org.parkatlas.feature.filter.Expression.Property;
import org.parkatlas.feature.filter.Filter.Operator;
import org.parkatlas.feature.filter.Filter.TemporalOperator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binding, the temporal rewrite and in-memory evaluation on hand-made roads. */
class TemporalAndEvaluatorTest {

    private final Layer roads = Catalog.standard().require("roads");
    private final FilterBinder binder = new FilterBinder(roads, Crs.CGCS2000_GK_CM_111E);

    @Test
    void temporalFunctionsOnAnInstant() throws Exception {
        Feature finished2021 = road("2021-10-30");
        check(TemporalOperator.T_BEFORE, interval("2022-01-01", null), finished2021, true);
        check(TemporalOperator.T_AFTER, interval("2020-01-01", "2021-10-29"), finished2021, true);
        check(TemporalOperator.T_AFTER, interval("2020-01-01", "2021-10-30"), finished2021, false);
        check(TemporalOperator.T_DURING, interval("2021-01-01", "2021-12-31"), finished2021, true);
        check(TemporalOperator.T_DURING, interval(null, "2021-12-31"), finished2021, true);
        check(TemporalOperator.T_INTERSECTS, interval("2021-10-30", "2022-01-01"), finished2021, true);
        check(TemporalOperator.T_DISJOINT, interval("2021-10-31", null), finished2021, true);
        check(TemporalOperator.T_MEETS, new Literal(LocalDate.of(2021, 10, 30)), finished2021, true);
        check(TemporalOperator.T_EQUALS, new Literal(LocalDate.of(2021, 10, 30)), finished2021, true);
        check(TemporalOperator.T_STARTS, interval("2021-10-30", "2022-01-01"), finished2021, true);
        // a road with no completion date is unknown, and unknown is not a match, even under NOT
        Feature undated = road(null);
        Filter before = binder.bind(new Filter.Temporal(TemporalOperator.T_BEFORE, new Property("completion_date"),
                new Literal(LocalDate.of(2030, 1, 1))));
        assertThat(FilterEvaluator.matches(before, undated)).isFalse();
        assertThat(FilterEvaluator.matches(new Filter.Not(before), undated)).isFalse();
    }

    @Test
    void openEndsAreDecidedWithoutTheDatabase() {
        Filter always = binder.bind(new Filter.Temporal(TemporalOperator.T_INTERSECTS,
                new Interval(null, null), new Interval(null, null)));
        assertThat(always).isEqualTo(Filter.INCLUDE);
    }

    @Test
    void bindingRefusesWhatDoesNotFit() throws Exception {
        assertThatThrownBy(() -> binder.bind(Filter.compare("colour", Operator.EQ, "red")))
                .isInstanceOf(InvalidFilterException.class).hasMessageContaining("not a queryable");
        assertThatThrownBy(() -> binder.bind(Filter.compare("red_line_width_m", Operator.EQ, "wide")))
                .isInstanceOf(InvalidFilterException.class).hasMessageContaining("cannot compare");
        assertThatThrownBy(() -> binder.bind(new Filter.Like(new Property("red_line_width_m"), new Literal("4%"))))
                .isInstanceOf(InvalidFilterException.class).hasMessageContaining("LIKE compares text");
        assertThatThrownBy(() -> binder.bind(new Filter.Compare(new Expression.Function("SOUNDEX",
                List.of(new Property("name"))), Operator.EQ, new Literal("x"))))
                .isInstanceOf(InvalidFilterException.class).hasMessageContaining("not supported");
        // a date given as text is read as a date, as GDAL writes them
        Filter text = binder.bind(Filter.compare("completion_date", Operator.LT, "2022-01-01"));
        assertThat(FilterEvaluator.matches(text, road("2021-10-30"))).isTrue();
    }

    @Test
    void likeCaseiArithmeticAndSpatialInMemory() throws Exception {
        Feature road = road("2021-10-30");
        assertThat(matches(new Filter.Like(new Property("name"), new Literal("南外环%")), road)).isTrue();
        assertThat(matches(new Filter.Like(new Property("name"), new Literal("南_环东延")), road)).isTrue();
        assertThat(matches(new Filter.Like(new Property("name"), new Literal("\\%%")), road)).isFalse();
        assertThat(matches(new Filter.Compare(new Expression.Function("CASEI", List.of(new Property("name_en"))),
                Operator.EQ, new Literal("south ring road east")), road)).isTrue();
        assertThat(matches(new Filter.Compare(new Expression.Arithmetic(Expression.ArithmeticOperator.DIVIDE,
                new Property("red_line_width_m"), new Literal(4L)), Operator.EQ, new Literal(10.0)), road)).isTrue();
        // the filter CRS is EPSG:4546, written northing first: this line runs north-south across x = 50
        assertThat(matches(new Filter.Spatial(Filter.SpatialOperator.S_CROSSES, new Property("geometry"),
                new Expression.GeometryLiteral(new WKTReader().read("LINESTRING (-10 50, 10 50)"))), road)).isTrue();
        assertThat(matches(new Filter.Spatial(Filter.SpatialOperator.S_DISJOINT, new Property("geometry"),
                new Expression.GeometryLiteral(new WKTReader().read("POINT (50 50)"))), road)).isTrue();
    }

    private boolean matches(Filter filter, Feature feature) {
        return FilterEvaluator.matches(binder.bind(filter), feature);
    }

    private void check(TemporalOperator operator, Expression other, Feature road, boolean expected) {
        Filter bound = binder.bind(new Filter.Temporal(operator, new Property("completion_date"), other));
        assertThat(FilterEvaluator.matches(bound, road)).as(operator + " " + other).isEqualTo(expected);
    }

    private static Interval interval(String start, String end) {
        return new Interval(start == null ? null : new Literal(LocalDate.parse(start)),
                end == null ? null : new Literal(LocalDate.parse(end)));
    }

    private static Feature road(String completed) throws Exception {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("name", "南外环东延");
        properties.put("name_en", "South Ring Road East");
        properties.put("status", "existing");
        properties.put("red_line_width_m", 40.0);
        if (completed != null) {
            properties.put("completion_date", LocalDate.parse(completed));
        }
        return new Feature("r-1", new WKTReader().read("LINESTRING (0 0, 100 0)"), properties, 1);
    }
}
