package org.parkatlas.editing;

import org.locationtech.jts.geom.Geometry;

import java.util.List;

/**
 * A write the park's rules refuse (a geometry that is invalid, of the wrong type or outside the park …). Carries
 * every broken rule, each with the geometry where it is broken when there is one, so a map can draw it.
 */
public class RuleViolationException extends RuntimeException {

    /**
     * One broken rule: its id, what is wrong, the other features it is broken against, and where (in the storage
     * CRS; may be null).
     */
    public record Violation(String rule, String message, List<String> conflicting, Geometry where) {
    }

    private final List<Violation> violations;

    public RuleViolationException(List<Violation> violations) {
        super(String.join("; ", violations.stream().map(Violation::message).toList()));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
