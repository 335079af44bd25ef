package org.parkatlas.editing;

import java.util.List;

/**
 * A write the park's rules refuse, with every rule it breaks (not only the first), each with where it is broken so a
 * map can draw it. Nothing of the write was kept: it is thrown inside the write's transaction.
 */
public class RuleViolationException extends RuntimeException {

    private final List<RuleViolation> violations;

    public RuleViolationException(List<RuleViolation> violations) {
        super(String.join("; ", violations.stream().map(v -> v.message().en()).toList()));
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
