package org.parkatlas.finder;

import org.parkatlas.BenchmarkServer;
import org.parkatlas.catalog.Audience;
import org.parkatlas.feature.SortKey;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A runnable benchmark, not a test: the finder over a generated park of about 100 000 parcels ({@link SyntheticPark}),
 * on the embedded store and on PostGIS, each started as the service is (seeded on first start through the one write
 * path). Three searches are timed in 25 interleaved rounds: in the service ({@link Finder#find}, the server time),
 * over HTTP ({@code GET /api/finder}), and as the raw SQL of the part a database can answer alone (the stored
 * attributes; the ready date, the items met and the distances are derived, which is what the finder adds). Run it as
 * the README says; it prints its figures. Timings on a shared machine vary, which is why no test asserts them.
 */
public final class FinderBenchmark {

    private static final int ROUNDS = 25;
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    /**
     * @param sql what a database alone can do of it: where the filter is on stored attributes only, the same answer
     *            (count and sum, then the first page); otherwise reading the candidates its stored part leaves, which
     *            the service must read too before it can judge the derived part
     */
    private record Search(String name, String parameters, FinderCriteria criteria, List<String> sql) {
    }

    private FinderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<String> stores = args.length > 1 ? Arrays.asList(args[1].split(",")) : List.of("h2gis", "postgis");
        // -Dparkatlas.benchmark.folder=… keeps the generated park and the embedded store for the next run
        String kept = System.getProperty("parkatlas.benchmark.folder");
        Path folder = kept != null ? Path.of(kept) : Files.createTempDirectory("parkatlas-finder-benchmark");
        if (!Files.exists(folder.resolve("layers").resolve("parcels.geojson"))) {
            long start = System.nanoTime();
            int parcels = new SyntheticPark(blocks).write(folder.resolve("layers"));
            System.out.printf("generated a park of %,d parcels (%d × %d blocks of %.0f m) in %,d ms under %s%n",
                    parcels, blocks, blocks, SyntheticPark.SPACING, (System.nanoTime() - start) / 1_000_000, folder);
        }
        for (String store : stores) {
            run(store, folder);
        }
        System.exit(0);
    }

    private static List<Search> searches() {
        String stored = "SELECT * FROM parcels WHERE ";
        String available = "FROM parcels WHERE status = ?";
        return List.of(
                new Search("new-energy park, 50–100 mu, standard land, ready by 2027-06-30",
                        "industrial_park=IP3&min_mu=50&max_mu=100&standard_land=true&ready_by=2027-06-30",
                        criteria(List.of("IP3"), 50.0, 100.0, true, LocalDate.of(2027, 6, 30), List.of(), null, null),
                        List.of(stored + "status = ? AND industrial_park = ? AND standard_land = TRUE "
                                + "AND area_mu >= 50 AND area_mu <= 100 ORDER BY area_mu DESC, id")),
                new Search("all available land, largest first (first 200)", "",
                        criteria(List.of(), null, null, false, null, List.of(), null, null),
                        List.of("SELECT COUNT(*), SUM(area_mu) " + available,
                                "SELECT * " + available + " ORDER BY area_mu DESC, id LIMIT 200")),
                new Search("20–50 mu needing gas and heat, within 2 km of a gateway",
                        "min_mu=20&max_mu=50&needs=gas,heat&near=gateway&within_m=2000",
                        criteria(List.of(), 20.0, 50.0, false, null, List.of("gas", "heat"), "gateway", 2000.0),
                        List.of(stored + "status = ? AND area_mu >= 20 AND area_mu <= 50 "
                                + "ORDER BY area_mu DESC, id")));
    }

    private static FinderCriteria criteria(List<String> parks, Double minMu, Double maxMu, boolean standard,
                                           LocalDate readyBy, List<String> needs, String near, Double within) {
        return new FinderCriteria(parks, List.of(), minMu, maxMu, List.of("available"), standard, List.of(), readyBy,
                needs, null, null, null, null, near, within, List.of(new SortKey("area_mu", false)));
    }

    private static void run(String store, Path folder) throws Exception {
        long start = System.nanoTime();
        ConfigurableApplicationContext started = BenchmarkServer.start(store, folder, Map.of(
                "logging.level.org.parkatlas.exchange.GeodataSeeder", "INFO",
                "logging.level.org.parkatlas.readiness.ReadinessService", "INFO"));
        if (started == null) {
            return;
        }
        try (ConfigurableApplicationContext context = started) {
            System.out.printf("%s: started and seeded in %,d ms%n", store, (System.nanoTime() - start) / 1_000_000);
            Finder finder = context.getBean(Finder.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            // read as the store reads: in a read-only transaction
            org.springframework.transaction.support.TransactionTemplate readOnly =
                    new org.springframework.transaction.support.TransactionTemplate(
                            context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
            readOnly.setReadOnly(true);
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port")
                    + "/api/finder?as_of=" + AS_OF + "&";
            HttpClient http = HttpClient.newHttpClient();
            List<Search> searches = searches();

            long cold = System.nanoTime();
            HttpResponse<String> first = get(http, base + searches.get(0).parameters());
            System.out.printf("%s: first search (readiness of every parcel worked out first) %,d ms, HTTP %d%n", store,
                    (System.nanoTime() - cold) / 1_000_000, first.statusCode());

            // measured on a thread of its own, not on main, which started the application (H2 measured 10× slower there)
            java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
            Map<String, List<Double>> times = new LinkedHashMap<>();
            Map<String, String> answers = new LinkedHashMap<>();
            // the service and HTTP interleaved; the raw SQL in rounds of its own after them, since on H2 a statement
            // that follows one reading the whole row set through JDBC was measured several times slower
            for (int round = 0; round < ROUNDS + 3; round++) { // three rounds to warm up, not counted
                for (Search search : searches) {
                    long t = System.nanoTime();
                    HttpResponse<String> response = get(http, base + search.parameters());
                    double overHttp = (System.nanoTime() - t) / 1e6;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(search.name() + ": HTTP " + response.statusCode() + " "
                                + response.body());
                    }
                    t = System.nanoTime();
                    Finder.Found found = worker.submit(() -> finder.find(search.criteria(), AS_OF, Audience.PUBLIC, 0,
                            200)).get();
                    double service = (System.nanoTime() - t) / 1e6;
                    if (round >= 3) {
                        times.computeIfAbsent(search.name() + "|service", k -> new ArrayList<>()).add(service);
                        times.computeIfAbsent(search.name() + "|http", k -> new ArrayList<>()).add(overHttp);
                    }
                    answers.put(search.name(), String.format("%,d parcels, %,.1f mu", found.count(),
                            found.totalMu()));
                }
            }
            for (int round = 0; round < ROUNDS + 3; round++) {
                for (Search search : searches) {
                    long t = System.nanoTime();
                    long[] rows = {0};
                    worker.submit(() -> readOnly.executeWithoutResult(status -> {
                        for (String statement : search.sql()) {
                            Object[] values = statement.contains("industrial_park = ?")
                                    ? new Object[]{"available", "IP3"} : new Object[]{"available"};
                            jdbc.query(statement, (ResultSet rs) -> {
                                int columns = rs.getMetaData().getColumnCount();
                                while (rs.next()) {
                                    for (int c = 1; c <= columns; c++) {
                                        rs.getObject(c);
                                    }
                                    rows[0]++;
                                }
                                return null;
                            }, values);
                        }
                    })).get();
                    double sql = (System.nanoTime() - t) / 1e6;
                    if (round >= 3) {
                        times.computeIfAbsent(search.name() + "|sql", k -> new ArrayList<>()).add(sql);
                    }
                    answers.put(search.name() + "|rows", String.format("%,d rows", rows[0]));
                }
            }
            worker.shutdown();
            for (Search search : searches) {
                System.out.printf("%s | %s | %s | service %s | HTTP %s | raw SQL (%s) %s%n", store,
                        search.name(), answers.get(search.name()), summary(times.get(search.name() + "|service")),
                        summary(times.get(search.name() + "|http")), answers.get(search.name() + "|rows"),
                        summary(times.get(search.name() + "|sql")));
            }
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            System.out.printf("%s: heap in use %,d MiB%n", store,
                    (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Median and 90th percentile, in milliseconds. */
    private static String summary(List<Double> samples) {
        List<Double> sorted = samples.stream().sorted().toList();
        return String.format("median %.1f ms, p90 %.1f ms", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1));
    }
}
