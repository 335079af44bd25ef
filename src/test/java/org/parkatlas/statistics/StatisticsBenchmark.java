package org.parkatlas.statistics;

import org.parkatlas.BenchmarkServer;
import org.parkatlas.finder.SyntheticPark;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A runnable benchmark, not a test: {@code GET /api/stats} over the generated park of about 100 000 parcels
 * ({@link SyntheticPark}) on each store. Questions on stored attributes are grouped by the database (one GROUP BY);
 * one on a derived attribute (the readiness tier) has every match read and enriched. Each is timed over HTTP in 25
 * rounds after 3 warm-up ones, beside the raw GROUP BY of the same question where there is one. Run it as the README
 * says; it prints its figures.
 */
public final class StatisticsBenchmark {

    private static final int ROUNDS = 25;

    private record Question(String name, String parameters, String sql) {
    }

    private StatisticsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<String> stores = args.length > 1 ? Arrays.asList(args[1].split(",")) : List.of("h2gis", "postgis");
        String kept = System.getProperty("parkatlas.benchmark.folder");
        Path folder = kept != null ? Path.of(kept) : Files.createTempDirectory("parkatlas-stats-benchmark");
        if (!Files.exists(folder.resolve("layers").resolve("parcels.geojson"))) {
            int parcels = new SyntheticPark(blocks).write(folder.resolve("layers"));
            System.out.printf("generated a park of %,d parcels under %s%n", parcels, folder);
        }
        for (String store : stores) {
            run(store, folder);
        }
        System.exit(0);
    }

    private static List<Question> questions() {
        String available = URLEncoder.encode("status = 'available'", StandardCharsets.UTF_8);
        return List.of(
                new Question("available mu per zone", "group_by=zone&filter=" + available,
                        "SELECT zone, COUNT(*), SUM(area_mu) FROM parcels WHERE status = 'available' GROUP BY zone"),
                new Question("parcels per park and status, with investment sum/mean/min/max",
                        "group_by=industrial_park,status&sum=min_investment_wan_per_mu",
                        "SELECT industrial_park, status, COUNT(*), SUM(area_mu), COUNT(min_investment_wan_per_mu), "
                                + "SUM(min_investment_wan_per_mu), MIN(min_investment_wan_per_mu), "
                                + "MAX(min_investment_wan_per_mu) FROM parcels GROUP BY industrial_park, status"),
                new Question("available mu per zone, the way without GROUP BY (a derived condition: each match read)",
                        "group_by=zone&filter=" + URLEncoder.encode("status = 'available' AND ready IS NOT NULL",
                                StandardCharsets.UTF_8), null),
                new Question("available parcels per readiness tier (derived: each parcel read and enriched)",
                        "group_by=readiness_tier&filter=" + available, null));
    }

    private static void run(String store, Path folder) throws Exception {
        long start = System.nanoTime();
        ConfigurableApplicationContext started = BenchmarkServer.start(store, folder, Map.of());
        if (started == null) {
            return;
        }
        try (ConfigurableApplicationContext context = started) {
            System.out.printf("%s: started and seeded in %,d ms%n", store, (System.nanoTime() - start) / 1_000_000);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port")
                    + "/api/stats/parcels?";
            HttpClient http = HttpClient.newHttpClient();
            java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
            Map<String, List<Double>> times = new LinkedHashMap<>();
            Map<String, String> answers = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS + 3; round++) {
                for (Question question : questions()) {
                    long t = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
                            + question.parameters())).build(), HttpResponse.BodyHandlers.ofString());
                    double overHttp = (System.nanoTime() - t) / 1e6;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(question.name() + ": HTTP " + response.statusCode());
                    }
                    if (round >= 3) {
                        times.computeIfAbsent(question.name() + "|http", k -> new ArrayList<>()).add(overHttp);
                    }
                    answers.put(question.name(), response.body().split("\"groups\":\\[", 2)[1].split("\\{\"keys\"",
                            -1).length - 1 + " groups");
                }
            }
            for (int round = 0; round < ROUNDS + 3; round++) {
                for (Question question : questions()) {
                    if (question.sql() == null) {
                        continue;
                    }
                    long t = System.nanoTime();
                    worker.submit(() -> jdbc.query(question.sql(), (ResultSet rs) -> {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                        return null;
                    })).get();
                    if (round >= 3) {
                        times.computeIfAbsent(question.name() + "|sql", k -> new ArrayList<>())
                                .add((System.nanoTime() - t) / 1e6);
                    }
                }
            }
            worker.shutdown();
            for (Question question : questions()) {
                System.out.printf("%s | %s | %s | HTTP %s | raw SQL %s%n", store, question.name(),
                        answers.get(question.name()), summary(times.get(question.name() + "|http")),
                        question.sql() == null ? "—" : summary(times.get(question.name() + "|sql")));
            }
        }
    }

    private static String summary(List<Double> samples) {
        List<Double> sorted = samples.stream().sorted().toList();
        return String.format("median %.1f ms, p90 %.1f ms", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1));
    }
}
