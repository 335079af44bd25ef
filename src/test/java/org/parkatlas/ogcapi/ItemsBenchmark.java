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

    private static List<Request> requests(String oneId) {
        String columns = "id, code, land_use, status, zone, industrial_park, standard_land, area_m2, area_mu";
        String feature = "json_build_object('type', 'Feature', 'id', id, 'geometry', ST_AsGeoJSON(ST_Transform(geom, "
                + "4326), 7)::json, 'properties', json_build_object('code', code, 'land_use', land_use, 'status', "
                + "status, 'zone', zone, 'industrial_park', industrial_park, 'standard_land', standard_land, "
                + "'area_m2', area_m2, 'area_mu', area_mu))";
        return List.of(
                new Request("1 000 items", "/ogcapi/collections/parcels/items?limit=1000",
                        "SELECT json_build_object('type', 'FeatureCollection', 'numberMatched', (SELECT COUNT(*) FROM "
                                + "parcels), 'features', json_agg(f)) FROM (SELECT " + feature + " AS f FROM parcels "
                                + "ORDER BY id LIMIT 1000) page",
                        "SELECT " + columns + ", ST_AsBinary(ST_Transform(geom, 4326)) FROM parcels ORDER BY id "
                                + "LIMIT 1000"),
                new Request("10 items", "/ogcapi/collections/parcels/items?limit=10",
                        "SELECT json_build_object('type', 'FeatureCollection', 'numberMatched', (SELECT COUNT(*) FROM "
                                + "parcels), 'features', json_agg(f)) FROM (SELECT " + feature + " AS f FROM parcels "
                                + "ORDER BY id LIMIT 10) page",
                        "SELECT " + columns + ", ST_AsBinary(ST_Transform(geom, 4326)) FROM parcels ORDER BY id "
                                + "LIMIT 10"),
                new Request("one feature", "/ogcapi/collections/parcels/items/" + oneId,
                        "SELECT " + feature + " FROM parcels WHERE id = '" + oneId + "'",
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
            List<Request> requests = requests(oneId);
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
        }
    }

    /** {@code times} GETs of one URL on one connection by curl, each one's total in ms, the first left out. */
    private static List<Double> curl(String url, int times) throws Exception {
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

    private static double median(List<Double> samples) {
        List<Double> sorted = samples.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
