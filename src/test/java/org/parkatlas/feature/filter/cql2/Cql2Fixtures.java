package org.parkatlas.feature.filter.cql2;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.parkatlas.feature.filter.Expression;
import org.parkatlas.feature.filter.Expression.Arithmetic;
import org.parkatlas.feature.filter.Expression.ArithmeticOperator;
import org.parkatlas.feature.filter.Expression.GeometryLiteral;
import org.parkatlas.feature.filter.Expression.Interval;
import org.parkatlas.feature.filter.Expression.Literal;
import org.parkatlas.feature.filter.Expression.Property;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.feature.filter.Filter.Operator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shorthands for expected ASTs, and the CQL2 examples of the standard under {@code src/test/resources/fixtures/cql2}.
 */
final class Cql2Fixtures {

    private Cql2Fixtures() {
    }

    /**
     * The two trees are the same. Records compare field by field and a JTS {@link Geometry} compares with
     * {@link Geometry#equalsExact(Geometry)} (its {@code equals(Object)}): same type, same coordinates in the same order
     * (x and y); {@link #assertSameZ} compares heights too.
     */
    static void assertSameTree(Object actual, Object expected) {
        assertThat(actual).isEqualTo(expected);
    }

    static void assertSameZ(Geometry actual, Geometry expected) {
        Coordinate[] a = actual.getCoordinates();
        Coordinate[] b = expected.getCoordinates();
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i].equals3D(b[i])).as("coordinate %d: %s vs %s", i, a[i], b[i]).isTrue();
        }
    }

    static Property prop(String name) {
        return new Property(name);
    }

    static Literal lit(Object value) {
        return new Literal(value);
    }

    static Literal date(String text) {
        return new Literal(LocalDate.parse(text));
    }

    static Literal timestamp(String text) {
        return new Literal(Instant.parse(text));
    }

    static Interval interval(Expression start, Expression end) {
        return new Interval(start, end);
    }

    static GeometryLiteral wkt(String wkt) {
        return new GeometryLiteral(geometry(wkt));
    }

    static Geometry geometry(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    static Expression.Function fn(String name, Expression... args) {
        return new Expression.Function(name, List.of(args));
    }

    static Arithmetic math(Expression left, ArithmeticOperator operator, Expression right) {
        return new Arithmetic(operator, left, right);
    }

    static Filter.Compare cmp(Expression left, Operator operator, Expression right) {
        return new Filter.Compare(left, operator, right);
    }

    static Filter.Compare eq(String property, Object value) {
        return cmp(prop(property), Operator.EQ, lit(value));
    }

    static Filter and(Filter... parts) {
        return new Filter.And(Arrays.asList(parts));
    }

    static Filter or(Filter... parts) {
        return new Filter.Or(Arrays.asList(parts));
    }

    static Filter not(Filter part) {
        return new Filter.Not(part);
    }

    static Filter in(Expression value, Expression... list) {
        return new Filter.In(value, List.of(list));
    }

    static Filter spatial(Filter.SpatialOperator operator, Expression left, Expression right) {
        return new Filter.Spatial(operator, left, right);
    }

    static Filter temporal(Filter.TemporalOperator operator, Expression left, Expression right) {
        return new Filter.Temporal(operator, left, right);
    }

    /** The text examples of the standard, by name, in the order of {@code examples.txt}. */
    static Map<String, String> textExamples() {
        Map<String, String> examples = new LinkedHashMap<>();
        for (String line : resource("examples.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            examples.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return examples;
    }

    static String jsonExample(String name) {
        return resource("json/" + name + ".json");
    }

    static boolean hasJsonExample(String name) {
        return Cql2Fixtures.class.getResource("/fixtures/cql2/json/" + name + ".json") != null;
    }

    static String resource(String path) {
        try (InputStream in = Cql2Fixtures.class.getResourceAsStream("/fixtures/cql2/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
