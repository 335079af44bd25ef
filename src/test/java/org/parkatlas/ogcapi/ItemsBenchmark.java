package org.parkatlas.ogcapi;

import org.parkatlas.BenchmarkServer;
import org.parkatlas.finder.SyntheticPark;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A runnable benchmark, not a test: OGC API items against the raw SQL that makes the same answer, on a generated park
 * ({@link SyntheticPark}; 60 blocks give about 9 000 parcels), on each store. Three requests — a 1 000-item page, a
 * 10-item page and one feature — timed over HTTP (curl, keep-alive) in 5 interleaved batches, each beside its SQL:
 * on PostGIS the GeoJSON built by the database itself ({@code json_build_object}, {@code ST_AsGeoJSON} in CRS84 to 7
 * places, and the COUNT of {@code numberMatched}); on H2GIS the same rows read (H2 has no GeoJSON builder). Run it as
 * the README says; it prints medians and the ratio.
 */
public final class ItemsBenchmark {

    private static final int ROUNDS = 25;

    private record Request(String name, String path, String postgisSql, String h2Sql) {
    }

    private ItemsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        List<String> stores = args.length > 1 ? Arrays.asList(args[1].split(",")) : List.of("h2gis", "postgis");
        String kept = System.getProperty("parkatlas.benchmark.folder");
        Path folder = kept != null ? Path.of(kept) : Files.createTempDirectory("parkatlas-items-benchmark");
        if (!Files.exists(folder.resolve("layers").resolve("parcels.geojson"))) {
            int parcels = new SyntheticPark(blocks).write(folder.resolve("layers"));
            System.out.printf("generated a park of %,d parcels under %s%n", parcels, folder);
        }
        for (String store : stores) {
            run(store, folder);
        }
        System.exit(0);
    }

    /**
     * @param stored the parcels' stored columns but id, version and geom: the raw SQL gives every one, as ParkAtlas
     *               does (which adds the derived ones, that no SQL gives)
     */
    private static List<Request> requests(String oneId, List<String> stored) {
        String columns = "*";
        String feature = "json_build_object('type', 'Feature', 'id', id, 'geometry', ST_AsGeoJSON(ST_Transform(geom, "
                + "4326), 7)::json, 'properties', json_build_object(" + stored.stream().map(c -> "'" + c + "', " + c)
                .collect(java.util.stream.Collectors.joining(", ")) + "))";
        return List.of(
                new Request("1 000 items", "/ogcapi/collections/parcels/items?limit=1000",
                        "SELECT json_build_object('type', 'FeatureCollection', 'numberMatched', (SELECT COUNT(*) FROM "
                                + "parcels), 'features', json_agg(f)) FROM (SELECT " + feature + " AS f FROM parcels p "
                                + "ORDER BY id LIMIT 1000) page",
                        "SELECT " + columns + ", ST_AsBinary(ST_Transform(geom, 4326)) FROM parcels ORDER BY id "
                                + "LIMIT 1000"),
                new Request("10 items", "/ogcapi/collections/parcels/items?limit=10",
                        "SELECT json_build_object('type', 'FeatureCollection', 'numberMatched', (SELECT COUNT(*) FROM "
                                + "parcels), 'features', json_agg(f)) FROM (SELECT " + feature + " AS f FROM parcels p "
                                + "ORDER BY id LIMIT 10) page",
                        "SELECT " + columns + ", ST_AsBinary(ST_Transform(geom, 4326)) FROM parcels ORDER BY id "
                                + "LIMIT 10"),
                new Request("one feature", "/ogcapi/collections/parcels/items/" + oneId,
                        "SELECT " + feature + " FROM parcels p WHERE id = '" + oneId + "'",
                        "SELECT " + columns + ", ST_AsBinary(ST_Transform(geom, 4326)) FROM parcels WHERE id = '"
                                + oneId + "'"));
    }

    private static void run(String store, Path folder) throws Exception {
        ConfigurableApplicationContext started = BenchmarkServer.start(store, folder, Map.of());
        if (started == null) {
            return;
        }
        try (ConfigurableApplicationContext context = started) {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            // HTTP/1.1 with keep-alive, as a GIS client talks; the JDK's default asks every plain request to upgrade
            // to h2c, which Tomcat here declines, and that was measured at several ms a request
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String oneId = jdbc.queryForObject("SELECT id FROM parcels ORDER BY id LIMIT 1 OFFSET 500", String.class);
            // ids are URL-safe in the generated park (letters, digits and hyphens)
            long parcels = jdbc.queryForObject("SELECT COUNT(*) FROM parcels", Long.class);
            System.out.printf("%s: %,d parcels%n", store, parcels);
            // the first read works out readiness for every parcel; not what is measured here
            http.send(HttpRequest.newBuilder(URI.create(base + "/ogcapi/collections/parcels/items?limit=1")).build(),
                    HttpResponse.BodyHandlers.discarding());
            java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
            Map<String, List<Double>> times = new LinkedHashMap<>();
            List<String> stored = jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE "
                    + "LOWER(table_name) = 'parcels' ORDER BY ordinal_position", String.class).stream()
                    .map(String::toLowerCase).filter(c -> !List.of("id", "version", "geom").contains(c)).toList();
            List<Request> requests = requests(oneId, stored);
            // warmed up first, both sides, as JMH would: the service's first few hundred requests run interpreted
            // code (a static file took 7 ms cold, 1 ms after 1 000 requests), which is not what a running service
            // costs
            for (Request request : requests) {
                for (int i = 0; i < 4; i++) {
                    curl(base + request.path(), 250);
                }
                String sql = store.equals("postgis") ? request.postgisSql() : request.h2Sql();
                for (int i = 0; i < 200; i++) {
                    worker.submit(() -> jdbc.query(sql, (ResultSet rs) -> null)).get();
                }
            }
            // over HTTP from curl, another process on one kept-alive connection, as a GIS client would ask: the
            // JDK's own client in this JVM was measured adding 5–8 ms a request (its selector thread, and sharing the
            // two cores with the server it times)
            for (int batch = 0; batch < 5; batch++) {
                for (Request request : requests) {
                    times.computeIfAbsent(request.name() + "|http", k -> new ArrayList<>())
                            .addAll(curl(base + request.path(), ROUNDS / 5 + 1));
                    String sql = store.equals("postgis") ? request.postgisSql() : request.h2Sql();
                    for (int round = 0; round < ROUNDS / 5 + 1; round++) {
                        long t = System.nanoTime();
                        worker.submit(() -> jdbc.query(sql, (ResultSet rs) -> {
                            int n = rs.getMetaData().getColumnCount();
                            while (rs.next()) {
                                for (int c = 1; c <= n; c++) {
                                    rs.getObject(c);
                                }
                            }
                            return null;
                        })).get();
                        if (batch > 0 || round > 0) {
                            times.computeIfAbsent(request.name() + "|sql", k -> new ArrayList<>())
                                    .add((System.nanoTime() - t) / 1e6);
                        }
                    }
                }
            }
            worker.shutdown();
            for (Request request : requests) {
                double service = median(times.get(request.name() + "|http"));
                double raw = median(times.get(request.name() + "|sql"));
                System.out.printf("%s | %s | ParkAtlas HTTP median %.1f ms | raw SQL median %.1f ms | ratio %.2f, "
                        + "difference %.1f ms%n", store, request.name(), service, raw, service / raw, service - raw);
            }
            String busy = concurrent(base + "/ogcapi/collections/parcels/items?limit=10", 16, 15);
            System.out.printf("%s | 10 items, %s%n", store, busy == null ? "16 clients: skipped (no ab; apt-get "
                    + "install apache2-utils)" : busy);
        }
    }

    /**
     * {@code clients} concurrent kept-alive clients on one URL for {@code seconds}, by ApacheBench ({@code ab}, Debian's
     * apache2-utils: a process of its own, light on the two cores the service needs): requests a second, median and
     * 99th percentile. Null when {@code ab} is not installed.
     */
    public static String concurrent(String url, int clients, int seconds) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("ab", "-k", "-q", "-c", String.valueOf(clients), "-t", String.valueOf(seconds),
                    "-n", "10000000", url).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            return null;
        }
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        java.util.regex.Matcher rate = java.util.regex.Pattern.compile("Requests per second:\\s+([0-9.]+)").matcher(out);
        java.util.regex.Matcher p50 = java.util.regex.Pattern.compile("\\n\\s+50%\\s+(\\d+)").matcher(out);
        java.util.regex.Matcher p99 = java.util.regex.Pattern.compile("\\n\\s+99%\\s+(\\d+)").matcher(out);
        java.util.regex.Matcher failed = java.util.regex.Pattern.compile("Failed requests:\\s+(\\d+)").matcher(out);
        java.util.regex.Matcher non2xx = java.util.regex.Pattern.compile("Non-2xx responses:\\s+(\\d+)").matcher(out);
        if (!rate.find() || !p50.find() || !p99.find()) {
            return "ab said: " + out.strip();
        }
        return String.format(java.util.Locale.ROOT, "%s clients: %.0f req/s, p50 %s ms, p99 %s ms, failed %s%s",
                clients, Double.parseDouble(rate.group(1)), p50.group(1), p99.group(1),
                failed.find() ? failed.group(1) : "0", non2xx.find() ? ", non-2xx " + non2xx.group(1) : "");
    }

    /** {@code times} GETs of one URL on one connection by curl, each one's total in ms, the first left out. */
    public static List<Double> curl(String url, int times) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-w", "%{http_code} %{time_total}\\n"));
        for (int i = 0; i <= times; i++) {
            command.add(url);
            command.add("-o");
            command.add("/dev/null");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Double> totals = new ArrayList<>();
        for (String line : new String(process.getInputStream().readAllBytes()).split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2) {
                if (!parts[0].equals("200")) {
                    throw new IllegalStateException(url + ": HTTP " + parts[0]);
                }
                totals.add(Double.parseDouble(parts[1]) * 1000);
            }
        }
        process.waitFor();
        return totals.subList(1, totals.size());
    }

    public static double median(List<Double> samples) {
        List<Double> sorted = samples.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
