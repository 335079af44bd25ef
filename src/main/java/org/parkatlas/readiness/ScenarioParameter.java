package org.parkatlas.readiness;

import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Label;
import org.parkatlas.feature.FeatureNotFoundException;
import org.parkatlas.problem.Problem;
import org.parkatlas.problem.ProblemType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@code scenario=<id>} every reader takes (items, sheets, the finder, statistics, tiles, readiness), checked
 * the same way at each door before anything is read: a scenario that exists, asked for by the park's staff —
 * scenarios are plans under discussion, not the public's.
 */
@Component
public class ScenarioParameter {

    public static final String NAME = "scenario";

    private final ObjectProvider<WhatIfs> whatIfs;

    ScenarioParameter(ObjectProvider<WhatIfs> whatIfs) {
        this.whatIfs = whatIfs;
    }

    /** The scenario's id, or null when {@code given} names none. */
    public String check(String given, Audience audience) {
        if (given == null || given.isBlank()) {
            return null;
        }
        if (audience == Audience.PUBLIC) {
            throw new Problem(403, ProblemType.NOT_ALLOWED, Label.of("不允许", "Not allowed"), Label.of(
                    "方案（scenario）仅供园区工作人员查看：请登录", "scenarios are for the park's staff: sign in"), null);
        }
        String id = given.strip();
        WhatIfs known = whatIfs.getIfAvailable();
        if (id.length() > 64 || known == null || known.find(id).isEmpty()) {
            throw new FeatureNotFoundException(Label.of("没有方案“" + (id.length() > 64 ? id.substring(0, 64) + "…" : id)
                    + "”（参数 scenario）", "there is no scenario \"" + (id.length() > 64 ? id.substring(0, 64) + "…"
                    : id) + "\" (parameter scenario)"));
        }
        return id;
    }
}
