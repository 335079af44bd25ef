package org.parkatlas.efficiency;

import org.junit.jupiter.api.Nested;
import org.parkatlas.PostgisTestDatabase;
import org.parkatlas.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

/** The per-mu evaluation on each store, each on a database of its own (the contract imports a year of figures). */
class EfficiencyTest {

    @Nested
    class OnH2gis extends EfficiencyContract {
        @DynamicPropertySource
        static void ownStore(DynamicPropertyRegistry registry) throws Exception {
            Path dir = Files.createTempDirectory("parkatlas-efficiency");
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("efficiency"));
        }
    }

    @Nested
    @RequiresPostgis
    class OnPostgis extends EfficiencyContract {
        @DynamicPropertySource
        static void ownStore(DynamicPropertyRegistry registry) {
            PostgisTestDatabase.register(registry);
        }
    }
}
