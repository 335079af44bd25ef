package org.parkatlas.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where scenarios and their history are kept: the {@code scenarios} and {@code scenario_history} tables of the
 * park's database, the same in both dialects. Each scenario is kept as its JSON document, read back through the
 * {@link ScenarioReader} like anything a planner sends.
 */
public interface ScenarioStore {

    /** A stored scenario: its row, with the document as JSON text. */
    record Row(String id, long version, String name, String state, String document, String createdBy,
               java.time.Instant createdAt, String updatedBy, java.time.Instant updatedAt) {
    }

    List<Row> all();

    /** The scenario as it now stands, locked for the rest of the transaction when {@code forUpdate}. */
    Optional<Row> find(String id, boolean forUpdate);

    void insert(Row row);

    /** Replaces the row of that id; false when there is none. */
    boolean update(Row row);

    boolean delete(String id);

    void record(String scenarioId, long version, String operation, String actor, java.time.Instant at, String state,
                String document);

    List<Map<String, Object>> history(String scenarioId);
}
