package org.parkatlas.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded, grammar-based CQL2 text: {@link #filter()} draws a valid filter over the parcels' queryables from the
 * CQL2 grammar (comparisons, LIKE, BETWEEN, IN, IS NULL, arithmetic, spatial and temporal predicates, NOT, AND/OR,
 * parentheses); {@link #mutate(String)} then breaks it the way people and programs do, a token at a time — dropped,
 * doubled, swapped with its neighbour, or replaced by a token of another kind. The same seed gives the same cases.
 */
final class Cql2Mutator {

    private static final String[] NUMBERS = {"area_mu", "area_m2", "min_far", "max_far", "min_tax_wan_per_mu",
            "min_investment_wan_per_mu"};
    private static final String[] STATUSES = {"available", "planned", "in_use", "reserved", "transferred"};
    private static final Pattern TOKEN = Pattern.compile("'(?:[^']|'')*'|[A-Za-z_][A-Za-z_0-9]*|-?\\d+(?:\\.\\d+)?"
            + "(?:[eE][-+]?\\d+)?|<>|<=|>=|[()=<>,+*/%-]|\\S");
    private static final String[] FOREIGN = {"(", ")", ",", "'", "=", "<>", "AND", "OR", "NOT", "LIKE", "BETWEEN",
            "IN", "IS", "NULL", "TRUE", "DATE", "POINT", "POLYGON", "S_INTERSECTS", "T_AFTER", "area_mu", "geometry",
            "'x'", "1e999", "-", "%", "/", "0", "''", "\\", "CASEI", "INTERVAL", "ENVELOPE", "99999999999999999999"};

    private final Random random;

    Cql2Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** A valid filter, at most a few levels deep. */
    String filter() {
        return predicate(0);
    }

    private String predicate(int depth) {
        int pick = random.nextInt(depth < 2 ? 12 : 9);
        return switch (pick) {
            case 0 -> pick(NUMBERS) + " " + pick(new String[]{"=", "<>", "<", "<=", ">", ">="}) + " " + number();
            case 1 -> "status = '" + pick(STATUSES) + "'";
            case 2 -> "code LIKE 'GT-Z" + (1 + random.nextInt(3)) + "%'";
            case 3 -> pick(NUMBERS) + " BETWEEN " + random.nextInt(20) + " AND " + (20 + random.nextInt(200));
            case 4 -> "status IN ('" + pick(STATUSES) + "', '" + pick(STATUSES) + "')";
            case 5 -> pick(new String[]{"leveling_date", "industrial_park"}) + " IS " + (random.nextBoolean() ? "" : "NOT ")
                    + "NULL";
            case 6 -> "S_INTERSECTS(geometry, " + geometry() + ")";
            case 7 -> "T_" + pick(new String[]{"AFTER", "BEFORE"}) + "(leveling_date, DATE('20" + (20 + random.nextInt(9))
                    + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9) + "'))";
            case 8 -> "(" + pick(NUMBERS) + " " + pick(new String[]{"+", "-", "*"}) + " " + number() + ") > " + number();
            case 9 -> "NOT (" + predicate(depth + 1) + ")";
            default -> "(" + predicate(depth + 1) + " " + (random.nextBoolean() ? "AND" : "OR") + " "
                    + predicate(depth + 1) + ")";
        };
    }

    private String geometry() {
        double x = 111.59 + random.nextInt(40) / 1000.0;
        double y = 36.15 + random.nextInt(40) / 1000.0;
        return switch (random.nextInt(3)) {
            case 0 -> "POINT(" + x + " " + y + ")";
            case 1 -> "BBOX(" + x + "," + y + "," + (x + 0.01) + "," + (y + 0.01) + ")";
            default -> "POLYGON((" + x + " " + y + ", " + (x + 0.01) + " " + y + ", " + (x + 0.01) + " " + (y + 0.01)
                    + ", " + x + " " + y + "))";
        };
    }

    /** The filter with one token broken. */
    String mutate(String filter) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(filter);
        while (m.find()) {
            tokens.add(m.group());
        }
        int at = random.nextInt(tokens.size());
        switch (random.nextInt(5)) {
            case 0 -> tokens.remove(at);
            case 1 -> tokens.add(at, tokens.get(at));
            case 2 -> {
                if (at + 1 < tokens.size()) {
                    tokens.add(at + 1, tokens.remove(at));
                } else {
                    tokens.remove(at);
                }
            }
            case 3 -> tokens.set(at, pick(FOREIGN));
            default -> tokens.add(at, pick(FOREIGN));
        }
        return String.join(" ", tokens);
    }

    private String number() {
        return random.nextBoolean() ? String.valueOf(random.nextInt(200)) : String.valueOf(random.nextInt(1000) / 10.0);
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
