package org.parkatlas.pipeline.internal;

import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.editing.Edit;
import org.parkatlas.feature.Feature;
import org.parkatlas.pipeline.ProjectHistory;
import org.parkatlas.pipeline.ProjectMove;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code project_history} table, the same in both dialects: each version of each project with its pool before
 * and after, the reason given, and its attributes as JSON text.
 */
@Repository
class JdbcProjectHistory implements ProjectHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final String COLUMNS = "project_id, version, operation, changed_by, changed_at, stage_from, "
            + "stage_to, reason, note, properties";

    private final JdbcTemplate jdbc;

    JdbcProjectHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean appliesTo(Layer layer) {
        return ParkLayer.PROJECTS.is(layer);
    }

    @Override
    public void record(Layer layer, Edit edit) {
        Feature before = edit.before();
        Feature after = edit.after();
        Feature current = after != null ? after : before;
        long version = after != null ? after.version() : before.version() + 1;
        String from = before == null ? null : (String) before.property("stage");
        String to = after == null ? null : (String) after.property("stage");
        Object reason = after == null ? null : after.property("stage_reason");
        boolean moved = from == null ? to != null : !from.equals(to);
        Map<String, Object> properties = new LinkedHashMap<>();
        current.properties().forEach((k, v) -> properties.put(k, v instanceof java.time.LocalDate d ? d.toString() : v));
        jdbc.update("INSERT INTO project_history (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                current.id(), version, edit.operation().id(), edit.actor(), Timestamp.from(edit.at()), from, to,
                moved && reason != null ? reason.toString() : null,
                edit.note() == null ? null : JSON.writeValueAsString(Map.of("zh", edit.note().zh(), "en",
                        edit.note().en())), JSON.writeValueAsString(properties));
    }

    @Override
    public Map<String, Long> lastVersions(Layer layer, Collection<String> ids) {
        Map<String, Long> last = new HashMap<>();
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += 500) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(slice.size(), "?"));
            jdbc.query("SELECT project_id, MAX(version) FROM project_history WHERE project_id IN (" + marks
                    + ") GROUP BY project_id", (ResultSet rs) -> {
                last.put(rs.getString(1), rs.getLong(2));
            }, slice.toArray());
        }
        return last;
    }

    @Override
    public List<ProjectMove> of(String projectId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM project_history WHERE project_id = ? ORDER BY version, changed_at",
                (rs, n) -> new ProjectMove(rs.getString("project_id"), rs.getLong("version"),
                        rs.getString("operation"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("stage_from"),
                        rs.getString("stage_to"), rs.getString("reason"), note(rs.getString("note"))), projectId);
    }

    private static Label note(String stored) {
        if (stored == null) {
            return null;
        }
        Map<String, Object> both = JSON.readValue(stored, MAP);
        return Label.of(String.valueOf(both.get("zh")), String.valueOf(both.get("en")));
    }
}
