package org.parkatlas.scenario.internal;

import org.parkatlas.scenario.ScenarioStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code scenarios} and {@code scenario_history} tables, the same SQL in both dialects. */
@Repository
class JdbcScenarioStore implements ScenarioStore {

    private static final String COLUMNS = "id, version, name, state, document, created_by, created_at, updated_by, "
            + "updated_at";
    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getString("id"), rs.getLong("version"),
            rs.getString("name"), rs.getString("state"), rs.getString("document"), rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcTemplate jdbc;

    JdbcScenarioStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Row> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM scenarios ORDER BY created_at, id", ROW);
    }

    @Override
    public Optional<Row> find(String id, boolean forUpdate) {
        return jdbc.query("SELECT " + COLUMNS + " FROM scenarios WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                ROW, id).stream().findFirst();
    }

    @Override
    public void insert(Row row) {
        jdbc.update("INSERT INTO scenarios (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row.id(),
                row.version(), row.name(), row.state(), row.document(), row.createdBy(),
                Timestamp.from(row.createdAt()), row.updatedBy(), Timestamp.from(row.updatedAt()));
    }

    @Override
    public boolean update(Row row) {
        return jdbc.update("UPDATE scenarios SET version = ?, name = ?, state = ?, document = ?, updated_by = ?, "
                        + "updated_at = ? WHERE id = ?", row.version(), row.name(), row.state(), row.document(),
                row.updatedBy(), Timestamp.from(row.updatedAt()), row.id()) == 1;
    }

    @Override
    public boolean delete(String id) {
        return jdbc.update("DELETE FROM scenarios WHERE id = ?", id) == 1;
    }

    @Override
    public void record(String scenarioId, long version, String operation, String actor, Instant at, String state,
                       String document) {
        jdbc.update("INSERT INTO scenario_history (scenario_id, version, operation, changed_by, changed_at, state, "
                + "document) VALUES (?, ?, ?, ?, ?, ?, ?)", scenarioId, version, operation, actor, Timestamp.from(at),
                state, document);
    }

    @Override
    public List<Map<String, Object>> history(String scenarioId) {
        return jdbc.query("SELECT version, operation, changed_by, changed_at, state, document FROM scenario_history "
                + "WHERE scenario_id = ? ORDER BY version, id", (rs, n) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("version", rs.getLong("version"));
                    entry.put("operation", rs.getString("operation"));
                    entry.put("by", rs.getString("changed_by"));
                    entry.put("at", rs.getTimestamp("changed_at").toInstant().toString());
                    entry.put("state", rs.getString("state"));
                    entry.put("document", rs.getString("document"));
                    return entry;
                }, scenarioId);
    }
}
