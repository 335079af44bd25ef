package org.parkatlas.editing;

import org.junit.jupiter.api.Nested;
import org.parkatlas.PostgisTestDatabase;
import org.parkatlas.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

/** The parcel operations on each store, each on a database of its own. */
class ParcelOperationsTest {

    @Nested
    class OnH2gis extends ParcelOperationsApiTest {
        @DynamicPropertySource
        static void ownStore(DynamicPropertyRegistry registry) throws Exception {
            Path dir = Files.createTempDirectory("parkatlas-parcel-ops");
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("ops"));
        }
    }

    @Nested
    @RequiresPostgis
    class OnPostgis extends ParcelOperationsApiTest {
        @DynamicPropertySource
        static void ownStore(DynamicPropertyRegistry registry) {
            PostgisTestDatabase.register(registry);
        }
    }
}
