package org.parkatlas.ogcapi;

import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.catalog.Layer;
import org.parkatlas.geojson.GeoJsonGeometry;
import org.parkatlas.feature.Feature;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams features as GeoJSON in the response CRS, straight from the page to the socket, without building a tree.
 * Every feature carries the same properties, in the catalogue's order, an absent value as an explicit {@code null}:
 * clients that build their fields from the first page (QGIS, GDAL) would otherwise lose a column that happens to be
 * empty there.
 */
final class FeatureJsonWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Crs storage;
    private final Crs output;
    private final List<String> properties;
    private final boolean withGeometry;

    /** @param properties the properties every feature carries, in order (null: those each feature has) */
    FeatureJsonWriter(Layer layer, Crs output, List<String> properties, boolean withGeometry) {
        this.storage = CrsRegistry.bySrid(layer.storageSrid()).orElseThrow();
        this.output = output;
        this.properties = properties == null ? null : List.copyOf(properties);
        this.withGeometry = withGeometry;
    }

    /** Where the features come from: hands each to the sink, answers how many it handed. */
    interface FeatureSource {
        long forEach(Consumer<Feature> sink);
    }

    void writeCollection(OutputStream out, FeatureSource features, long numberMatched, List<Link> links) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeName("features");
            json.writeStartArray();
            long returned = features.forEach(feature -> writeFeatureObject(json, feature, List.of()));
            json.writeEndArray();
            json.writeNumberProperty("numberMatched", numberMatched);
            json.writeNumberProperty("numberReturned", returned);
            json.writeStringProperty("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            writeLinks(json, links);
            json.writeEndObject();
        }
    }

    void writeFeature(OutputStream out, Feature feature, List<Link> links) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writeFeatureObject(json, feature, links);
        }
    }

    private void writeFeatureObject(JsonGenerator json, Feature feature, List<Link> links) {
        json.writeStartObject();
        json.writeStringProperty("type", "Feature");
        json.writeStringProperty("id", feature.id());
        json.writeName("geometry");
        if (withGeometry && feature.geometry() != null) {
            GeoJsonGeometry.write(json, Reprojector.transform(feature.geometry(), storage, output),
                    output.swapsAxes(), output.geographic() ? 7 : 3);
        } else {
            json.writeNull();
        }
        json.writeName("properties");
        json.writeStartObject();
        if (properties == null) {
            for (Map.Entry<String, Object> property : feature.properties().entrySet()) {
                writeValue(json, property.getKey(), property.getValue());
            }
        } else {
            for (String name : properties) {
                writeValue(json, name, feature.property(name));
            }
        }
        json.writeEndObject();
        if (!links.isEmpty()) {
            writeLinks(json, links);
        }
        json.writeEndObject();
    }

    private static void writeValue(JsonGenerator json, String name, Object value) {
        json.writeName(name);
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof List<?> codes) {
            json.writeStartArray();
            codes.forEach(code -> json.writeString(String.valueOf(code)));
            json.writeEndArray();
        } else {
            json.writeString(value.toString()); // strings and dates (ISO 8601, as GeoJSON clients expect)
        }
    }

    private static void writeLinks(JsonGenerator json, List<Link> links) {
        json.writeName("links");
        json.writeStartArray();
        for (Link link : links) {
            json.writeStartObject();
            json.writeStringProperty("href", link.href());
            json.writeStringProperty("rel", link.rel());
            if (link.type() != null) {
                json.writeStringProperty("type", link.type());
            }
            if (link.title() != null) {
                json.writeStringProperty("title", link.title());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
