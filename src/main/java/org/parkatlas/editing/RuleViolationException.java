package org.parkatlas.editing;

import org.parkatlas.catalog.Label;
import org.parkatlas.problem.Problem;
import org.parkatlas.problem.ProblemType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A write the park's rules refuse, with every rule it breaks (not only the first), each with where it is broken so a
 * map can draw it. Nothing of the write was kept: it is thrown inside the write's transaction. Answered as 422 with
 * {@code violations} (rule, message, pointer, the features it is broken against, the geometry) and {@code pointer}
 * naming the first, for clients that read only one.
 */
public class RuleViolationException extends Problem {

    private final List<RuleViolation> violations;

    public RuleViolationException(List<RuleViolation> violations) {
        super(422, ProblemType.RULE_VIOLATION, Label.of("要素未被接受", "Feature not accepted"), Label.of(
                String.join("；", violations.stream().map(v -> v.message().zh()).toList()),
                String.join("; ", violations.stream().map(v -> v.message().en()).toList())), members(violations));
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }

    private static Map<String, Object> members(List<RuleViolation> violations) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("pointer", violations.isEmpty() ? "" : violations.get(0).pointer());
        members.put("violations", violations.stream().map(RuleViolationException::member).toList());
        return members;
    }

    private static Map<String, Object> member(RuleViolation v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rule", v.rule());
        out.put("message", v.message());
        out.put("pointer", v.pointer());
        if (!v.conflicting().isEmpty()) {
            out.put("features", v.conflicting());
        }
        if (v.where() != null && !v.where().isEmpty()) {
            out.put("geometry", v.where());
        }
        return out;
    }
}
