package org.parkatlas.feature.filter.cql2;

/**
 * A CQL2 filter that cannot be parsed: where the first problem is, what was found there and, when the problem is a
 * token the grammar did not allow, what would have been valid instead.
 *
 * <p>For CQL2 text the place is a 0-based character offset ({@link #position()}) and the message reads e.g.
 * {@code at character 17 near "AND": expected a comparison operator (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS}.
 * For CQL2 JSON it is a JSON Pointer ({@link #pointer()}, RFC 6901) and the message reads e.g.
 * {@code at /args/1: expected a value …}.
 */
public class Cql2SyntaxException extends RuntimeException {

    private final int position;
    private final String pointer;
    private final String expected;

    private Cql2SyntaxException(String message, int position, String pointer, String expected) {
        super(message);
        this.position = position;
        this.pointer = pointer;
        this.expected = expected;
    }

    /** A token the grammar does not allow at {@code position} of a CQL2 text; {@code near} null means the end. */
    static Cql2SyntaxException expected(int position, String near, String expected) {
        return new Cql2SyntaxException(where(position, near) + ": expected " + expected, position, null, expected);
    }

    /** Something wrong at {@code position} of a CQL2 text that is not a matter of one token (a bad date, WKT …). */
    static Cql2SyntaxException problem(int position, String near, String problem, String expected) {
        return new Cql2SyntaxException(where(position, near) + ": " + problem, position, null, expected);
    }

    /** Something wrong at {@code pointer} of a CQL2 JSON document. */
    static Cql2SyntaxException json(String pointer, String problem, String expected) {
        String at = pointer.isEmpty() ? "at the top of the document" : "at " + pointer;
        String message = expected == null ? at + ": " + problem
                : problem == null ? at + ": expected " + expected : at + ": " + problem + "; expected " + expected;
        return new Cql2SyntaxException(message, -1, pointer, expected);
    }

    private static String where(int position, String near) {
        return near == null ? "at character " + position + " (the end of the filter)"
                : "at character " + position + " near \"" + near + "\"";
    }

    /** The 0-based character offset of the problem in a CQL2 text; -1 for CQL2 JSON. */
    public int position() {
        return position;
    }

    /** The JSON Pointer of the problem in a CQL2 JSON document ({@code ""} for the whole document); null for text. */
    public String pointer() {
        return pointer;
    }

    /** What would have been valid at the place of the problem, in words; null when that is not the point. */
    public String expected() {
        return expected;
    }
}
