package org.parkatlas.exchange;

import org.parkatlas.problem.InvalidInputException;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.feature.Feature;
import org.parkatlas.catalog.Label;
import org.parkatlas.editing.FeatureWriter;
import org.parkatlas.editing.RuleViolationException;
import org.parkatlas.editing.WriteOperation;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.store.FeatureStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills an empty store from GeoJSON files on first start, before the server takes requests, so a newcomer sees the
 * park at once. A store that holds anything is left alone: nothing a park entered is ever overwritten by the sample.
 * All layers are read first, then written through the one write path in one transaction, in catalogue order (zones
 * and industrial parks before the parcels whose zone and park are worked out from them); every layer's rules run
 * once all are written, and the sample's parcels start their history there.
 */
@Component
class GeodataSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(GeodataSeeder.class);

    private final Catalog catalog;
    private final FeatureStore store;
    private final SeedProperties properties;
    private final ResourceLoader resources;
    private final FeatureWriter writer;

    GeodataSeeder(Catalog catalog, FeatureStore store, SeedProperties properties, ResourceLoader resources,
                  FeatureWriter writer) {
        this.writer = writer;
        this.catalog = catalog;
        this.store = store;
        this.properties = properties;
        this.resources = resources;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!properties.enabled()) {
            return;
        }
        if (!empty()) {
            log.info("The {} store already holds the park; not seeding.", store.dialectName());
            return;
        }
        seed();
    }

    private boolean empty() {
        return catalog.layers().stream().allMatch(layer -> store.count(layer, Filter.INCLUDE) == 0);
    }

    void seed() {
        log.info("Seeding the empty {} store from {}", store.dialectName(), properties.location());
        Map<Layer, List<Feature>> content = new LinkedHashMap<>();
        List<Layer> layers = catalog.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            Resource file = resources.getResource(properties.location() + layer.id() + ".geojson");
            if (!file.exists()) {
                log.info("[{}/{}] {}: no file {}, left empty", i + 1, layers.size(), layer.id(), file);
                continue;
            }
            content.put(layer, read(layer, file));
            log.info("[{}/{}] {}: {} features read", i + 1, layers.size(), layer.id(), content.get(layer).size());
        }
        Label note = Label.of("首次启动时载入 " + properties.location(), "loaded on first start from "
                + properties.location());
        try {
            boolean seeded = writer.write("system", batch -> {
                // asked again under the write lock: another instance on the same database may have seeded meanwhile
                if (!empty()) {
                    return false;
                }
                content.forEach((layer, features) -> batch.load(layer, features, true, WriteOperation.IMPORT, note));
                return true;
            });
            if (!seeded) {
                log.info("Another instance seeded the {} store first; not seeding.", store.dialectName());
                return;
            }
        } catch (RuleViolationException e) {
            throw new IllegalStateException("cannot seed from " + properties.location() + ": " + e.violations().size()
                    + " rule(s) broken, e.g. " + e.violations().stream().limit(5).map(v -> v.pointer() + " "
                    + v.rule() + ": " + v.message().en()).toList(), e);
        }
        log.info("Seeded {} layers, {} features.", content.size(),
                content.values().stream().mapToInt(List::size).sum());
    }

    private static List<Feature> read(Layer layer, Resource file) {
        try (InputStream in = file.getInputStream()) {
            return new GeoJsonFeatureReader(layer, Crs.CRS84).readCollection(in);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("cannot seed " + layer.id() + " from " + file + " at " + e.pointer()
                    + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
