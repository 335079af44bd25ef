package org.parkatlas.pipeline;

import org.parkatlas.catalog.Label;

import java.time.Instant;

/**
 * One entry of a project's history: a version written by someone at a time, and — when it moved the project between
 * pools — from which to which and why (the reason is the investment bureau's to read).
 *
 * @param stageFrom the pool before, null for a project created by this entry
 * @param stageTo   the pool after, null for a project retired by it
 */
public record ProjectMove(String projectId, long version, String operation, String actor, Instant at,
                          String stageFrom, String stageTo, String reason, Label note) {

    /** Whether this entry moved the project to another pool (or created it in one). */
    public boolean moved() {
        return stageFrom == null ? stageTo != null : !stageFrom.equals(stageTo);
    }

    /** The same entry without its reason, for readers who may not see it. */
    public ProjectMove withoutReason() {
        return new ProjectMove(projectId, version, operation, actor, at, stageFrom, stageTo, null, note);
    }
}
