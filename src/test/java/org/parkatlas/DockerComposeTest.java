package org.parkatlas;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parkatlas.account.BootstrapProperties;
import org.parkatlas.store.StoreProperties;
import org.parkatlas.web.BasemapProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so docker-compose.yml cannot be started in CI; this keeps it right instead: it parses,
 * the database is PostGIS with a volume and a healthcheck, the app waits for it, and every environment variable
 * the app is given binds to the property the app really reads, with the values that make it use that database.
 */
class DockerComposeTest {

    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws Exception {
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Object>) compose.get("services");
            assertThat((Map<String, Object>) compose.get("volumes")).containsKey("parkatlas-db");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDatabaseIsPostgisWithAVolumeAndAHealthcheck() {
        Map<String, Object> db = (Map<String, Object>) services.get("db");
        assertThat((String) db.get("image")).startsWith("postgis/postgis:");
        assertThat((List<String>) db.get("volumes")).anySatisfy(v -> assertThat(v).startsWith("parkatlas-db:"));
        assertThat(db.get("healthcheck").toString()).contains("pg_isready");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAppIsBuiltHereAndWaitsForAHealthyDatabase() {
        Map<String, Object> app = (Map<String, Object>) services.get("app");
        assertThat(app.get("build")).isEqualTo(".");
        assertThat(Path.of("Dockerfile")).exists();
        assertThat((List<String>) app.get("ports")).contains("8080:8080");
        Map<String, Object> dependsOn = (Map<String, Object>) app.get("depends_on");
        assertThat(((Map<String, Object>) dependsOn.get("db")).get("condition")).isEqualTo("service_healthy");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAppsEnvironmentBindsToThePropertiesTheAppReads() {
        Map<String, Object> app = (Map<String, Object>) services.get("app");
        Map<String, Object> db = (Map<String, Object>) services.get("db");
        Map<String, Object> env = withDefaults((Map<String, Object>) app.get("environment"));
        Map<String, Object> dbEnv = withDefaults((Map<String, Object>) db.get("environment"));

        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("compose", env));
        Binder binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));

        StoreProperties store = binder.bind("parkatlas", StoreProperties.class).get();
        assertThat(store.store()).isEqualTo("postgis");
        assertThat(binder.bind("spring.datasource.url", String.class).get())
                .isEqualTo("jdbc:postgresql://db:5432/" + dbEnv.get("POSTGRES_DB"));
        assertThat(binder.bind("spring.datasource.username", String.class).get()).isEqualTo(dbEnv.get("POSTGRES_USER"));
        assertThat(binder.bind("spring.datasource.password", String.class).get())
                .isEqualTo(dbEnv.get("POSTGRES_PASSWORD"));
        BootstrapProperties bootstrap = binder.bind("parkatlas.bootstrap", BootstrapProperties.class).get();
        assertThat(bootstrap.username()).isEqualTo("admin");
        assertThat(binder.bind("parkatlas.basemap", BasemapProperties.class).isBound()).isTrue();

        // every variable given to the app is one of these properties: a misspelt one would be silently ignored
        List<String> known = List.of("PARKATLAS_STORE", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                "SPRING_DATASOURCE_PASSWORD", "PARKATLAS_BOOTSTRAP_USERNAME", "PARKATLAS_BOOTSTRAP_PASSWORD",
                "PARKATLAS_BASEMAP_URL", "PARKATLAS_BASEMAP_ATTRIBUTION");
        assertThat(env.keySet()).isSubsetOf(known);
    }

    /** Replaces ${NAME:-default} by its default, as docker compose does when NAME is unset. */
    private static Map<String, Object> withDefaults(Map<String, Object> env) {
        Pattern variable = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");
        Map<String, Object> resolved = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            Matcher m = variable.matcher(String.valueOf(value));
            resolved.put(name, m.replaceAll(r -> Matcher.quoteReplacement(r.group(1))));
        });
        return resolved;
    }
}
