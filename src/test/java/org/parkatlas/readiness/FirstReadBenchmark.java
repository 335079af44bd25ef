package org.parkatlas.readiness;

import org.parkatlas.BenchmarkServer;
import org.parkatlas.finder.SyntheticPark;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A runnable benchmark, not a test: how long a map waits for its parcels just after a planner has imported the whole
 * parcel layer again — the import answered, then the first items page with readiness (which every parcel's
 * readiness must be worked out for). On a generated park ({@link SyntheticPark}; 60 blocks, about 9 000 parcels), on
 * each store, 6 imports: the first while the JIT is still cold, the rest as a running service meets them.
 */
public final class FirstReadBenchmark {

    private FirstReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        List<String> stores = args.length > 1 ? Arrays.asList(args[1].split(",")) : List.of("h2gis", "postgis");
        Path folder = Files.createTempDirectory("parkatlas-first-read");
        int parcels = new SyntheticPark(blocks).write(folder.resolve("layers"));
        System.out.printf("generated a park of %,d parcels%n", parcels);
        byte[] layer = Files.readAllBytes(folder.resolve("layers").resolve("parcels.geojson"));
        for (String store : stores) {
            ConfigurableApplicationContext started = BenchmarkServer.start(store, folder, Map.of());
            if (started == null) {
                continue;
            }
            try (ConfigurableApplicationContext context = started) {
                String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                String page = base + "/ogcapi/collections/parcels/items?limit=100";
                send(http, HttpRequest.newBuilder(URI.create(page)).build()); // the start's own working out
                List<String> runs = new ArrayList<>();
                for (int run = 0; run < 6; run++) {
                    long start = System.nanoTime();
                    send(http, HttpRequest.newBuilder(URI.create(base + "/api/collections/parcels/import?mode=replace"))
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    "admin:benchmark-only".getBytes()))
                            .header("Content-Type", "application/geo+json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(layer)).build());
                    long imported = System.nanoTime();
                    send(http, HttpRequest.newBuilder(URI.create(page)).build());
                    long read = System.nanoTime();
                    runs.add(String.format("import %.2f s, first read %.2f s", (imported - start) / 1e9,
                            (read - imported) / 1e9));
                }
                System.out.printf("%s, %,d parcels: %s%n", store, parcels, String.join("; ", runs));
            }
        }
        System.exit(0);
    }

    private static void send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + ": HTTP " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
    }
}
