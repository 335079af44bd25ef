package org.parkatlas.scenario;

import java.time.Instant;

/**
 * A named what-if over the works, as stored: its state, its change and who made it. {@code version} moves on with
 * every edit (it is the scenario's ETag).
 */
public record Scenario(String id, long version, String name, String description, ScenarioState state,
                       ScenarioChange change, String createdBy, Instant createdAt, String updatedBy,
                       Instant updatedAt) {
}
