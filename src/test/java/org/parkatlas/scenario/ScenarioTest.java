package org.parkatlas.scenario;

import org.junit.jupiter.api.Nested;
import org.parkatlas.PostgisTestDatabase;
import org.parkatlas.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

/** What-if scenarios on each store, each on a database of its own (the contract applies one). */
class ScenarioTest {

    @Nested
    class OnH2gis extends ScenarioContract {
        @DynamicPropertySource
        static void ownStore(DynamicPropertyRegistry registry) throws Exception {
            Path dir = Files.createTempDirectory("parkatlas-scenario");
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("scenario"));
        }
    }

    @Nested
    @RequiresPostgis
    class OnPostgis extends ScenarioContract {
        @DynamicPropertySource
        static void ownStore(DynamicPropertyRegistry registry) {
            PostgisTestDatabase.register(registry);
        }
    }
}
