package org.parkatlas.feature.filter.cql2;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.parkatlas.feature.filter.Filter.SpatialOperator;
import org.parkatlas.feature.filter.Filter.TemporalOperator;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/** What CQL2 text and CQL2 JSON share: the literal forms of dates, timestamps, numbers and bounding boxes. */
final class Cql2Literals {

    static final GeometryFactory GEOMETRIES = new GeometryFactory();

    static final String DATE_FORM = "a date 'YYYY-MM-DD'";
    static final String TIMESTAMP_FORM = "a UTC timestamp 'YYYY-MM-DDThh:mm:ss[.fff]Z'";
    static final String INSTANT_FORM = DATE_FORM + ", " + TIMESTAMP_FORM + " or '..' for an open end";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    private Cql2Literals() {
    }

    /** A CQL2 date (RFC 3339 full-date); the message of the exception says what is wrong. */
    static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + DATE_FORM);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid date: no such day in the calendar");
        }
    }

    /** A CQL2 timestamp (RFC 3339 date-time in UTC, "Z"); the message of the exception says what is wrong. */
    static Instant timestamp(String text) {
        if (!TIMESTAMP.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + TIMESTAMP_FORM);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid timestamp: no such time in the calendar");
        }
    }

    /** One end of an interval given as a string: a date, a timestamp, or null for "..". */
    static Object intervalEnd(String text) {
        if (text.equals("..")) {
            return null;
        }
        if (DATE.matcher(text).matches()) {
            return date(text);
        }
        if (TIMESTAMP.matcher(text).matches()) {
            return timestamp(text);
        }
        throw new IllegalArgumentException("'" + text + "' is not " + INSTANT_FORM);
    }

    /** An integer literal as a Long (a Double if it is too large for one), any other number as a Double. */
    static Object number(String text) {
        boolean integer = text.chars().allMatch(Character::isDigit);
        if (integer) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooLarge) {
                return Double.parseDouble(text);
            }
        }
        return Double.parseDouble(text);
    }

    /**
     * The rectangle of a CQL2 BBOX: (minx, miny, maxx, maxy) or (minx, miny, minz, maxx, maxy, maxz), of which the
     * heights are dropped (the AST's geometries are compared in 2D).
     */
    static Geometry bbox(double[] v) {
        if (v.length != 4 && v.length != 6) {
            throw new IllegalArgumentException("a bbox has 4 numbers (minx, miny, maxx, maxy) or 6 (with minz and maxz)");
        }
        int half = v.length / 2;
        return GEOMETRIES.toGeometry(new Envelope(v[0], v[half], v[1], v[half + 1]));
    }

    static SpatialOperator spatialOperator(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (SpatialOperator operator : SpatialOperator.values()) {
            if (operator.name().equals(upper)) {
                return operator;
            }
        }
        return null;
    }

    static TemporalOperator temporalOperator(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (TemporalOperator operator : TemporalOperator.values()) {
            if (operator.name().equals(upper)) {
                return operator;
            }
        }
        return null;
    }

    static boolean isArrayFunction(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "A_EQUALS", "A_CONTAINS", "A_CONTAINEDBY", "A_OVERLAPS" -> true;
            default -> false;
        };
    }

}
