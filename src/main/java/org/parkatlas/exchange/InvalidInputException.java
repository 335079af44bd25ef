package org.parkatlas.exchange;

/**
 * Input that cannot be taken as it is — malformed GeoJSON, a value of the wrong type, a missing required attribute —
 * with a JSON Pointer (RFC 6901) to where in the document the problem is, so a person can find and fix it.
 */
public class InvalidInputException extends RuntimeException {

    private final String pointer;

    public InvalidInputException(String pointer, String message) {
        super(message);
        this.pointer = pointer;
    }

    /** Where the problem is, e.g. {@code /features/3/properties/min_far}; empty for the whole document. */
    public String pointer() {
        return pointer;
    }
}
