package org.parkatlas.scale;

import org.parkatlas.ParkAtlasApplication;
import org.parkatlas.PostgisTestDatabase;
import org.parkatlas.ogcapi.ItemsBenchmark;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.parkatlas.finder.SyntheticPark.FACILITIES;
import static org.parkatlas.finder.SyntheticPark.GAP;
import static org.parkatlas.finder.SyntheticPark.INDUSTRIES;
import static org.parkatlas.finder.SyntheticPark.INSET;
import static org.parkatlas.finder.SyntheticPark.LAND_USES;
import static org.parkatlas.finder.SyntheticPark.SECTIONS;
import static org.parkatlas.finder.SyntheticPark.SPACING;
import static org.parkatlas.finder.SyntheticPark.STATUSES;
import static org.parkatlas.finder.SyntheticPark.UTILITIES;

/**
 * A runnable benchmark, not a test: a generated province — {@code parks} parks (30 unless given) of {@code blocks} ×
 * {@code blocks} blocks of 300 m (120: some 36 000 parcels a park, 1 080 000 in all), each with its roads, its eight
 * utility networks in ten sections and its seven sources, three zones, an industrial park and a boundary — loaded into
 * PostGIS with {@code COPY} (the parks drawn as {@link org.parkatlas.finder.SyntheticPark} draws its one), then served by ParkAtlas, which is measured on it: the first readiness of every parcel
 * and the heap it takes, items beside the raw SQL (as {@link ItemsBenchmark}), parcel tiles cold and warm, and 16
 * clients on the 10-item page. The park data is written straight into the tables (the write path's rules and
 * history are for what people draw and import, and would only slow the loading down): by construction nothing
 * overlaps. {@code -Dparkatlas.benchmark.database=<jdbc url>} keeps a loaded database for another run.
 *
 * <pre>java -Xmx14g -cp … org.parkatlas.scale.ProvinceBenchmark 30 120</pre>
 */
public final class ProvinceBenchmark {

    private static final double PARK_PITCH = 40_000;

    private ProvinceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int parks = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        String why = PostgisTestDatabase.unavailableReason(); // the server, and its user, either way
        if (why != null) {
            System.out.println("no PostGIS: " + why);
            System.exit(1);
        }
        String database = System.getProperty("parkatlas.benchmark.database");
        if (database == null) {
            database = PostgisTestDatabase.newDatabase();
            System.out.println("database " + database);
        }
        if (count(database, "parcels") == 0) {
            // the schema, by the service's own migrations, then the rows straight into the tables
            start(database, false).close();
            load(database, parks, blocks);
        }
        measure(database);
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------------ loading

