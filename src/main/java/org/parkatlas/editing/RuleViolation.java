package org.parkatlas.editing;

import org.locationtech.jts.geom.Geometry;
import org.parkatlas.catalog.Label;

import java.util.List;

/**
 * A broken rule, as JTS reports a topology error: which rule, what is wrong in zh-CN and English, the other features
 * it is broken against, where (the overlap, the part inside a red line … in the storage CRS, null when nowhere in
 * particular), and which feature of the request broke it (a JSON Pointer, empty for a request of one feature). It
 * travels unchanged from the rule that found it to the problem+json a client reads.
 */
public record RuleViolation(String rule, Label message, List<String> conflicting, Geometry where, String pointer) {

    public RuleViolation {
        conflicting = conflicting == null ? List.of() : List.copyOf(conflicting);
        pointer = pointer == null ? "" : pointer;
    }

    public RuleViolation(String rule, Label message, List<String> conflicting, Geometry where) {
        this(rule, message, conflicting, where, "");
    }

    /** The same violation, found in the feature at {@code newPointer} of a request. */
    public RuleViolation at(String newPointer) {
        return new RuleViolation(rule, message, conflicting, where, newPointer);
    }
}
