package org.parkatlas.store;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasApplication;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.filter.Filter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The zero-setup store: created and seeded on first start, reused as it was on the next. */
class EmbeddedStoreRestartTest {

    @Test
    void aSecondStartKeepsWhatTheFirstLeftAndDoesNotReseed() throws Exception {
        Path dataDir = Files.createTempDirectory("parkatlas-restart");
        long seededParcels;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            FeatureStore store = first.getBean(FeatureStore.class);
            Layer parcels = first.getBean(Catalog.class).require("parcels");
            seededParcels = store.count(parcels, Filter.INCLUDE);
            assertThat(seededParcels).isGreaterThanOrEqualTo(150);
            assertThat(Files.list(dataDir)).anySatisfy(f -> assertThat(f.toString()).endsWith(".mv.db"));
            // a park clears its sample parcels and keeps one of its own
            Feature kept = store.query(parcels, FeatureQuery.all().page(0, 1)).features().get(0);
            store.replace(Map.of(parcels, List.of(kept)));
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            FeatureStore store = second.getBean(FeatureStore.class);
            Layer parcels = second.getBean(Catalog.class).require("parcels");
            assertThat(store.count(parcels, Filter.INCLUDE)).as("not reseeded over the park's own data").isEqualTo(1);
            Layer roads = second.getBean(Catalog.class).require("roads");
            assertThat(store.count(roads, Filter.INCLUDE)).isPositive();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ParkAtlasApplication.class).web(WebApplicationType.NONE)
                .run("--parkatlas.data-dir=" + dataDir);
    }
}
