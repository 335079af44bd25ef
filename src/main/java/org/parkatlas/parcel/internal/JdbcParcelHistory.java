package org.parkatlas.parcel.internal;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.AttributeType;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.editing.WriteOperation;
import org.parkatlas.parcel.ParcelHistory;
import org.parkatlas.parcel.ParcelVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code parcel_history} table, the same in both dialects: every version of every parcel, live or retired.
 * Attributes and changes are kept as JSON text, the note as JSON of its two languages.
 */
@Repository
class JdbcParcelHistory implements ParcelHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<List<Object>>> CHANGES = new TypeReference<>() { };
    private static final String COLUMNS = "parcel_id, version, operation, changed_by, changed_at, note, properties, "
            + "changes, geometry_before, geometry_after";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM parcel_history WHERE parcel_id = ?";

    private final JdbcTemplate jdbc;
    private final Layer parcels;

    JdbcParcelHistory(JdbcTemplate jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.parcels = catalog.require(ParkLayer.PARCELS);
    }

    @Override
    public void record(ParcelVersion v) {
        List<List<Object>> changes = new ArrayList<>();
        v.changes().forEach(c -> changes.add(Arrays.asList(c.property(), text(c.before()), text(c.after()))));
        Map<String, Object> properties = new LinkedHashMap<>();
        v.properties().forEach((k, value) -> properties.put(k, text(value)));
        jdbc.update("INSERT INTO parcel_history (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.parcelId(), v.version(), v.operation().id(), v.changedBy(), Timestamp.from(v.changedAt()),
                v.note() == null ? null : JSON.writeValueAsString(Map.of("zh", v.note().zh(), "en", v.note().en())),
                JSON.writeValueAsString(properties), JSON.writeValueAsString(changes), wkb(v.geometryBefore()),
                wkb(v.geometryAfter()));
    }

    @Override
    public List<ParcelVersion> versions(String parcelId) {
        return jdbc.query(SELECT + " ORDER BY version, id", (rs, n) -> read(rs), parcelId);
    }

    @Override
    public Optional<ParcelVersion> version(String parcelId, long version) {
        // the last entry of that number: databases written before versions continued across retirement may hold two
        return jdbc.query(SELECT + " AND version = ? ORDER BY id DESC", (rs, n) -> read(rs), parcelId, version)
                .stream().findFirst();
    }

    @Override
    public boolean has(String parcelId) {
        return !jdbc.queryForList("SELECT 1 FROM parcel_history WHERE parcel_id = ? FETCH FIRST 1 ROWS ONLY",
                Integer.class, parcelId).isEmpty();
    }

    @Override
    public Map<String, Long> lastVersions(Collection<String> parcelIds) {
        Map<String, Long> last = new java.util.HashMap<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(parcelIds));
        // in slices, so a large import never builds a statement with tens of thousands of parameters
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(slice.size(), "?"));
            jdbc.query("SELECT parcel_id, MAX(version) FROM parcel_history WHERE parcel_id IN (" + marks
                    + ") GROUP BY parcel_id", (ResultSet rs) -> {
                last.put(rs.getString(1), rs.getLong(2));
            }, slice.toArray());
        }
        return last;
    }

    private ParcelVersion read(ResultSet rs) throws SQLException {
        Map<String, Object> properties = new LinkedHashMap<>();
        JSON.readValue(rs.getString("properties"), MAP).forEach((k, value) -> properties.put(k, typed(k, value)));
        List<ParcelVersion.Change> changes = new ArrayList<>();
        for (List<Object> c : JSON.readValue(rs.getString("changes"), CHANGES)) {
            String name = String.valueOf(c.get(0));
            changes.add(new ParcelVersion.Change(name, typed(name, c.get(1)), typed(name, c.get(2))));
        }
        return new ParcelVersion(rs.getString("parcel_id"), rs.getLong("version"),
                WriteOperation.ofId(rs.getString("operation")), rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant(), note(rs.getString("note")), properties, changes,
                geometry(rs.getBytes("geometry_before")), geometry(rs.getBytes("geometry_after")));
    }

    /** Notes written before they were kept in two languages are plain text, the same in both. */
    private static Label note(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith("{")) {
            Map<String, Object> both = JSON.readValue(stored, MAP);
            return Label.of(String.valueOf(both.get("zh")), String.valueOf(both.get("en")));
        }
        return Label.of(stored, stored);
    }

    /** JSON keeps numbers, strings and booleans; dates travel as text and come back as dates. */
    private Object typed(String property, Object value) {
        if (value == null) {
            return null;
        }
        AttributeType type = parcels.attribute(property).map(Attribute::type).orElse(AttributeType.STRING);
        return switch (type) {
            case DATE -> LocalDate.parse(value.toString());
            case NUMBER -> ((Number) value).doubleValue();
            case INTEGER -> ((Number) value).longValue();
            case CODE_LIST -> value instanceof List<?> codes ? codes.stream().map(String::valueOf).toList() : value;
            default -> value;
        };
    }

    private static Object text(Object value) {
        return value instanceof LocalDate date ? date.toString() : value;
    }

    private static byte[] wkb(Geometry geometry) {
        return geometry == null ? null : new WKBWriter().write(geometry);
    }

    private Geometry geometry(byte[] wkb) {
        if (wkb == null) {
            return null;
        }
        try {
            Geometry geometry = new WKBReader().read(wkb);
            geometry.setSRID(parcels.storageSrid());
            return geometry;
        } catch (ParseException e) {
            throw new IllegalStateException("a stored parcel geometry cannot be read", e);
        }
    }
}
