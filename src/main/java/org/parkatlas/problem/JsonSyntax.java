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
    /** "(start marker at [Source: REDACTED …; byte offset: #UNKNOWN])": where, said again less readably. */
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(start marker at \\[Source:[^]]*]\\)|\\s*\\[Source:[^]]*]");
    private static final Pattern JAVA_NAMES = Pattern.compile(",?\\s*(?:from|use)\\s+`[^`]*`|`[^`]*`");

    private JsonSyntax() {
    }

    /** "Unexpected end-of-input (line 1, column 12)", never a class name. */
    public static String describe(JacksonException e) {
        return why(e) + where(e);
    }

    /** Why Jackson stopped, in its words less its own names and its pointers into the source. */
    public static String why(JacksonException e) {
        String why = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage();
        why = SOURCE.matcher(why).replaceAll("");
        why = JAVA_NAMES.matcher(why).replaceAll("").replace("()", "").replaceAll("\\s+", " ").trim();
        return why;
    }

    /** " (line 1, column 12)", or nothing where Jackson does not know. */
    public static String where(JacksonException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
