package org.parkatlas.exchange;

import org.locationtech.jts.geom.Geometry;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.feature.Feature;
import org.parkatlas.problem.InvalidInputException;
import org.wololo.flatgeobuf.ColumnMeta;
import org.wololo.flatgeobuf.Constants;
import org.wololo.flatgeobuf.GeometryConversions;
import org.wololo.flatgeobuf.HeaderMeta;
import org.wololo.flatgeobuf.PackedRTree;
import org.wololo.flatgeobuf.generated.ColumnType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Reads a FlatGeobuf file into a layer: the header's columns are matched to attributes by name (an {@code id}
 * column gives the ids), its EPSG code gives the CRS, and every feature is checked by a {@link FeatureAssembler}.
 * A file is read whole from memory; a damaged one is refused with the feature where reading stopped.
 */
final class FlatGeobufFeatureReader {

    private final Layer layer;

    FlatGeobufFeatureReader(Layer layer) {
        this.layer = layer;
    }

    static boolean isFlatGeobuf(byte[] start) {
        return start.length >= 8 && Constants.isFlatgeobuf(ByteBuffer.wrap(start));
    }

    List<Feature> read(Path file, LongConsumer progress) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        HeaderMeta header;
        try {
            header = HeaderMeta.read(bytes);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("", Label.of("FlatGeobuf 文件头无法读取", "the FlatGeobuf header cannot be read"));
        }
        Crs crs = (header.srid == 4326 ? java.util.Optional.of(Crs.CRS84) : CrsRegistry.bySrid(header.srid))
                .filter(c -> header.srid != 0).orElseThrow(() -> new InvalidInputException("/header/crs", Label.of(
                        "FlatGeobuf 的坐标系 EPSG:" + header.srid + " 不受支持", "the FlatGeobuf's CRS EPSG:"
                                + header.srid + " is not supported")));
        List<ColumnMeta> columns = header.columns == null ? List.of() : header.columns;
        FeatureAssembler assembler = FeatureAssembler.forXyCoordinates(layer, crs, Set.of(ShapefileColumns.ID));
        long position = header.offset;
        if (header.indexNodeSize > 0 && header.featuresCount > 0) {
            position += PackedRTree.calcSize((int) header.featuresCount, header.indexNodeSize);
        }
        List<Feature> features = new ArrayList<>();
        while (position + 4 <= bytes.limit()) {
            String pointer = "/features/" + features.size();
            int size = bytes.getInt((int) position);
            if (size <= 0 || position + 4 + size > bytes.limit()) {
                throw new InvalidInputException(pointer, Label.of("第 " + features.size() + " 个要素的数据不完整",
                        "feature " + features.size() + " is cut short"));
            }
            ByteBuffer slice = bytes.slice((int) position + 4, size).order(ByteOrder.LITTLE_ENDIAN);
            Geometry geometry;
            Map<String, Object> values = new LinkedHashMap<>();
            String id;
            try {
                org.wololo.flatgeobuf.generated.Feature feature =
                        org.wololo.flatgeobuf.generated.Feature.getRootAsFeature(slice);
                geometry = feature.geometry() == null ? null
                        : single(GeometryConversions.deserialize(feature.geometry(), header.geometryType));
                id = properties(feature.propertiesAsByteBuffer(), columns, values, pointer);
            } catch (InvalidInputException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new InvalidInputException(pointer, Label.of("第 " + features.size() + " 个要素无法读取",
                        "feature " + features.size() + " cannot be read"));
            }
            features.add(assembler.assemble(pointer, id, geometry, values));
            if (features.size() % 1000 == 0) {
                progress.accept(features.size());
            }
            position += 4 + size;
        }
        progress.accept(features.size());
        return features;
    }

    /**
     * A file's layer has one geometry type, so ParkAtlas writes a polygon as a one-part multipolygon where the
     * layer allows several parts; it is the polygon it was, and comes back as one.
     */
    private static Geometry single(Geometry geometry) {
        return geometry instanceof org.locationtech.jts.geom.GeometryCollection && geometry.getNumGeometries() == 1
                ? geometry.getGeometryN(0) : geometry;
    }

    /** Decodes a feature's properties into {@code values}; answers its id column's value. */
    private static String properties(ByteBuffer properties, List<ColumnMeta> columns, Map<String, Object> values,
                                     String pointer) {
        String id = null;
        if (properties == null) {
            return null;
        }
        ByteBuffer in = properties.slice().order(ByteOrder.LITTLE_ENDIAN);
        while (in.remaining() >= 2) {
            int index = Short.toUnsignedInt(in.getShort());
            if (index >= columns.size()) {
                throw new InvalidInputException(pointer, Label.of("属性指向不存在的第 " + index + " 列",
                        "a property names column " + index + ", which the header does not have"));
            }
            ColumnMeta column = columns.get(index);
            Object value = switch (column.type) {
                case ColumnType.Bool -> in.get() != 0;
                case ColumnType.Byte -> (long) in.get();
                case ColumnType.UByte -> (long) Byte.toUnsignedInt(in.get());
                case ColumnType.Short -> (long) in.getShort();
                case ColumnType.UShort -> (long) Short.toUnsignedInt(in.getShort());
                case ColumnType.Int -> (long) in.getInt();
                case ColumnType.UInt -> Integer.toUnsignedLong(in.getInt());
                case ColumnType.Long, ColumnType.ULong -> in.getLong();
                case ColumnType.Float -> (double) in.getFloat();
                case ColumnType.Double -> in.getDouble();
                case ColumnType.String, ColumnType.Json, ColumnType.DateTime, ColumnType.Binary -> {
                    int length = in.getInt();
                    byte[] text = new byte[length];
                    in.get(text);
                    yield new String(text, StandardCharsets.UTF_8);
                }
                default -> throw new InvalidInputException(pointer + "/" + column.name, Label.of("列“" + column.name
                        + "”的类型无法读取", "the type of column \"" + column.name + "\" cannot be read"));
            };
            if (column.name.equals(ShapefileColumns.ID)) {
                id = value.toString();
            } else {
                values.put(column.name, value);
            }
        }
        return id;
    }
}
