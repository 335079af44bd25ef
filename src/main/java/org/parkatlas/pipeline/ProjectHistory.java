package org.parkatlas.pipeline;

import org.parkatlas.editing.LayerHistory;

import java.util.List;

/**
 * Every version of every project, kept for good inside each write's own transaction: who moved it, when, from which
 * pool to which and why.
 */
public interface ProjectHistory extends LayerHistory {

    /** A project's entries, oldest first; empty for a project never written. */
    List<ProjectMove> of(String projectId);
}
