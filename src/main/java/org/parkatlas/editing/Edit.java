package org.parkatlas.editing;

import org.parkatlas.catalog.Label;
import org.parkatlas.feature.Feature;

import java.time.Instant;

/**
 * One feature's change as history keeps it: how it was (null before a create), how it is (null after a retire),
 * what was done, by whom, when, and a note in both languages (null when there is nothing to add).
 */
public record Edit(Feature before, Feature after, WriteOperation operation, String actor, Instant at, Label note) {

    /** The feature's id. */
    public String featureId() {
        return after != null ? after.id() : before.id();
    }
}
