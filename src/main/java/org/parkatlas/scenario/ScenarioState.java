package org.parkatlas.scenario;

import org.parkatlas.catalog.Label;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a scenario stands: a planner's draft, shared with the bureau for its meeting, or applied (turned into edits
 * of the works; from then on it is a record and is not edited).
 */
public enum ScenarioState {
    DRAFT(Label.of("草稿", "Draft")),
    SHARED(Label.of("已共享", "Shared")),
    APPLIED(Label.of("已实施", "Applied"));

    private final Label label;

    ScenarioState(Label label) {
        this.label = label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Label label() {
        return label;
    }

    public static Optional<ScenarioState> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
