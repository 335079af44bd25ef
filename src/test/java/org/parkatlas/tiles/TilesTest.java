package org.parkatlas.tiles;

import org.junit.jupiter.api.Nested;
import org.parkatlas.PostgisTestDatabase;
import org.parkatlas.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

/** Vector tiles on each store, each on a database of its own (the contract edits a parcel). */
class TilesTest {

    @Nested
    class OnH2gis extends TilesContract {
        @DynamicPropertySource
        static void ownStore(DynamicPropertyRegistry registry) throws Exception {
            Path dir = Files.createTempDirectory("parkatlas-tiles");
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("tiles"));
        }
    }

    @Nested
    @RequiresPostgis
    class OnPostgis extends TilesContract {
        @DynamicPropertySource
        static void ownStore(DynamicPropertyRegistry registry) {
            PostgisTestDatabase.register(registry);
        }
    }
}