    private static void load(String database, int parks, int blocks) throws Exception {
        long start = System.nanoTime();
        long parcels = 0;
        try (Connection connection = connect(database)) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int p = 0; p < parks; p++) {
                parcels += park(copy, p, blocks);
                if ((p + 1) % 5 == 0) {
                    System.out.printf("  %d of %d parks, %,d parcels, %.0f s%n", p + 1, parks, parcels,
                            (System.nanoTime() - start) / 1e9);
                }
            }
            try (var statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
        }
        System.out.printf("loaded %,d parcels in %d parks with COPY in %.0f s%n", parcels, parks,
                (System.nanoTime() - start) / 1e9);
        try (Connection connection = connect(database); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT relname, n_live_tup, pg_total_relation_size(relid) FROM "
                     + "pg_stat_user_tables WHERE relname IN ('parcels', 'roads', 'utility_lines', 'facilities') "
                     + "ORDER BY relname")) {
            while (rows.next()) {
                System.out.printf("  %-14s %,10d rows %,8d MB with indexes%n", rows.getString(1), rows.getLong(2),
                        rows.getLong(3) / (1 << 20));
            }
        }
    }

    /** One park: its place in a grid of parks 40 km apart, its layers' rows. Returns its number of parcels. */
    private static int park(CopyManager copy, int p, int blocks) throws Exception {
        String code = String.format(Locale.ROOT, "P%02d", p + 1);
        double ox = 330_000 + (p % 6) * PARK_PITCH;
        double oy = 3_880_000 + (p / 6) * PARK_PITCH;
        double size = blocks * SPACING;
        Random random = new Random(20261201L + p);
        StringBuilder rows = new StringBuilder();

        row(rows, code + "-boundary", polygon(ox, oy, ox + size, oy + size), "合成园区" + code, "Synthetic park " + code);
        copy.copyIn("COPY park_boundary (id, geom, name, name_en) FROM STDIN", new StringReader(rows.toString()));
        rows.setLength(0);
        for (int z = 0; z < 3; z++) {
            row(rows, code + "-zone-" + (z + 1), polygon(ox + size * z / 3, oy, ox + size * (z + 1) / 3, oy + size),
                    code + "-Z" + (z + 1), code + "分区" + (z + 1));
        }
        copy.copyIn("COPY zones (id, geom, code, name) FROM STDIN", new StringReader(rows.toString()));
        rows.setLength(0);
        row(rows, code + "-industrial-park", polygon(ox + 2, oy + 2, ox + size - 2, oy + size - 2), code,
                "产业园" + code, INDUSTRIES[p % INDUSTRIES.length]);
        copy.copyIn("COPY industrial_parks (id, geom, code, name, industry) FROM STDIN",
                new StringReader(rows.toString()));
        rows.setLength(0);

        for (int f = 0; f < FACILITIES.length; f++) {
            row(rows, code + "-facility-" + f, point(ox - 60 - 20 * f, oy - 60), FACILITIES[f][0], FACILITIES[f][0],
                    "existing", "2019-06-30");
        }
        copy.copyIn("COPY facilities (id, geom, name, kind, status, completion_date) FROM STDIN",
                new StringReader(rows.toString()));
        rows.setLength(0);

        grid(rows, code, ox, oy, blocks, false);
        copy.copyIn("COPY roads (id, geom, name, name_en, grade, status, completion_date, red_line_width_m, gateway) "
                + "FROM STDIN", new StringReader(rows.toString()));
        rows.setLength(0);
        grid(rows, code, ox, oy, blocks, true);
        for (int f = 0; f < FACILITIES.length; f++) {
            row(rows, code + "-feeder-" + f, line(ox - 60 - 20 * f, oy - 60, ox, oy), "feeder " + f,
                    FACILITIES[f][1], "existing", "2019-06-30");
        }
        row(rows, code + "-feeder-broadband", line(ox - 180, oy - 60, ox, oy), "feeder broadband", "broadband",
                "existing", "2019-06-30");
        copy.copyIn("COPY utility_lines (id, geom, name, utility, status, completion_date) FROM STDIN",
                new StringReader(rows.toString()));
        rows.setLength(0);

        int parcels = 0;
        for (int i = 0; i < blocks; i++) {
            for (int j = 0; j < blocks; j++) {
                parcels += block(rows, random, code, ox, oy, blocks, i, j);
            }
            if (rows.length() > 8_000_000) {
                copy.copyIn(PARCELS, new StringReader(rows.toString()));
                rows.setLength(0);
            }
        }
        copy.copyIn(PARCELS, new StringReader(rows.toString()));
        return parcels;
    }

    private static final String PARCELS = "COPY parcels (id, geom, code, land_use, status, zone, industrial_park, "
            + "standard_land, area_m2, area_mu, min_investment_wan_per_mu, min_output_wan_per_mu, min_tax_wan_per_mu, "
            + "min_far, max_far, max_building_density, max_green_ratio, max_admin_ratio, leveling, leveling_date, "
            + "reference_price_wan_per_mu) FROM STDIN";

    private static int block(StringBuilder rows, Random random, String code, double ox, double oy, int blocks, int i,
                             int j) {
        double x0 = ox + i * SPACING + INSET;
        double y0 = oy + j * SPACING + INSET;
        double inner = SPACING - 2 * INSET;
        int roll = random.nextInt(10);
        int split = roll < 3 ? 1 : roll < 6 ? 2 : 4;
        String zone = code + "-Z" + (1 + Math.min(2, i * 3 / blocks));
        for (int k = 0; k < split; k++) {
            double w = split == 1 ? inner : (inner - GAP) / 2;
            double h = split == 4 ? (inner - GAP) / 2 : inner;
            double x = x0 + (k % 2) * (w + GAP);
            double y = y0 + (split == 4 ? (k / 2) * (h + GAP) : 0);
            String status = STATUSES[random.nextInt(STATUSES.length)];
            int leveling = random.nextInt(4);
            String levelingState = leveling < 2 ? "done" : leveling == 2 ? "in_progress" : "not_started";
            String levelingDate = leveling < 2 ? (2018 + random.nextInt(8)) + "-06-30"
                    : (2026 + random.nextInt(4)) + "-12-31";
            double m2 = w * h;
            boolean priced = status.equals("available") || status.equals("reserved");
            row(rows, code + "-" + i + "-" + j + "-" + k, polygon(x, y, x + w, y + h), code + "-S-" + i + "-" + j
                            + "-" + k, LAND_USES[random.nextInt(LAND_USES.length)], status, zone, code,
                    random.nextBoolean(), m2, Math.round(m2 / (2000.0 / 3) * 100) / 100.0, 150 + 10 * random.nextInt(16),
                    250 + 10 * random.nextInt(16), 8 + random.nextInt(13), 0.7 + 0.1 * random.nextInt(4),
                    1.4 + 0.1 * random.nextInt(5), 55, 15, 7, levelingState, levelingDate,
                    priced ? 14 + random.nextInt(10) : null);
        }
        return split;
    }

    /** Every grid line in ten sections, as roads or as a line per utility, a vertex at every crossing. */
    private static void grid(StringBuilder rows, String code, double ox, double oy, int blocks, boolean utilities) {
        Random dates = new Random(7);
        double size = blocks * SPACING;
        double section = size / SECTIONS;
        for (int n = 0; n <= blocks; n++) {
            for (int direction = 0; direction < 2; direction++) {
                for (int s = 0; s < SECTIONS; s++) {
                    int roll = dates.nextInt(10);
                    String status = roll < 7 ? "existing" : roll < 9 ? "under_construction" : "planned";
                    String date = roll < 7 ? (2015 + dates.nextInt(10)) + "-10-31"
                            : (2026 + dates.nextInt(4)) + "-06-30";
                    StringBuilder g = new StringBuilder("SRID=4546;LINESTRING(");
                    int steps = (int) Math.round(section / SPACING);
                    for (int v = 0; v <= steps; v++) {
                        double along = s * section + v * SPACING;
                        double x = direction == 0 ? ox + along : ox + n * SPACING;
                        double y = direction == 0 ? oy + n * SPACING : oy + along;
                        g.append(v == 0 ? "" : ",").append(number(x)).append(' ').append(number(y));
                    }
                    String geometry = g.append(')').toString();
                    String id = code + "-" + (direction == 0 ? "h" : "v") + n + "-" + s;
                    if (!utilities) {
                        boolean gateway = direction == 0 && n % 40 == 0 && s == 0;
                        row(rows, "road-" + id, geometry, "路" + id, "Road " + id, "secondary", status, date, 40,
                                gateway);
                    } else {
                        for (String utility : UTILITIES) {
                            row(rows, utility + "-" + id, geometry, utility + " " + id, utility, status, date);
                        }
                    }
                }
            }
        }
    }

    /** A COPY text row: id, geometry, then the values; null as \N. Values here hold no tabs or backslashes. */
    private static void row(StringBuilder rows, String id, String geometry, Object... values) {
        rows.append(id).append('\t').append(geometry);
        for (Object value : values) {
            rows.append('\t');
            if (value == null) {
                rows.append("\\N");
            } else if (value instanceof Double d) {
                rows.append(number(d));
            } else {
                rows.append(value);
            }
        }
        rows.append('\n');
    }

    private static String polygon(double x1, double y1, double x2, double y2) {
        return "SRID=4546;POLYGON((" + number(x1) + " " + number(y1) + "," + number(x2) + " " + number(y1) + ","
                + number(x2) + " " + number(y2) + "," + number(x1) + " " + number(y2) + "," + number(x1) + " "
                + number(y1) + "))";
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "SRID=4546;LINESTRING(" + number(x1) + " " + number(y1) + "," + number(x2) + " " + number(y2) + ")";
    }

    private static String point(double x, double y) {
        return "SRID=4546;POINT(" + number(x) + " " + number(y) + ")";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    // ------------------------------------------------------------------------------------------------ measuring

    private static void measure(String database) throws Exception {
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = start(database, true)) {
            double startSeconds = (System.nanoTime() - started) / 1e9;
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long parcels = jdbc.queryForObject("SELECT COUNT(*) FROM parcels", Long.class);
            long lines = jdbc.queryForObject("SELECT COUNT(*) FROM utility_lines", Long.class);
            System.out.printf("%,d parcels, %,d utility lines; the service started in %.1f s%n", parcels, lines,
                    startSeconds);
            String oneId = jdbc.queryForObject("SELECT id FROM parcels ORDER BY id LIMIT 1 OFFSET 500000",
                    String.class);

            long t = System.nanoTime();
            HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(URI.create(base + "/api/parcels/"
                    + oneId + "/readiness")).build(), HttpResponse.BodyHandlers.ofString());
            System.out.printf("first readiness read (waits for every parcel's, worked out ahead since the start): "
                    + "%.1f s after start, HTTP %d%n", startSeconds + (System.nanoTime() - t) / 1e9,
                    readiness.statusCode());
            System.gc();
            Thread.sleep(500);
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.printf("heap in use after a full GC: %,d MB (of %,d MB max)%n", heap.getUsed() >> 20,
                    heap.getMax() >> 20);

            items(base, jdbc, oneId);
            tiles(base, jdbc);
            String busy = ItemsBenchmark.concurrent(base + "/ogcapi/collections/parcels/items?limit=10", 16, 20);
            if (busy != null) {
                System.out.println("10 items, " + busy + " (ApacheBench)");
            } else {
                clients(base, 16, 20);
            }
        }
    }

    private static void items(String base, JdbcTemplate jdbc, String oneId) throws Exception {
        // every stored column, listed (to_jsonb of the row would write the geometry out once more, only to drop it)
        List<String> stored = jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name "
                + "= 'parcels' AND column_name NOT IN ('id', 'version', 'geom') ORDER BY ordinal_position",
                String.class);
        String feature = "json_build_object('type', 'Feature', 'id', id, 'geometry', ST_AsGeoJSON(ST_Transform(geom, "
                + "4326), 7)::json, 'properties', json_build_object(" + String.join(", ", stored.stream()
                .map(c -> "'" + c + "', " + c).toList()) + "))";
        List<String[]> requests = List.of(
                new String[]{"1 000 items", "/ogcapi/collections/parcels/items?limit=1000", "SELECT json_build_object("
                        + "'type', 'FeatureCollection', 'numberMatched', (SELECT COUNT(*) FROM parcels), 'features', "
                        + "json_agg(f)) FROM (SELECT " + feature + " AS f FROM parcels p ORDER BY id LIMIT 1000) page"},
                new String[]{"10 items", "/ogcapi/collections/parcels/items?limit=10", "SELECT json_build_object("
                        + "'type', 'FeatureCollection', 'numberMatched', (SELECT COUNT(*) FROM parcels), 'features', "
                        + "json_agg(f)) FROM (SELECT " + feature + " AS f FROM parcels p ORDER BY id LIMIT 10) page"},
                new String[]{"one feature", "/ogcapi/collections/parcels/items/" + oneId, "SELECT " + feature
                        + " FROM parcels p WHERE id = '" + oneId + "'"});
        for (String[] request : requests) {
            for (int i = 0; i < 4; i++) {
                ItemsBenchmark.curl(base + request[1], 250); // warmed up first, as JMH would
            }
            List<Double> service = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            for (int batch = 0; batch < 5; batch++) {
                service.addAll(ItemsBenchmark.curl(base + request[1], 5));
                for (int i = 0; i < 5; i++) {
                    long t = System.nanoTime();
                    jdbc.query(request[2], (ResultSet rs) -> {
                        while (rs.next()) {
                            rs.getString(1);
                        }
                        return null;
                    });
                    raw.add((System.nanoTime() - t) / 1e6);
                }
            }
            double s = ItemsBenchmark.median(service);
            double r = ItemsBenchmark.median(raw);
            System.out.printf("items | %s | ParkAtlas %.1f ms | raw SQL %.1f ms | ratio %.2f%n", request[0], s, r,
                    s / r);
        }
    }

    private static void tiles(String base, JdbcTemplate jdbc) throws Exception {
        // the middle of the first park, at the zoom the map first draws parcels (13) and closer (15)
        double[] lonLat = jdbc.queryForObject("SELECT ST_X(c), ST_Y(c) FROM (SELECT ST_Transform(ST_Centroid(geom), "
                + "4326) c FROM park_boundary ORDER BY id LIMIT 1) m", (rs, n) -> new double[]{rs.getDouble(1),
                rs.getDouble(2)});
        for (int z : new int[]{13, 15}) {
            int x = (int) Math.floor((lonLat[0] + 180) / 360 * (1 << z));
            double r = Math.toRadians(lonLat[1]);
            int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
            for (String properties : new String[]{"", "?properties=code,status,area_m2,area_mu"}) {
                String url = base + "/ogcapi/collections/parcels/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x
                        + properties;
                long t = System.nanoTime();
                long bytes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header(
                        "Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
                double cold = (System.nanoTime() - t) / 1e6;
                List<Double> warm = ItemsBenchmark.curl(url, 10);
                System.out.printf("tile | z%d %s | first %.0f ms, then %.1f ms (median, cached) | %,d bytes gzipped%n",
                        z, properties.isEmpty() ? "every attribute" : "map's properties", cold,
                        ItemsBenchmark.median(warm), bytes);
            }
        }
    }

    /**
     * Where ApacheBench is not installed: {@code clients} threads of this JVM asking the 10-item page for
     * {@code seconds} (they share the two cores with the service, so this is the pessimistic figure).
     */
    private static void clients(String base, int clients, int seconds) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        URI page = URI.create(base + "/ogcapi/collections/parcels/items?limit=10&offset=");
        for (int c = 0; c < clients; c++) {
            int offset = c * 1000;
            pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                int n = 0;
                while (running.get()) {
                    long t = System.nanoTime();
                    try {
                        http.send(HttpRequest.newBuilder(URI.create(page + String.valueOf(offset + (n++ % 100) * 10)))
                                .build(), HttpResponse.BodyHandlers.discarding());
                    } catch (Exception e) {
                        return null;
                    }
                    latencies.add(System.nanoTime() - t);
                }
                return null;
            });
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%d clients, 10 items at changing offsets: %.0f req/s, p50 %.1f ms, p99 %.1f ms%n", clients,
                sorted.size() / (double) seconds, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6);
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    private static ConfigurableApplicationContext start(String database, boolean serve) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--parkatlas.store=postgis",
                "--spring.datasource.url=" + database, "--spring.datasource.username=" + PostgisTestDatabase.user(),
                "--spring.datasource.password=" + PostgisTestDatabase.password(), "--parkatlas.seed.enabled=false",
                "--parkatlas.bootstrap.password=benchmark-only", "--logging.level.root=WARN",
                "--logging.level.org.parkatlas.readiness=INFO",
                "--parkatlas.data-dir=" + Files.createTempDirectory("parkatlas-province")));
        arguments.add("--server.port=" + (serve ? "0" : "-1"));
        return new SpringApplicationBuilder(ParkAtlasApplication.class).run(arguments.toArray(String[]::new));
    }

    private static Connection connect(String database) throws Exception {
        return DriverManager.getConnection(database, PostgisTestDatabase.user(), PostgisTestDatabase.password());
    }

    private static long count(String database, String table) {
        try (Connection connection = connect(database); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (Exception e) {
            return 0; // no table yet: a new database
        }
    }
}
