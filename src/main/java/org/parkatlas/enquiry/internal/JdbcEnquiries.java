package org.parkatlas.enquiry.internal;

import org.parkatlas.catalog.Language;
import org.parkatlas.enquiry.Enquiries;
import org.parkatlas.enquiry.Enquiry;
import org.parkatlas.enquiry.EnquiryStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Enquiries in the {@code enquiries} table (migration V9, the same on both dialects). */
@Repository
class JdbcEnquiries implements Enquiries {

    private static final String COLUMNS = "id, received_at, name, organisation, contact, industry, land_need_mu, "
            + "message, parcels, language, status, status_by, status_at";
    private static final RowMapper<Enquiry> ROW = (rs, n) -> new Enquiry(rs.getString(1), instant(rs.getTimestamp(2)),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getObject(7) == null ? null : rs.getDouble(7), rs.getString(8),
            Arrays.stream(rs.getString(9).split(",")).filter(p -> !p.isBlank()).toList(), Language.of(rs.getString(10)),
            EnquiryStatus.of(rs.getString(11)).orElse(EnquiryStatus.NEW), rs.getString(12), instant(rs.getTimestamp(13)));

    private final JdbcTemplate jdbc;

    JdbcEnquiries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Enquiry e) {
        jdbc.update("INSERT INTO enquiries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.id(),
                Timestamp.from(e.receivedAt()), e.name(), e.organisation(), e.contact(), e.industry(), e.landNeedMu(),
                e.message(), String.join(",", e.parcels()), e.language().tag(), e.status().id(), e.statusBy(),
                e.statusAt() == null ? null : Timestamp.from(e.statusAt()));
    }

    @Override
    public List<Enquiry> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM enquiries ORDER BY received_at DESC, id", ROW);
    }

    @Override
    public Optional<Enquiry> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM enquiries WHERE id = ?", ROW, id).stream().findFirst();
    }

    @Override
    public boolean update(Enquiry e) {
        return jdbc.update("UPDATE enquiries SET status = ?, status_by = ?, status_at = ? WHERE id = ?", e.status().id(),
                e.statusBy(), e.statusAt() == null ? null : Timestamp.from(e.statusAt()), e.id()) == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
