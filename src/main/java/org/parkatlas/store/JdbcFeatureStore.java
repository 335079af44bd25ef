package org.parkatlas.store;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.AttributeType;
import org.parkatlas.catalog.CodeList;
import org.parkatlas.catalog.Layer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeaturePage;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.SortKey;
import org.parkatlas.feature.filter.Filter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The feature store over JDBC, one table per layer (GeoTools' {@code JDBCDataStore}). Everything a query asks —
 * bbox, attribute filter, sort, paging, property selection — runs in the database; the {@link SqlDialect} holds the
 * little that differs between H2GIS and PostGIS and says what it can run ({@link #supports}). Readers come through
 * a layer's {@link FeatureSource}, which hands the store only what it runs.
 */
final class JdbcFeatureStore implements FeatureStore {

    private static final String ID = "id";
    private static final String VERSION = "version";

    private static final int CURSOR_FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Reads reads;
    private final SqlDialect dialect;

    /** Reads and writes on one database. */
    public JdbcFeatureStore(JdbcTemplate jdbc, TransactionTemplate transactions, SqlDialect dialect) {
        this(jdbc, transactions, new Reads(readTarget("primary", jdbc, transactions), null), dialect);
    }

    /** Writes on {@code jdbc}; reads where {@code reads} sends them (a streaming replica once it has caught up). */
    JdbcFeatureStore(JdbcTemplate jdbc, TransactionTemplate transactions, Reads reads, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.reads = reads;
        this.dialect = dialect;
    }

    /** The templates a read-only query runs through on the database behind {@code jdbc}. */
    static Reads.Target readTarget(String name, JdbcTemplate jdbc, TransactionTemplate transactions) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
        readOnly.setReadOnly(true);
        return Reads.Target.over(name, jdbc.getDataSource(), readOnly, CURSOR_FETCH_SIZE);
    }

    @Override
    public String dialectName() {
        return dialect.name();
    }

    @Override
    public FeaturePage query(Layer layer, FeatureQuery query) {
        List<Feature> features = new ArrayList<>();
        stream(layer, query, features::add);
        return new FeaturePage(features, count(layer, query.filter()));
    }

    @Override
    public long stream(Layer layer, FeatureQuery query, Consumer<Feature> sink) {
        if (query.limit() == 0) {
            return 0;
        }
        requireNative(query.filter());
        return select(layer, query.filter(), selectedAttributes(layer, query.properties()), query.sortBy(),
                query.limit(), query.offset(), sink);
    }

    /**
     * Whether the dialect runs every node of the filter (GeoTools' filter capabilities); what it cannot is left to
     * the layer's {@link FeatureSource} to evaluate after the query.
     */
    @Override
    public boolean supports(Filter filter) {
        if (!dialect.supports(filter)) {
            return false;
        }
        if (filter instanceof Filter.And and) {
            return and.parts().stream().allMatch(this::supports);
        }
        if (filter instanceof Filter.Or or) {
            return or.parts().stream().allMatch(this::supports);
        }
        if (filter instanceof Filter.Not not) {
            return supports(not.part());
        }
        return true;
    }

    private void requireNative(Filter filter) {
        if (!supports(filter)) {
            throw new IllegalArgumentException("the " + dialect.name() + " store cannot run " + filter
                    + "; read through the layer's FeatureSource, which evaluates it after the query");
        }
    }

    private long select(Layer layer, Filter filter, List<Attribute> attributes, List<SortKey> sortBy, long limit,
                        long offset, Consumer<Feature> sink) {
        FilterToSql where = new FilterToSql(layer, dialect);
        String condition = where.where(filter);
        List<Object> params = new ArrayList<>(where.parameters());
        String sql = "SELECT " + selectList(attributes) + " FROM " + layer.tableName() + " WHERE " + condition
                + " ORDER BY " + orderBy(layer, sortBy);
        if (limit >= 0) {
            sql += " LIMIT ? OFFSET ?";
            params.add(limit);
            params.add(offset);
        }
        RowMapper<Feature> mapper = rowMapper(layer, attributes);
        long[] handed = {0};
        String statement = sql;
        // PostgreSQL reads through a cursor only inside a transaction; the fetch size sets the batch. A replica
        // that fails is only given up before the first row has gone to the sink, so nothing is handed twice.
        reads.read(target -> {
            if (handed[0] > 0) {
                throw new IllegalStateException("a read that failed half-way is not repeated");
            }
            target.readOnly().executeWithoutResult(status -> target.cursor().query(statement, (ResultSet rs) -> {
                sink.accept(mapper.mapRow(rs, (int) handed[0]));
                handed[0]++;
            }, params.toArray()));
            return null;
        });
        return handed[0];
    }

    @Override
    public Optional<Feature> get(Layer layer, String id) {
        List<Attribute> all = layer.attributes();
        String sql = "SELECT " + selectList(all) + " FROM " + layer.tableName() + " WHERE id = ?";
        return reads.read(target -> target.jdbc().query(sql, rowMapper(layer, all), id)).stream().findFirst();
    }

    @Override
    public long count(Layer layer, Filter filter) {
        requireNative(filter);
        FilterToSql where = new FilterToSql(layer, dialect);
        String condition = where.where(filter);
        return countWhere(layer, condition, where.parameters());
    }

    @Override
    public Tally tally(Layer layer, Filter filter, String column) {
        requireNative(filter);
        if (!layer.hasAttribute(column)) {
            throw new IllegalArgumentException(layer.id() + " stores no attribute " + column);
        }
        FilterToSql where = new FilterToSql(layer, dialect);
        String condition = where.where(filter);
        String sql = "SELECT COUNT(*), SUM(" + column + ") FROM " + layer.tableName() + " WHERE " + condition;
        return reads.read(target -> target.jdbc().queryForObject(sql, (rs, row) -> new Tally(rs.getLong(1),
                rs.getDouble(2)), where.parameters().toArray()));
    }

    @Override
    public List<GroupRow> aggregate(Layer layer, Filter filter, List<String> groupBy, List<String> numbers,
                                    String area) {
        requireNative(filter);
        List<Attribute> keys = new ArrayList<>();
        for (String name : groupBy) {
            keys.add(stored(layer, name));
        }
        for (String name : numbers) {
            stored(layer, name);
        }
        if (area != null) {
            stored(layer, area);
        }
        FilterToSql where = new FilterToSql(layer, dialect);
        String condition = where.where(filter);
        StringBuilder sql = new StringBuilder("SELECT COUNT(*), ").append(area == null ? "0" : "COALESCE(SUM("
                + area + "), 0)");
        for (String name : numbers) {
            sql.append(", COUNT(").append(name).append("), SUM(").append(name).append("), MIN(").append(name)
                    .append("), MAX(").append(name).append(")");
        }
        for (String name : groupBy) {
            sql.append(", ").append(name);
        }
        sql.append(" FROM ").append(layer.tableName()).append(" WHERE ").append(condition);
        if (!groupBy.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", groupBy));
        }
        return reads.read(target -> target.jdbc().query(sql.toString(), (rs, row) -> {
            int n = numbers.size();
            long[] counts = new long[n];
            double[] sums = new double[n];
            double[] mins = new double[n];
            double[] maxs = new double[n];
            for (int i = 0; i < n; i++) {
                counts[i] = rs.getLong(3 + 4 * i);
                sums[i] = rs.getDouble(4 + 4 * i);
                mins[i] = rs.getDouble(5 + 4 * i);
                maxs[i] = rs.getDouble(6 + 4 * i);
            }
            List<Object> values = new ArrayList<>(keys.size());
            for (int k = 0; k < keys.size(); k++) {
                values.add(readValue(rs, 3 + 4 * n + k, keys.get(k)));
            }
            return new GroupRow(values, rs.getLong(1), rs.getDouble(2), counts, sums, mins, maxs);
        }, where.parameters().toArray()));
    }

    @Override
    public Optional<byte[]> vectorTile(Layer layer, List<String> columns, Envelope tile, Geometry area, int extent,
                                       int buffer) {
        if (!dialect.buildsVectorTiles()) {
            return Optional.empty();
        }
        StringBuilder tags = new StringBuilder(ID);
        for (String name : columns) {
            Attribute attribute = stored(layer, name);
            // dates as text, as the Java encoder writes them; lists of codes are their JSON text already
            tags.append(", ").append(attribute.type() == AttributeType.DATE ? name + "::text AS " + name : name);
        }
        String sql = "SELECT ST_AsMVT(t, ?, " + extent + ", 'mvt_geom') FROM (SELECT ST_AsMVTGeom(ST_Transform("
                + FilterToSql.GEOMETRY_COLUMN + ", 3857), ST_MakeEnvelope(?, ?, ?, ?, 3857), " + extent + ", "
                + buffer + ", true) AS mvt_geom, " + tags + " FROM " + layer.tableName() + " WHERE "
                + FilterToSql.GEOMETRY_COLUMN + " && " + dialect.geometryParameter(layer.storageSrid())
                + " AND ST_Intersects(" + FilterToSql.GEOMETRY_COLUMN + ", "
                + dialect.geometryParameter(layer.storageSrid()) + ")) t WHERE mvt_geom IS NOT NULL";
        byte[] wkb = new WKBWriter().write(area);
        byte[] bytes = reads.read(target -> target.jdbc().queryForObject(sql, byte[].class, layer.id(),
                tile.getMinX(), tile.getMinY(), tile.getMaxX(), tile.getMaxY(), wkb, wkb));
        return Optional.of(bytes == null ? new byte[0] : bytes);
    }

    private static Attribute stored(Layer layer, String name) {
        return layer.attributes().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(layer.id() + " stores no attribute " + name));
    }

    @Override
    public Optional<Envelope> bounds(Layer layer) {
        return reads.read(target -> target.jdbc().query(dialect.extentQuery(layer.tableName(),
                FilterToSql.GEOMETRY_COLUMN), (ResultSet rs) -> rs.next() ? dialect.readExtent(rs)
                : Optional.<Envelope>empty()));
    }

    @Override
    public Feature create(Layer layer, Feature feature) {
        // read back in the write's own transaction: the primary, even with a replica that has not replayed it yet
        return transactions.execute(status -> {
            insertRows(layer, List.of(feature));
            return get(layer, feature.id()).orElseThrow();
        });
    }

    @Override
    public Optional<Feature> update(Layer layer, Feature feature, Long expectedVersion) {
        return transactions.execute(status -> {
            List<Attribute> attributes = layer.attributes();
            StringBuilder sql = new StringBuilder("UPDATE " + layer.tableName() + " SET " + VERSION + " = "
                    + VERSION + " + 1, " + FilterToSql.GEOMETRY_COLUMN + " = "
                    + dialect.geometryParameter(layer.storageSrid()));
            List<Object> params = new ArrayList<>();
            // a catalogue's feature has none: a typed null, so neither database guesses which ST_GeomFromWKB is meant
            params.add(feature.geometry() == null ? new org.springframework.jdbc.core.SqlParameterValue(
                    java.sql.Types.BINARY, null) : new WKBWriter().write(feature.geometry()));
            for (Attribute attribute : attributes) {
                sql.append(", ").append(attribute.name()).append(" = ?");
                params.add(columnValue(feature.property(attribute.name())));
            }
            sql.append(" WHERE ").append(ID).append(" = ?");
            params.add(feature.id());
            if (expectedVersion != null) {
                sql.append(" AND ").append(VERSION).append(" = ?");
                params.add(expectedVersion);
            }
            // The version check and the write are one statement: no other writer can slip in between.
            if (jdbc.update(sql.toString(), params.toArray()) == 0) {
                return missingOrStale(layer, feature.id(), expectedVersion);
            }
            return get(layer, feature.id());
        });
    }

    @Override
    public boolean delete(Layer layer, String id, Long expectedVersion) {
        Boolean deleted = transactions.execute(status -> {
            int rows = expectedVersion == null
                    ? jdbc.update("DELETE FROM " + layer.tableName() + " WHERE " + ID + " = ?", id)
                    : jdbc.update("DELETE FROM " + layer.tableName() + " WHERE " + ID + " = ? AND " + VERSION
                    + " = ?", id, expectedVersion);
            return rows > 0 || missingOrStale(layer, id, expectedVersion).isPresent();
        });
        return Boolean.TRUE.equals(deleted);
    }

    /** After a write touched no row: empty if the feature is not there, a stale-version error if it moved on. */
    private Optional<Feature> missingOrStale(Layer layer, String id, Long expectedVersion) {
        List<Long> versions = jdbc.queryForList("SELECT " + VERSION + " FROM " + layer.tableName() + " WHERE "
                + ID + " = ?", Long.class, id);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        throw new StaleVersionException(id, expectedVersion, versions.get(0));
    }

    @Override
    public void lockForWrite() {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the park's write lock is taken inside a write transaction");
        }
        dialect.beforeWriteLock().forEach(jdbc::execute);
        jdbc.update("UPDATE park_write_lock SET writes = writes + 1 WHERE id = 1");
    }

    @Override
    public void insert(Layer layer, List<Feature> features) {
        transactions.executeWithoutResult(status -> insertRows(layer, features));
    }

    @Override
    public void replace(Map<Layer, List<Feature>> content) {
        transactions.executeWithoutResult(status -> content.forEach((layer, features) -> {
            jdbc.update("DELETE FROM " + layer.tableName());
            insertRows(layer, features);
        }));
    }

    private void insertRows(Layer layer, List<Feature> features) {
        List<Attribute> attributes = layer.attributes();
        String columns = attributes.stream().map(Attribute::name).collect(Collectors.joining(", "));
        String placeholders = attributes.stream().map(a -> "?").collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + layer.tableName() + " (" + ID + ", " + VERSION + ", "
                + FilterToSql.GEOMETRY_COLUMN + ", " + columns + ") VALUES (?, ?, "
                + dialect.geometryParameter(layer.storageSrid()) + ", " + placeholders + ")";
        WKBWriter wkbWriter = new WKBWriter();
        jdbc.batchUpdate(sql, features, 500, (PreparedStatement ps, Feature feature) -> {
            int i = 1;
            ps.setString(i++, feature.id());
            ps.setLong(i++, Math.max(1, feature.version()));
            ps.setBytes(i++, feature.geometry() == null ? null : wkbWriter.write(feature.geometry()));
            for (Attribute attribute : attributes) {
                ps.setObject(i++, columnValue(feature.property(attribute.name())));
            }
        });
    }

    private long countWhere(Layer layer, String condition, List<Object> params) {
        Long count = reads.read(target -> target.jdbc().queryForObject("SELECT COUNT(*) FROM "
                + layer.tableName() + " WHERE " + condition, Long.class, params.toArray()));
        return count == null ? 0 : count;
    }

    private static List<Attribute> selectedAttributes(Layer layer, List<String> properties) {
        if (properties == null) {
            return layer.attributes();
        }
        return layer.attributes().stream().filter(a -> properties.contains(a.name())).toList();
    }

    private String selectList(List<Attribute> attributes) {
        StringBuilder sql = new StringBuilder(ID + ", " + VERSION + ", "
                + dialect.selectGeometry(FilterToSql.GEOMETRY_COLUMN));
        for (Attribute attribute : attributes) {
            sql.append(", ").append(attribute.name());
        }
        return sql.toString();
    }

    private static String orderBy(Layer layer, List<SortKey> sortBy) {
        StringBuilder sql = new StringBuilder();
        for (SortKey key : sortBy) {
            if (!layer.hasAttribute(key.property())) {
                throw new IllegalArgumentException("layer " + layer.id() + " has no property " + key.property());
            }
            // NULLs last in both directions, written out because H2 and PostgreSQL default differently.
            sql.append(key.property()).append(key.ascending() ? " ASC" : " DESC").append(" NULLS LAST, ");
        }
        return sql.append(ID).append(" ASC").toString();
    }

    private RowMapper<Feature> rowMapper(Layer layer, List<Attribute> attributes) {
        return (ResultSet rs, int rowNum) -> {
            String id = rs.getString(1);
            long version = rs.getLong(2);
            Geometry geometry = layer.spatial() ? dialect.readGeometry(rs, 3) : null;
            if (geometry != null) {
                geometry.setSRID(layer.storageSrid());
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            int column = 4;
            for (Attribute attribute : attributes) {
                Object value = readValue(rs, column++, attribute);
                if (value != null) {
                    properties.put(attribute.name(), value);
                }
            }
            return Feature.adopting(id, geometry, properties, version);
        };
    }

    /** A property as its column holds it: a list of codes as its JSON text, anything else as it is. */
    private static Object columnValue(Object value) {
        return value instanceof List<?> codes ? CodeList.toText(codes) : value;
    }

    private static Object readValue(ResultSet rs, int column, Attribute attribute) throws SQLException {
        Object value = switch (attribute.type()) {
            case STRING -> rs.getString(column);
            case INTEGER -> rs.getLong(column);
            case NUMBER -> rs.getDouble(column);
            case BOOLEAN -> rs.getBoolean(column);
            case DATE -> rs.getObject(column, LocalDate.class);
            case CODE_LIST -> rs.getString(column);
        };
        if (rs.wasNull()) {
            return null;
        }
        return value instanceof String text && attribute.type() == AttributeType.CODE_LIST ? CodeList.parse(text) : value;
    }
}
