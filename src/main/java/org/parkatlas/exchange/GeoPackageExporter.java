package org.parkatlas.exchange;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.schema.SchemaExtension;
import mil.nga.geopackage.extension.schema.columns.DataColumns;
import mil.nga.geopackage.extension.schema.columns.DataColumnsDao;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.AttributeType;
import org.parkatlas.catalog.CodeList;
import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.CrsDefinitions;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.store.FeatureSource;
import org.parkatlas.store.FeatureSources;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes the whole park into one GeoPackage (OGC 12-128r), one feature table per layer, in the storage CRS
 * (EPSG:4546, so QGIS measures in metres), with the attributes derived as of today (a parcel's readiness) beside
 * the stored ones. Written with NGA's GeoPackage library; opened by QGIS and GDAL.
 */
@Component
class GeoPackageExporter {

    private static final String FEATURE_ID_COLUMN = "fid";
    private static final String GEOMETRY_COLUMN = "geom";

    private final FeatureSources sources;

    public GeoPackageExporter(FeatureSources sources) {
        this.sources = sources;
    }

    /** Writes every layer, as {@code audience} may see it, to a new GeoPackage at {@code target} (not there yet). */
    public void export(Path target, Audience audience) throws IOException {
        GeoPackageManager.create(target.toFile());
        try (GeoPackage geoPackage = GeoPackageManager.open(target.toFile())) {
            // Declared as GeoPackage 1.3, which is all we use: GDAL before 3.8 warns about the library's default 1.4.
            geoPackage.execSQL("PRAGMA user_version = 10300");
            ReadContext today = new ReadContext(null, audience);
            for (FeatureSource source : sources.all()) {
                writeLayer(geoPackage, source, today);
            }
        }
    }

    /** Writes one download — a layer, or what a filter left of it, in the CRS it asked for — as a new GeoPackage. */
    static void write(FileExport export, Path target) throws IOException {
        GeoPackageManager.create(target.toFile());
        try (GeoPackage geoPackage = GeoPackageManager.open(target.toFile())) {
            geoPackage.execSQL("PRAGMA user_version = 10300");
            int srid = export.crs().srid() == 0 ? 4326 : export.crs().srid();
            writeTable(geoPackage, export.layer(), export.attributes(), srid,
                    sink -> export.features().forEach(sink), export::geometryOf);
        }
    }

    private void writeLayer(GeoPackage geoPackage, FeatureSource source, ReadContext today) throws IOException {
        Layer layer = source.layer();
        if (!layer.spatial()) {
            writeAttributes(geoPackage, layer, attributes(layer, today.audience()),
                    sink -> source.stream(FeatureQuery.all(), today, sink));
            return;
        }
        writeTable(geoPackage, layer, attributes(layer, today.audience()), layer.storageSrid(),
                sink -> source.stream(FeatureQuery.all(), today, sink), Feature::geometry);
    }

    private static void writeTable(GeoPackage geoPackage, Layer layer, List<Attribute> attributes, int srid,
                                   Consumer<Consumer<Feature>> features, Function<Feature, Geometry> geometryOf)
            throws IOException {
        SpatialReferenceSystem srs = spatialReferenceSystem(geoPackage, srid);
        GeometryColumns geometryColumns = new GeometryColumns();
        geometryColumns.setTableName(layer.tableName());
        geometryColumns.setColumnName(GEOMETRY_COLUMN);
        geometryColumns.setGeometryType(geometryType(layer));
        geometryColumns.setZ((byte) 0);
        geometryColumns.setM((byte) 0);
        geometryColumns.setSrs(srs);
        geoPackage.createFeatureTable(FeatureTableMetadata.create(geometryColumns, FEATURE_ID_COLUMN,
                columns(attributes)));

        describeColumns(geoPackage, layer, attributes);
        FeatureDao dao = geoPackage.getFeatureDao(layer.tableName());
        WKBWriter wkb = new WKBWriter();
        geoPackage.beginTransaction();
        boolean written = false;
        try {
            features.accept(feature -> {
                FeatureRow row = dao.newRow();
                row.setGeometry(geometryData(srs.getSrsId(), wkb.write(geometryOf.apply(feature))));
                row.setValue("id", feature.id());
                for (Attribute attribute : attributes) {
                    Object value = feature.property(attribute.name());
                    if (value != null) {
                        row.setValue(attribute.name(), cell(value));
                    }
                }
                dao.create(row);
            });
            written = true;
        } finally {
            geoPackage.endTransaction(written);
        }
    }

    /**
     * A catalogue without geometries (the investment projects) as a GeoPackage attributes table: QGIS and GDAL read
     * it as a table without geometry, to join to the parcels by code.
     */
    private static void writeAttributes(GeoPackage geoPackage, Layer layer, List<Attribute> attributes,
                                        Consumer<Consumer<Feature>> features) {
        List<mil.nga.geopackage.attributes.AttributesColumn> columns = new ArrayList<>();
        columns(attributes).forEach(c -> columns.add(mil.nga.geopackage.attributes.AttributesColumn.createColumn(
                c.getName(), c.getDataType())));
        geoPackage.createAttributesTable(mil.nga.geopackage.attributes.AttributesTableMetadata.create(
                layer.tableName(), FEATURE_ID_COLUMN, columns));
        describeColumns(geoPackage, layer, attributes);
        mil.nga.geopackage.attributes.AttributesDao dao = geoPackage.getAttributesDao(layer.tableName());
        geoPackage.beginTransaction();
        boolean written = false;
        try {
            features.accept(feature -> {
                mil.nga.geopackage.attributes.AttributesRow row = dao.newRow();
                row.setValue("id", feature.id());
                for (Attribute attribute : attributes) {
                    Object value = feature.property(attribute.name());
                    if (value != null) {
                        row.setValue(attribute.name(), cell(value));
                    }
                }
                dao.create(row);
            });
            written = true;
        } finally {
            geoPackage.endTransaction(written);
        }
    }

    /** A value as its column holds it: dates as text, a list of codes as its JSON text. */
    private static Object cell(Object value) {
        return value instanceof java.time.LocalDate ? value.toString()
                : value instanceof List<?> codes ? CodeList.toText(codes) : value;
    }

    /**
     * The schema extension's data columns: each column's Chinese label as its title (GDAL reads it as the field's
     * alternative name, QGIS shows it as the alias) and the English one as its description; a list of codes is
     * declared as JSON, so GDAL gives it the JSON subtype instead of plain text.
     */
    private static void describeColumns(GeoPackage geoPackage, Layer layer, List<Attribute> attributes) {
        SchemaExtension schema = new SchemaExtension(geoPackage);
        schema.getOrCreate(); // registers the extension, as GDAL checks
        schema.createDataColumnsTable();
        DataColumnsDao dao = schema.getDataColumnsDao();
        Contents contents = geoPackage.getTableContents(layer.tableName());
        try {
            for (Attribute attribute : attributes) {
                DataColumns column = new DataColumns();
                column.setContents(contents);
                column.setColumnName(attribute.name());
                column.setName(attribute.name());
                column.setTitle(attribute.label().zh());
                column.setDescription(ShapefileColumns.withUnit(attribute));
                if (attribute.type() == AttributeType.CODE_LIST) {
                    column.setMimeType("application/json");
                }
                dao.create(column);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot describe the columns of " + layer.tableName(), e);
        }
    }

    private static List<FeatureColumn> columns(List<Attribute> attributes) {
        List<FeatureColumn> columns = new ArrayList<>();
        columns.add(FeatureColumn.createColumn("id", GeoPackageDataType.TEXT));
        for (Attribute attribute : attributes) {
            columns.add(FeatureColumn.createColumn(attribute.name(), switch (attribute.type()) {
                case STRING -> GeoPackageDataType.TEXT;
                case INTEGER -> GeoPackageDataType.INTEGER;
                case NUMBER -> GeoPackageDataType.DOUBLE;
                case BOOLEAN -> GeoPackageDataType.BOOLEAN;
                case DATE -> GeoPackageDataType.DATE;
                case CODE_LIST -> GeoPackageDataType.TEXT; // the JSON array text, as GDAL writes a JSON field
            }));
        }
        return columns;
    }

    private static List<Attribute> attributes(Layer layer, Audience audience) {
        return layer.attributesFor(audience);
    }

    /** The layer's single-part type (QGIS styles those best), or GEOMETRY where multi-part features are allowed. */
    private static GeometryType geometryType(Layer layer) {
        return layer.allowMulti() ? GeometryType.GEOMETRY : GeometryType.fromName(layer.geometryKind().name());
    }

    private static GeoPackageGeometryData geometryData(long srsId, byte[] wkb) {
        try {
            return GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srsId, wkb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a geometry for the GeoPackage", e);
        }
    }

    private static SpatialReferenceSystem spatialReferenceSystem(GeoPackage geoPackage, int srid) throws IOException {
        try {
            SpatialReferenceSystem existing = geoPackage.getSpatialReferenceSystemDao().queryForId((long) srid);
            if (existing != null) {
                return existing;
            }
            SpatialReferenceSystem srs = new SpatialReferenceSystem();
            srs.setSrsId(srid);
            srs.setSrsName(CrsDefinitions.name(srid));
            srs.setOrganization("EPSG");
            srs.setOrganizationCoordsysId(srid);
            srs.setDefinition(CrsDefinitions.ogcWkt(srid).orElseThrow(() ->
                    new IllegalStateException("no WKT definition for EPSG:" + srid)));
            srs.setDescription(CrsDefinitions.name(srid));
            geoPackage.getSpatialReferenceSystemDao().create(srs);
            return srs;
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot register EPSG:" + srid + " in the GeoPackage", e);
        }
    }
}
