package org.parkatlas.exchange;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code kill -9} in the middle of a 50 000-feature import, with a real child process: the layer is afterwards
 * wholly as it was or wholly the file's, never part of each, and the service starts cleanly on the same data.
 */
class ImportCrashTest {

    private static final int FEATURES = 50_000;

    @Test
    void aKilledImportLeavesTheEmbeddedLayerWhollyOldOrWhollyNewAndTheServiceStarts() throws Exception {
        Path dir = Files.createTempDirectory("parkatlas-crash");
        killMidImport(dir, List.of("--parkatlas.data-dir=" + dir.resolve("data")));
    }

    @Test
    void aKilledImportLeavesThePostgisLayerWhollyOldOrWhollyNewAndTheServiceStarts() throws Exception {
        org.parkatlas.PostgisTestDatabase.assumeAvailable();
        Path dir = Files.createTempDirectory("parkatlas-crash-pg");
        killMidImport(dir, List.of("--parkatlas.store=postgis",
                "--spring.datasource.url=" + org.parkatlas.PostgisTestDatabase.newDatabase(),
                "--spring.datasource.username=" + org.parkatlas.PostgisTestDatabase.user(),
                "--spring.datasource.password=" + org.parkatlas.PostgisTestDatabase.password()));
    }

    private static void killMidImport(Path dir, List<String> store) throws Exception {
        Path file = dir.resolve("lines.geojson");
        writeLines(file, FEATURES);
        List<String> data = store;

        // first start seeds the sample (1 033 utility lines); then the big import, killed part-way
        long before = appendOne(data, dir); // counts after appending one line

        Process importing = command(data, "import", "utility-lines", file.toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(importing.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.contains("writing " + FEATURES + " features")) {
            // the file is being read; the command says when its one write transaction begins
        }
        assertThat(line).as("the import read the whole file and began writing").isNotNull();
        // The moment of the kill is what the test is about, not a wait for something: a random point inside the
        // write (immediately after the line above is still before anything reaches the file).
        Thread.sleep(200 + new java.util.Random().nextInt(1500));
        importing.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the process itself
        assertThat(importing.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // the service starts cleanly on the same data, and finds the layer wholly old or wholly new
        long after = appendOne(data, dir) - 1;
        assertThat(after).as("wholly old (" + before + ") or wholly new (" + FEATURES + ")").isIn(before,
                (long) FEATURES);
    }

    /** Appends one line with the import command, which must start and succeed; answers the layer's count after. */
    private static long appendOne(List<String> data, Path dir) throws Exception {
        Process process = command(data, "import", "utility-lines", small(dir).toString(), "--mode=append");
        String output = output(process);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        java.util.regex.Matcher holds = java.util.regex.Pattern.compile("it now holds (\\d+)\\.").matcher(output);
        assertThat(holds.find()).as(output).isTrue();
        return Long.parseLong(holds.group(1));
    }

    /** The import command in a JVM of its own, on the test's class path. */
    private static Process command(List<String> store, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.parkatlas.ParkAtlasApplication"));
        command.addAll(List.of(args));
        command.addAll(store);
        command.add("--parkatlas.bootstrap.password=crash-test-secret");
        command.add("--spring.main.banner-mode=off");
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static Path small(Path dir) throws IOException {
        Path file = dir.resolve("one-line-" + System.nanoTime() + ".geojson");
        writeLines(file, 1);
        return file;
    }

    /** Water mains on a 100 m grid west of the park, each with an id of its own. */
    private static void writeLines(Path file, int n) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[");
            String prefix = "line-" + System.nanoTime() + "-";
            for (int i = 0; i < n; i++) {
                double lon = 111.50 + (i % 500) * 0.001;
                double lat = 36.00 + (i / 500) * 0.001;
                w.write((i == 0 ? "" : ",") + "{\"type\":\"Feature\",\"id\":\"" + prefix + i + "\",\"geometry\":"
                        + "{\"type\":\"LineString\",\"coordinates\":[[" + lon + "," + lat + "],[" + (lon + 0.0008)
                        + "," + lat + "]]},\"properties\":{\"name\":\"test main " + i + "\",\"utility\":\"water\","
                        + "\"status\":\"existing\"}}");
            }
            w.write("]}");
        }
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
