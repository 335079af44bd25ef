package org.parkatlas;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service as the benchmarks start it: on a free port, on the embedded store in {@code folder} or on a new PostGIS
 * database, seeded on first start from the generated park under {@code folder/layers}, quiet but for warnings.
 */
public final class BenchmarkServer {

    private BenchmarkServer() {
    }

    /**
     * @param extra further properties (a logger's level …)
     * @return the running service, or null (saying why) when PostGIS is asked for and not there
     */
    public static ConfigurableApplicationContext start(String store, Path folder, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("parkatlas.data-dir", folder.resolve("data-" + store).toString());
        properties.put("parkatlas.seed.location", folder.resolve("layers").toUri().toString());
        properties.put("parkatlas.bootstrap.password", "benchmark-only");
        properties.put("logging.level.root", "WARN");
        properties.putAll(extra);
        if (store.equals("postgis")) {
            String why = PostgisTestDatabase.unavailableReason();
            if (why != null) {
                System.out.println("postgis: skipped, " + why);
                return null;
            }
            properties.put("parkatlas.store", "postgis");
            properties.put("spring.datasource.url", PostgisTestDatabase.newDatabase());
            properties.put("spring.datasource.username", PostgisTestDatabase.user());
            properties.put("spring.datasource.password", PostgisTestDatabase.password());
        }
        // as command-line arguments: they win over application.properties, as they do for an operator
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ParkAtlasApplication.class).run(arguments);
    }
}
