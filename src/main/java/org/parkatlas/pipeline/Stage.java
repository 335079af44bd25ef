package org.parkatlas.pipeline;

import org.parkatlas.catalog.Label;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five pools of the investment pipeline (招商五库), in the order a project moves through them, each with the
 * project attribute holding the day it was reached. A project is planned by the park (no date), engages with a named
 * investor, signs, starts building and starts producing; it can be sent back to an earlier pool (退库), with a reason.
 */
public enum Stage {
    PLANNING("planning", "谋划库", "Planning", null),
    NEGOTIATING("negotiating", "对接库", "Negotiating", "engaged_date"),
    SIGNED("signed", "签约库", "Signed", "signed_date"),
    UNDER_CONSTRUCTION("under_construction", "开工库", "Under construction", "construction_date"),
    IN_PRODUCTION("in_production", "投产库", "In production", "production_date");

    private final String id;
    private final Label label;
    private final String dateAttribute;

    Stage(String id, String zh, String en, String dateAttribute) {
        this.id = id;
        this.label = Label.of(zh, en);
        this.dateAttribute = dateAttribute;
    }

    /** The value of a project's {@code stage}, e.g. {@code signed}. */
    public String id() {
        return id;
    }

    public Label label() {
        return label;
    }

    /** The attribute that holds the day a project reached this pool; null for planning, where every project starts. */
    public String dateAttribute() {
        return dateAttribute;
    }

    public static Optional<Stage> of(Object id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** Whether a project in this pool has signed: the public sees only these. */
    public boolean signed() {
        return compareTo(SIGNED) >= 0;
    }
}
