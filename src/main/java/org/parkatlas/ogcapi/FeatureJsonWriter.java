package org.parkatlas.ogcapi;

import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.catalog.Layer;
import org.parkatlas.geojson.GeoJsonGeometry;
import org.parkatlas.feature.Feature;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString FEATURE = new SerializedString("Feature");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString GEOMETRY = new SerializedString("geometry");
    private static final SerializedString PROPERTIES = new SerializedString("properties");
    /** Values kept encoded are those that repeat: a layer's coded values and dates, a few hundred at most. */
    private static final int MOST_KEPT = 4096;

    private final Crs storage;
    private final Crs output;
    private final List<String> properties;
    private final boolean withGeometry;
    /**
     * Property names, and the values that recur on a page (codes, dates), escaped and encoded once per answer rather
     * than once per feature: escaping every string was an eighth of a 1 000-item page's time (JFR).
     */
    private final Map<String, SerializedString> names = new HashMap<>();
    private final java.util.Set<String> coded;
    private final Map<Object, SerializedString> values = new HashMap<>();

    /** @param properties the properties every feature carries, in order (null: those each feature has) */
    FeatureJsonWriter(Layer layer, Crs output, List<String> properties, boolean withGeometry) {
        this.storage = CrsRegistry.bySrid(layer.storageSrid()).orElseThrow();
        this.output = output;
        this.properties = properties == null ? null : List.copyOf(properties);
        this.withGeometry = withGeometry;
        this.coded = java.util.stream.Stream.concat(layer.attributes().stream(), layer.derivedAttributes().stream())
                .filter(org.parkatlas.catalog.Attribute::isEnumerated).map(org.parkatlas.catalog.Attribute::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
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
        json.writeName(TYPE);
        json.writeString(FEATURE);
        json.writeName(ID);
        json.writeString(feature.id());
        json.writeName(GEOMETRY);
        if (withGeometry && feature.geometry() != null) {
            GeoJsonGeometry.write(json, Reprojector.transform(feature.geometry(), storage, output),
                    output.swapsAxes(), output.geographic() ? 7 : 3);
        } else {
            json.writeNull();
        }
        json.writeName(PROPERTIES);
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

    private void writeValue(JsonGenerator json, String name, Object value) {
        json.writeName(names.computeIfAbsent(name, SerializedString::new));
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
            codes.forEach(code -> json.writeString(recurring(String.valueOf(code))));
            json.writeEndArray();
        } else if (value instanceof java.time.LocalDate || coded.contains(name)) {
            json.writeString(recurring(value)); // dates as ISO 8601, as GeoJSON clients expect
        } else {
            json.writeString(value.toString());
        }
    }

    /** A value that recurs, encoded once for the answer (a page with more distinct ones than that is encoded as is). */
    private SerializedString recurring(Object value) {
        SerializedString kept = values.get(value);
        if (kept == null) {
            kept = new SerializedString(value.toString());
            if (values.size() < MOST_KEPT) {
                values.put(value, kept);
            }
        }
        return kept;
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
