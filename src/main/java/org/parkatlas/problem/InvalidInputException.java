package org.parkatlas.problem;

import org.parkatlas.catalog.Label;

import java.util.Map;

/**
 * Input that cannot be taken as it is — malformed GeoJSON, a value of the wrong type, a missing required attribute —
 * with a JSON Pointer (RFC 6901) to where in the document the problem is, so a person can find and fix it.
 */
public class InvalidInputException extends Problem {

    private final String pointer;
    private final boolean unprocessable;

    /** Input that is malformed: not JSON, not GeoJSON (HTTP 400). */
    public InvalidInputException(String pointer, Label message) {
        this(pointer, message, false);
    }

    /** The same, said only in English (a message from a library, such as the JSON parser's). */
    public InvalidInputException(String pointer, String message) {
        this(pointer, Label.of(message, message), false);
    }

    private InvalidInputException(String pointer, Label message, boolean unprocessable) {
        super(unprocessable ? 422 : 400, unprocessable ? ProblemType.INVALID_FEATURE : ProblemType.INVALID_REQUEST,
                unprocessable ? Label.of("要素未被接受", "Feature not accepted") : Label.of("输入无效", "Invalid input"),
                message, Map.of("pointer", pointer));
        this.pointer = pointer;
        this.unprocessable = unprocessable;
    }

    /**
     * Well-formed input whose content the layer cannot take: an invalid geometry, a wrong value, a missing
     * required attribute (HTTP 422).
     */
    public static InvalidInputException unprocessable(String pointer, Label message) {
        return new InvalidInputException(pointer, message, true);
    }

    public boolean unprocessable() {
        return unprocessable;
    }

    /** Where the problem is, e.g. {@code /features/3/properties/min_far}; empty for the whole document. */
    public String pointer() {
        return pointer;
    }
}
