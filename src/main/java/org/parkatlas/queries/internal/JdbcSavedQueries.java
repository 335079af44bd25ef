package org.parkatlas.queries.internal;

import org.parkatlas.queries.SavedQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;

/** Saved queries in the {@code saved_queries} table (migration V11, the same on both dialects). */
@Repository
class JdbcSavedQueries {

    private static final String COLUMNS = "id, owner, name, collection, filter, saved_at";
    private static final RowMapper<SavedQuery> ROW = (rs, n) -> new SavedQuery(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant());

    private final JdbcTemplate jdbc;

    JdbcSavedQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(SavedQuery q) {
        jdbc.update("INSERT INTO saved_queries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", q.id(), q.owner(), q.name(),
                q.collection(), q.filter(), Timestamp.from(q.savedAt()));
    }

    /** The owner's, newest first. */
    List<SavedQuery> of(String owner) {
        return jdbc.query("SELECT " + COLUMNS + " FROM saved_queries WHERE owner = ? ORDER BY saved_at DESC, id", ROW,
                owner);
    }

    /** False when the owner has no query of that id (someone else's is as good as none). */
    boolean remove(String owner, String id) {
        return jdbc.update("DELETE FROM saved_queries WHERE owner = ? AND id = ?", owner, id) == 1;
    }

    int count(String owner) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM saved_queries WHERE owner = ?", Integer.class, owner);
        return n == null ? 0 : n;
    }
}
