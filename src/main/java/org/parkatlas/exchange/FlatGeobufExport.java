package org.parkatlas.exchange;

import com.google.flatbuffers.FlatBufferBuilder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.CodeList;
import org.parkatlas.feature.Feature;
import org.wololo.flatgeobuf.ColumnMeta;
import org.wololo.flatgeobuf.Constants;
import org.wololo.flatgeobuf.GeometryConversions;
import org.wololo.flatgeobuf.HeaderMeta;
import org.wololo.flatgeobuf.generated.ColumnType;
import org.wololo.flatgeobuf.generated.GeometryType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a download as FlatGeobuf (flatgeobuf.org, 3.x) with {@code org.wololo:flatgeobuf}'s header and geometry
 * encoding: one typed column per attribute (a list of codes as {@code Json}, a date as {@code DateTime} text), the
 * Chinese label as each column's title and the English one as its description, the CRS as its EPSG code. A
 * polygon layer that allows multipolygons is written as MultiPolygon throughout, as QGIS wants one type per layer.
 * No spatial index is written: the files are downloads, read whole.
 */
final class FlatGeobufExport {

    private FlatGeobufExport() {
    }

    static void write(FileExport export, OutputStream target) throws IOException {
        List<Attribute> attributes = export.attributes();
        byte geometryType = geometryType(export);
        HeaderMeta header = new HeaderMeta();
        header.name = export.layer().id();
        header.geometryType = geometryType;
        header.srid = export.crs().srid() == 0 ? 4326 : export.crs().srid();
        header.featuresCount = export.features().size();
        header.indexNodeSize = 0;
        header.columns = new ArrayList<>();
        header.columns.add(column(ShapefileColumns.ID, ColumnType.String, "编号", "id"));
        for (Attribute attribute : attributes) {
            header.columns.add(column(attribute.name(), type(attribute), attribute.label().zh(),
                    ShapefileColumns.withUnit(attribute)));
        }
        List<Geometry> geometries = new ArrayList<>(export.features().size());
        Envelope bounds = new Envelope();
        for (Feature feature : export.features()) {
            Geometry geometry = promote(export.geometryOf(feature), geometryType);
            geometries.add(geometry);
            bounds.expandToInclude(geometry.getEnvelopeInternal());
        }
        header.envelope = bounds.isNull() ? null : bounds;

        target.write(Constants.MAGIC_BYTES);
        HeaderMeta.write(header, target, new FlatBufferBuilder(4096));
        WritableByteChannel channel = Channels.newChannel(target);
        FlatBufferBuilder builder = new FlatBufferBuilder(4096);
        for (int i = 0; i < geometries.size(); i++) {
            builder.clear();
            Feature feature = export.features().get(i);
            int geometry = GeometryConversions.serialize(builder, geometries.get(i), geometryType);
            int properties = org.wololo.flatgeobuf.generated.Feature.createPropertiesVector(builder,
                    properties(feature, attributes));
            int written = org.wololo.flatgeobuf.generated.Feature.createFeature(builder, geometry, properties, 0);
            builder.finishSizePrefixed(written);
            ByteBuffer bytes = builder.dataBuffer();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        target.flush();
    }

    private static ColumnMeta column(String name, int type, String title, String description) {
        ColumnMeta column = new ColumnMeta();
        column.name = name;
        column.type = (byte) type;
        column.title = title;
        column.description = description;
        column.nullable = true;
        return column;
    }

    private static int type(Attribute attribute) {
        return switch (attribute.type()) {
            case STRING -> ColumnType.String;
            case CODE_LIST -> ColumnType.Json;
            case INTEGER -> ColumnType.Long;
            case NUMBER -> ColumnType.Double;
            case BOOLEAN -> ColumnType.Bool;
            case DATE -> ColumnType.DateTime;
        };
    }

    /** The properties of one feature in FlatGeobuf's encoding: column index, then the value; nulls are left out. */
    private static byte[] properties(Feature feature, List<Attribute> attributes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer eight = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        text(out, 0, feature.id());
        for (int i = 0; i < attributes.size(); i++) {
            Object value = feature.property(attributes.get(i).name());
            int column = i + 1;
            if (value == null || value instanceof List<?> list && list.isEmpty()) {
                continue;
            }
            switch (attributes.get(i).type()) {
                case STRING -> text(out, column, value.toString());
                case CODE_LIST -> text(out, column, CodeList.toText((List<?>) value));
                case DATE -> text(out, column, ((LocalDate) value).toString());
                case INTEGER -> {
                    index(out, column);
                    out.write(eight.clear().putLong(((Number) value).longValue()).array(), 0, 8);
                }
                case NUMBER -> {
                    index(out, column);
                    out.write(eight.clear().putDouble(((Number) value).doubleValue()).array(), 0, 8);
                }
                case BOOLEAN -> {
                    index(out, column);
                    out.write((Boolean) value ? 1 : 0);
                }
            }
        }
        return out.toByteArray();
    }

    private static void index(ByteArrayOutputStream out, int column) {
        out.write(column & 0xFF);
        out.write((column >>> 8) & 0xFF);
    }

    private static void text(ByteArrayOutputStream out, int column, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        index(out, column);
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static byte geometryType(FileExport export) {
        boolean multi = export.layer().allowMulti();
        return (byte) switch (export.layer().geometryKind()) {
            case POINT -> multi ? GeometryType.MultiPoint : GeometryType.Point;
            case LINESTRING -> multi ? GeometryType.MultiLineString : GeometryType.LineString;
            case POLYGON -> multi ? GeometryType.MultiPolygon : GeometryType.Polygon;
            case NONE -> GeometryType.Unknown; // refused before (FeatureFiles)
        };
    }

    /** A single part as the one-part multi type the header declares. */
    private static Geometry promote(Geometry geometry, byte type) {
        GeometryFactory factory = geometry.getFactory();
        if (type == GeometryType.MultiPolygon && geometry instanceof Polygon p) {
            return factory.createMultiPolygon(new Polygon[] {p});
        }
        if (type == GeometryType.MultiLineString && geometry instanceof LineString l) {
            return factory.createMultiLineString(new LineString[] {l});
        }
        if (type == GeometryType.MultiPoint && geometry instanceof Point p) {
            return factory.createMultiPoint(new Point[] {p});
        }
        return geometry;
    }
}
