package org.parkatlas.exchange;

import org.parkatlas.problem.InvalidInputException;
import org.parkatlas.catalog.Label;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.feature.Feature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Reads the features of one GeoPackage table into a layer, from whatever supported CRS the table is in; columns are
 * matched to attributes by name and checked by a {@link FeatureAssembler}. A column called {@code id} gives the
 * feature ids (as in ParkAtlas's own export); the table's integer key is otherwise ignored.
 */
final class GeoPackageFeatureReader {

    private static final String ID_COLUMN = "id";

    private final Layer layer;

    public GeoPackageFeatureReader(Layer layer) {
        this.layer = layer;
    }

    /**
     * @param table the feature table to read, or null for the one named like the layer's table, or the only one
     */
    public List<Feature> read(Path file, String table, LongConsumer progress) {
        try (GeoPackage geoPackage = open(file)) {
            String name = chooseTable(geoPackage, table);
            FeatureDao dao = structure(name, () -> geoPackage.getFeatureDao(name));
            Crs crs = crsOf(structure(name, dao::getSrs), name);
            // GeoPackage geometries are x/y (easting, northing) whatever the EPSG axis order of their CRS
            FeatureAssembler assembler = FeatureAssembler.forXyCoordinates(layer, crs, Set.of(dao.getIdColumnName(),
                    dao.getGeometryColumnName(), ID_COLUMN));
            List<Feature> features = new ArrayList<>(dao.count());
            FeatureResultSet rows = dao.queryForAll();
            try {
                while (rows.moveToNext()) {
                    String pointer = "/" + name + "/" + rows.getId();
                    FeatureRow row;
                    try {
                        row = rows.getRow(); // reads the geometry blob too: garbage there fails here
                    } catch (RuntimeException e) {
                        throw new InvalidInputException(pointer + "/geometry", Label.of("无法读取该几何",
                                "the geometry cannot be read"));
                    }
                    features.add(assembler.assemble(pointer, id(row), geometry(row, pointer), values(row)));
                    if (features.size() % 1000 == 0) {
                        progress.accept(features.size());
                    }
                }
            } finally {
                rows.close();
            }
            progress.accept(features.size());
            return features;
        }
    }

    private static GeoPackage open(Path file) {
        try {
            return GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new InvalidInputException("", Label.of("该文件不是可以打开的 GeoPackage",
                    "the file is not a GeoPackage that can be opened"));
        }
    }

    /**
     * What the library reads of the file's own tables (gpkg_contents, gpkg_geometry_columns, gpkg_spatial_ref_sys);
     * a file that lacks them, or whose rows point nowhere, is an SQLite file but not a GeoPackage this can read. The
     * library's message names its SQL and classes, so the client hears what the standard asks for instead.
     */
    private static <T> T structure(String table, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            String where = table == null ? "" : "（表 " + table + "）";
            String whereEn = table == null ? "" : " (table " + table + ")";
            throw new InvalidInputException(table == null ? "" : "/" + table, Label.of("该文件不是完整的 GeoPackage"
                    + where + "：缺少 gpkg_contents、gpkg_geometry_columns 或 gpkg_spatial_ref_sys 中的记录，或记录彼此不符",
                    "the file is not a complete GeoPackage" + whereEn + ": its gpkg_contents, gpkg_geometry_columns "
                            + "or gpkg_spatial_ref_sys rows are missing or do not agree"));
        }
    }

    private String chooseTable(GeoPackage geoPackage, String table) {
        List<String> tables = structure(null, geoPackage::getFeatureTables);
        if (table != null) {
            if (!tables.contains(table)) {
                throw new InvalidInputException("/" + table, Label.of("GeoPackage 中没有要素表“" + table + "”；现有："
                        + String.join("、", tables), "the GeoPackage has no feature table \"" + table + "\"; it has "
                        + String.join(", ", tables)));
            }
            return table;
        }
        if (tables.contains(layer.tableName())) {
            return layer.tableName();
        }
        if (tables.size() == 1) {
            return tables.get(0);
        }
        throw new InvalidInputException("", Label.of("GeoPackage 中" + (tables.isEmpty() ? "没有要素表"
                : "有要素表 " + String.join("、", tables)) + "；请用 table 参数指明导入 " + layer.id() + " 的那一张（名为 "
                + layer.tableName() + " 时会自动找到）", "the GeoPackage holds " + (tables.isEmpty()
                ? "no feature table" : "the feature tables " + String.join(", ", tables))
                + "; name the one to import into " + layer.id() + " (it would be found by itself if it were called "
                + layer.tableName() + ")"));
    }

    private static Crs crsOf(SpatialReferenceSystem srs, String table) {
        if (srs != null && "EPSG".equalsIgnoreCase(srs.getOrganization())) {
            int code = (int) srs.getOrganizationCoordsysId();
            var crs = CrsRegistry.bySrid(code);
            if (crs.isPresent()) {
                return crs.get();
            }
        }
        String name = srs == null ? "none" : srs.getOrganization() + ":" + srs.getOrganizationCoordsysId();
        String supported = String.join(", ", CrsRegistry.supported().stream().map(Crs::label).toList());
        throw new InvalidInputException("/" + table, Label.of("表 " + table + " 的坐标参考系为 " + name
                + "，ParkAtlas 不读取；可用：" + supported, "table " + table + " is in " + name
                + ", which ParkAtlas does not read; use one of " + supported));
    }

    private static String id(FeatureRow row) {
        Object id = row.getColumns().hasColumn(ID_COLUMN) ? row.getValue(ID_COLUMN) : null;
        return id == null ? null : id.toString();
    }

    private static Geometry geometry(FeatureRow row, String pointer) {
        try {
            // a blob that is not a GeoPackage geometry fails in the library's header parsing as much as in WKB
            GeoPackageGeometryData data = row.getGeometry();
            if (data == null || data.isEmpty()) {
                return null;
            }
            return new WKBReader().read(data.getWkb());
        } catch (IOException | ParseException | RuntimeException e) {
            throw new InvalidInputException(pointer + "/geometry", Label.of("无法读取该几何", "the geometry cannot be read"));
        }
    }

    private static Map<String, Object> values(FeatureRow row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : row.getColumnNames()) {
            values.put(column, row.getValue(column));
        }
        return values;
    }
}
