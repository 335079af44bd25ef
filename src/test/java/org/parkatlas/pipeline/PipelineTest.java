package org.parkatlas.pipeline;

import org.junit.jupiter.api.Nested;
import org.parkatlas.PostgisTestDatabase;
import org.parkatlas.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

/** The investment pipeline on each store, each on a database of its own (the contract moves projects). */
class PipelineTest {

    @Nested
    class OnH2gis extends PipelineContract {
        @DynamicPropertySource
        static void ownStore(DynamicPropertyRegistry registry) throws Exception {
            Path dir = Files.createTempDirectory("parkatlas-pipeline");
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("pipeline"));
        }
    }

    @Nested
    @RequiresPostgis
    class OnPostgis extends PipelineContract {
        @DynamicPropertySource
        static void ownStore(DynamicPropertyRegistry registry) {
            PostgisTestDatabase.register(registry);
        }
    }
}
