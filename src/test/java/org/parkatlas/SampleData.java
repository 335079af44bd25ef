package org.parkatlas;

import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.exchange.GeoJsonFeatureReader;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.LandArea;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Ganting sample of {@code geodata/} as the write path stores it, for tests that load a store without a server:
 * read from its GeoJSON file, with the areas in m² and mu that the server computes (the files carry none).
 */
public final class SampleData {

    private SampleData() {
    }

    /** The layer's sample features, empty when it has no file. */
    public static List<Feature> of(Layer layer) {
        Path file = Path.of("geodata", layer.id() + ".geojson");
        if (!Files.exists(file)) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new GeoJsonFeatureReader(layer, Crs.CRS84).readCollection(in).stream()
                    .map(f -> withArea(layer, f)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Feature withArea(Layer layer, Feature feature) {
        if (!layer.hasAttribute("area_m2")) {
            return feature;
        }
        Map<String, Object> properties = new LinkedHashMap<>(feature.properties());
        LandArea area = LandArea.of(feature.geometry());
        properties.put("area_m2", area.roundedSquareMetres());
        properties.put("area_mu", area.roundedMu());
        return feature.withProperties(properties);
    }
}
