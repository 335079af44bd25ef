package org.parkatlas.feature.filter.cql2;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.parkatlas.feature.filter.cql2.Cql2Lexer.*;

/**
 * ANTLR's set of expected tokens in words a person reads: token names become the text one types, and families of
 * tokens (the comparison operators, the arithmetic operators, everything that starts a value, the S_ and T_ functions,
 * the geometry types) collapse into one phrase each.
 */
final class Cql2Expected {

    private static final List<Integer> COMPARISON = List.of(EQ, NE, LT, LE, GT, GE);
    private static final List<Integer> ARITHMETIC = List.of(PLUS, MINUS, STAR, SLASH, PERCENT, DIV, CARET);
    private static final List<Integer> GEOMETRY = List.of(POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING,
            MULTIPOLYGON, GEOMETRYCOLLECTION, BBOX);
    private static final List<Integer> VALUE = List.of(NUMBER, STRING, TRUE, FALSE, DATE, TIMESTAMP, INTERVAL, CASEI,
            ACCENTI, IDENTIFIER, QUOTED_IDENTIFIER, Z, LPAREN, MINUS, PLUS);
    private static final List<Integer> SPATIAL = List.of(S_INTERSECTS, S_EQUALS, S_DISJOINT, S_TOUCHES, S_WITHIN,
            S_OVERLAPS, S_CROSSES, S_CONTAINS, S_DWITHIN);
    private static final List<Integer> TEMPORAL = List.of(T_AFTER, T_BEFORE, T_CONTAINS, T_DISJOINT, T_DURING,
            T_EQUALS, T_FINISHEDBY, T_FINISHES, T_INTERSECTS, T_MEETS, T_METBY, T_OVERLAPPEDBY, T_OVERLAPS,
            T_STARTEDBY, T_STARTS);

    private Cql2Expected() {
    }

    static String describe(IntervalSet expected) {
        Set<Integer> left = new LinkedHashSet<>(expected.toList());
        left.remove(ARRAY_FUNCTION); // only for lists of codes: named in the message about them, not in every hint
        List<String> parts = new ArrayList<>();
        boolean value = left.contains(NUMBER) && left.contains(IDENTIFIER);
        boolean comparison = left.containsAll(COMPARISON);
        if (comparison) {
            parts.add("a comparison operator (=, <>, <, <=, >, >=)");
            left.removeAll(COMPARISON);
            if (!value) {
                left.remove(LPAREN); // after a name, "(" would make it a function call: no help here
            }
        }
        if (left.contains(LIKE)) {
            left.remove(NOT); // NOT LIKE, NOT BETWEEN, NOT IN
        }
        for (int keyword : List.of(LIKE, BETWEEN, IN, IS)) {
            if (left.remove(keyword)) {
                parts.add(name(keyword));
            }
        }
        if (left.contains(STAR) && left.contains(CARET)) {
            parts.add("an arithmetic operator (+, -, *, /, %, div, ^)");
            left.removeAll(ARITHMETIC);
        }
        if (left.containsAll(SPATIAL) && left.containsAll(TEMPORAL)) {
            if (left.remove(NOT)) {
                parts.add("NOT");
            }
            parts.add("a spatial function (S_INTERSECTS, S_WITHIN, …)");
            parts.add("a temporal function (T_AFTER, T_DURING, …)");
            left.removeAll(SPATIAL);
            left.removeAll(TEMPORAL);
        }
        if (value) {
            parts.add("a value (a property, a literal, a function call or a parenthesised expression)");
            left.removeAll(VALUE);
            left.removeAll(GEOMETRY);
        } else if (left.containsAll(GEOMETRY.subList(0, 7))) {
            boolean bbox = left.contains(BBOX);
            parts.add("a geometry (POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON"
                    + (bbox ? ", GEOMETRYCOLLECTION or BBOX)" : " or GEOMETRYCOLLECTION)"));
            left.removeAll(GEOMETRY);
        } else if (left.contains(NUMBER)) {
            parts.add("a number");
            left.remove(NUMBER);
            left.remove(MINUS);
            left.remove(PLUS);
        }
        if (left.remove(STRING)) {
            parts.add("a string in single quotes");
        }
        boolean end = left.remove(Token.EOF);
        for (int type : left) {
            parts.add(name(type));
        }
        if (end) {
            parts.add("the end of the filter");
        }
        return join(parts);
    }

    private static String name(int type) {
        return switch (type) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case PLUS -> "'+'";
            case MINUS -> "'-'";
            case STAR -> "'*'";
            case SLASH -> "'/'";
            case PERCENT -> "'%'";
            case CARET -> "'^'";
            case LPAREN -> "'('";
            case RPAREN -> "')'";
            case COMMA -> "','";
            case DIV -> "div";
            case IDENTIFIER, QUOTED_IDENTIFIER -> "a property name";
            case NUMBER -> "a number";
            default -> VOCABULARY.getSymbolicName(type);
        };
    }

    private static String join(List<String> parts) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(parts));
        if (unique.isEmpty()) {
            return "something else";
        }
        if (unique.size() == 1) {
            return unique.get(0);
        }
        return String.join(", ", unique.subList(0, unique.size() - 1)) + " or " + unique.get(unique.size() - 1);
    }
}
