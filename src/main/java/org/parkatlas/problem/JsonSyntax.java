package org.parkatlas.problem;

import tools.jackson.core.JacksonException;

import java.util.regex.Pattern;

/**
 * What was wrong with a JSON text, as Jackson found it, in words for the client: where (line and column) and why,
 * without the names of Jackson's own classes and settings its messages carry ("from
 * {@code StreamReadConstraints.getMaxNestingDepth()}").
 */
public final class JsonSyntax {

    /** ", from `…`" or "(from `…`)" clauses and any other back-quoted Java names. */
    private static final Pattern JAVA_NAMES = Pattern.compile(",?\\s*(?:from|use)\\s+`[^`]*`|`[^`]*`");

    private JsonSyntax() {
    }

    /** "Unexpected end-of-input (line 1, column 12)", never a class name. */
    public static String describe(JacksonException e) {
        String why = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage();
        why = JAVA_NAMES.matcher(why).replaceAll("").replace("()", "").replaceAll("\\s+", " ").trim();
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return why + where;
    }
}
