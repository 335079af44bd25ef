package org.parkatlas.exchange;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasApplication;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.store.FeatureStore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar parkatlas.jar import <collection> <file>}: the exit code says how it went. */
class ImportCommandTest {

    @Test
    void importsAFileAndExitsWithZero() throws Exception {
        Path dataDir = Files.createTempDirectory("parkatlas-import-command");
        Path file = dataDir.resolve("axes.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"a-x\","
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[111.60,36.16],[111.63,36.16]]},"
                + "\"properties\":{\"code\":\"A9\",\"name\":\"试验轴\"}}]}");
        try (ConfigurableApplicationContext context = run(dataDir, "import", "axes", file.toString())) {
            FeatureStore store = context.getBean(FeatureStore.class);
            assertThat(store.count(context.getBean(Catalog.class).require("axes"), Filter.INCLUDE)).isEqualTo(1);
            assertThat(SpringApplication.exit(context)).isZero();
        }
    }

    @Test
    void aRefusedFileExitsWithOneAndLeavesTheLayerAlone() throws Exception {
        Path dataDir = Files.createTempDirectory("parkatlas-import-command");
        Path file = dataDir.resolve("bad.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"a-x\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[111.60,36.16]},\"properties\":{}}]}");
        try (ConfigurableApplicationContext context = run(dataDir, "import", "axes", file.toString())) {
            FeatureStore store = context.getBean(FeatureStore.class);
            assertThat(store.count(context.getBean(Catalog.class).require("axes"), Filter.INCLUDE)).isEqualTo(3);
            assertThat(SpringApplication.exit(context)).isEqualTo(1);
        }
        try (ConfigurableApplicationContext context = run(dataDir, "import", "no-such-layer", file.toString())) {
            assertThat(SpringApplication.exit(context)).isEqualTo(2);
        }
    }

    private static ConfigurableApplicationContext run(Path dataDir, String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--parkatlas.data-dir=" + dataDir;
        return new SpringApplicationBuilder(ParkAtlasApplication.class).web(WebApplicationType.NONE).run(all);
    }
}
