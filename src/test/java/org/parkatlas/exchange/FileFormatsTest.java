package org.parkatlas.exchange;

import org.junit.jupiter.api.Nested;
import org.parkatlas.PostgisTestDatabase;
import org.parkatlas.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

/** The file formats on each store, each on a database of its own (the contract rewrites layers). */
class FileFormatsTest {

    @Nested
    class OnH2gis extends FileFormatsContract {
        @DynamicPropertySource
        static void ownStore(DynamicPropertyRegistry registry) throws Exception {
            Path dir = Files.createTempDirectory("parkatlas-formats");
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("formats"));
        }
    }

    @Nested
    @RequiresPostgis
    class OnPostgis extends FileFormatsContract {
        @DynamicPropertySource
        static void ownStore(DynamicPropertyRegistry registry) {
            PostgisTestDatabase.register(registry);
        }
    }
}
