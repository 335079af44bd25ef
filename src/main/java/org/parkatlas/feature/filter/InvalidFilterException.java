package org.parkatlas.feature.filter;

/** A filter that parses but cannot be applied to the layer: an unknown property, values of mismatched types … */
public class InvalidFilterException extends RuntimeException {

    public InvalidFilterException(String message) {
        super(message);
    }
}
