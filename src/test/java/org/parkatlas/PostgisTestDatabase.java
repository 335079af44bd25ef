package org.parkatlas;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A PostGIS server for tests, found without a Docker engine where need be, in this order:
 * <ol>
 *   <li>{@code PARKATLAS_TEST_POSTGIS_URL} (a JDBC URL of a superuser's maintenance database, with
 *   {@code PARKATLAS_TEST_POSTGIS_USER} / {@code _PASSWORD});</li>
 *   <li>Testcontainers with the {@code postgis/postgis} image, where a Docker engine answers;</li>
 *   <li>a throwaway cluster made with the local PostgreSQL binaries ({@code initdb}/{@code pg_ctl}, run as the
 *   {@code postgres} user when we are root, since initdb refuses root), on a free port, removed after the run.</li>
 * </ol>
 * Each test gets a fresh database of its own from {@link #newDatabase()}.
 */
public final class PostgisTestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Server server;
    private static String unavailableBecause;

    private static final AtomicBoolean SAID_SKIP = new AtomicBoolean();

    private PostgisTestDatabase() {
    }

    /**
     * Null when PostGIS tests can run; otherwise the reason they are skipped. Throws when they are required.
     */
    public static String skipReason() {
        String reason = PostgisTestDatabase.unavailableReason();
        if (reason == null) {
            return null;
        }
        if ("1".equals(System.getenv("PARKATLAS_REQUIRE_POSTGIS"))) {
            throw new IllegalStateException("PostGIS tests are required (PARKATLAS_REQUIRE_POSTGIS=1) but no "
                    + "PostGIS server can be had: " + reason);
        }
        String message = "SKIPPED PostGIS tests: " + reason + ". Enable them with PARKATLAS_TEST_POSTGIS_URL, a "
                + "Docker engine, or apt-get install postgresql-15-postgis-3.";
        if (SAID_SKIP.compareAndSet(false, true)) {
            System.err.println("\n!!! " + message + "\n");
        }
        return message;
    }

    /** Skips (or fails, when required) the calling test unless PostGIS is there. */
    public static void assumeAvailable() {
        String reason = skipReason();
        Assumptions.assumeTrue(reason == null, reason);
    }

    /** Why no PostGIS server can be had, or null when one is running. */
    public static synchronized String unavailableReason() {
        if (server == null && unavailableBecause == null) {
            try {
                server = start();
            } catch (Exception e) {
                unavailableBecause = e.getMessage();
            }
        }
        return server == null ? unavailableBecause : null;
    }

    /** The JDBC URL of a new, empty database on the server (PostGIS is created in it by the Flyway migration). */
    public static String newDatabase() {
        if (unavailableReason() != null) {
            throw new IllegalStateException("no PostGIS: " + unavailableBecause);
        }
        String name = "parkatlas_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(server.url("postgres"), server.user,
                server.password); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server.description, e);
        }
        return server.url(name);
    }

    public static String user() {
        return server.user;
    }

    public static String password() {
        return server.password;
    }

    /** Spring properties that point the service at a new PostGIS database. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String url = newDatabase();
        registry.add("parkatlas.store", () -> "postgis");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", PostgisTestDatabase::user);
        registry.add("spring.datasource.password", PostgisTestDatabase::password);
    }

    /**
     * The JDBC URL of {@code database} (a URL from {@link #newDatabase()}) on a streaming replica of the server, made
     * once with {@code pg_basebackup} and started beside it; the replica replays every database made later too.
     * Only the throwaway local cluster can have one: elsewhere the calling test is skipped (or fails, when PostGIS
     * tests are required and the server is that cluster).
     */
    public static synchronized String replicaOf(String database) {
        assumeAvailable();
        Assumptions.assumeTrue(LocalCluster.started != null, "a replica is made only beside the local cluster, not "
                + "on " + server.description);
        if (LocalCluster.replicaBaseUrl == null) {
            try {
                LocalCluster.replicaBaseUrl = LocalCluster.startReplica();
            } catch (Exception e) {
                throw new IllegalStateException("cannot make a streaming replica of " + server.description, e);
            }
        }
        return LocalCluster.replicaBaseUrl + database.substring(database.lastIndexOf('/') + 1);
    }

    public static String description() {
        return server == null ? "none" : server.description;
    }

    private static Server start() throws Exception {
        String url = System.getenv("PARKATLAS_TEST_POSTGIS_URL");
        if (url != null && !url.isBlank()) {
            String base = url.substring(0, url.lastIndexOf('/') + 1);
            return new Server(base, env("PARKATLAS_TEST_POSTGIS_USER", "postgres"),
                    env("PARKATLAS_TEST_POSTGIS_PASSWORD", ""), "PARKATLAS_TEST_POSTGIS_URL " + url);
        }
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse("postgis/postgis:15-3.4")
                    .asCompatibleSubstituteFor("postgres"));
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            String base = container.getJdbcUrl().substring(0, container.getJdbcUrl().lastIndexOf('/') + 1);
            return new Server(base, container.getUsername(), container.getPassword(), "Testcontainers postgis/postgis");
        }
        return LocalCluster.start();
    }

    private static boolean dockerAnswers() {
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false; // asking Testcontainers would only log an error
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private record Server(String baseUrl, String user, String password, String description) {
        String url(String database) {
            return baseUrl + database;
        }
    }

    /** A PostgreSQL cluster of our own, made with initdb and started with pg_ctl. */
    private static final class LocalCluster {

        /** The running cluster's folder, binaries, owner and port; null until started. */
        private static Started started;
        private static String replicaBaseUrl;

        private record Started(Path bin, Path dir, List<String> asOwner, int port) {
        }

        static Server start() throws Exception {
            Path bin = findBinaries();
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = clusterDirectory(root);
            int port = freePort();
            List<String> asOwner = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
            if (root) {
                run(List.of("chown", "-R", "postgres", dir.toString()), "chown");
            }
            run(command(asOwner, bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U",
                    "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale"), "initdb");
            run(command(asOwner, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                    dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off "
                            + "-c synchronous_commit=off -c full_page_writes=off", "start"), "pg_ctl start");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(asOwner, bin, dir)));
            started = new Started(bin, dir, asOwner, port);
            return new Server("jdbc:postgresql://127.0.0.1:" + port + "/", "postgres", "",
                    "a throwaway local cluster in " + dir + " on port " + port);
        }

        /**
         * A hot standby of the cluster: {@code pg_basebackup -R} (which writes the standby's connection and signal
         * file) streaming from the primary over the replication line initdb's pg_hba allows, then started on a port
         * of its own. Returns its base JDBC URL.
         */
        static String startReplica() throws Exception {
            Started s = started;
            Path data = s.dir().resolve("replica");
            int port = freePort();
            run(command(s.asOwner(), s.bin().resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p",
                    String.valueOf(s.port()), "-U", "postgres", "-D", data.toString(), "-R", "-X", "stream",
                    "--checkpoint=fast"), "pg_basebackup");
            run(command(s.asOwner(), s.bin().resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                    s.dir().resolve("replica.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -k " + s.dir() + " -c listen_addresses=127.0.0.1 -c hot_standby=on",
                    "start"), "pg_ctl start (replica)");
            return "jdbc:postgresql://127.0.0.1:" + port + "/";
        }

        private static Path findBinaries() throws IOException {
            Path root = Path.of("/usr/lib/postgresql");
            if (!Files.isDirectory(root)) {
                throw new IllegalStateException("no PostgreSQL binaries under /usr/lib/postgresql (apt-get install "
                        + "postgresql-15-postgis-3), no Docker engine and no PARKATLAS_TEST_POSTGIS_URL");
            }
            try (Stream<Path> versions = Files.list(root)) {
                Path bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.naturalOrder()).orElseThrow(() -> new IllegalStateException(
                                "no initdb under /usr/lib/postgresql/*/bin"));
                String version = bin.getParent().getFileName().toString();
                if (!Files.exists(Path.of("/usr/share/postgresql", version, "extension", "postgis.control"))) {
                    throw new IllegalStateException("PostgreSQL " + version + " has no PostGIS extension (apt-get "
                            + "install postgresql-" + version + "-postgis-3)");
                }
                return bin;
            }
        }

        /** Under target/ when the postgres user can reach it, else a temporary folder it surely can. */
        private static Path clusterDirectory(boolean root) throws IOException {
            Path target = Path.of("target").toAbsolutePath();
            if (!root || reachableByOthers(target)) {
                Files.createDirectories(target);
                return Files.createTempDirectory(target, "postgis-cluster-");
            }
            return Files.createTempDirectory("parkatlas-postgis-cluster-");
        }

        private static boolean reachableByOthers(Path dir) throws IOException {
            for (Path p = dir.getParent(); p != null; p = p.getParent()) {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        private static List<String> command(List<String> prefix, String... args) {
            List<String> command = new ArrayList<>(prefix);
            command.addAll(List.of(args));
            return command;
        }

        private static void run(List<String> command, String what) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed: " + output.strip());
            }
        }

        /** Stops the replica (when there is one) and then the primary, and removes the folder they share. */
        private static void stop(List<String> asOwner, Path bin, Path dir) {
            for (String cluster : List.of("replica", "data")) {
                if (!Files.exists(dir.resolve(cluster).resolve("postmaster.pid"))) {
                    continue;
                }
                try {
                    run(command(asOwner, bin.resolve("pg_ctl").toString(), "-D", dir.resolve(cluster).toString(),
                            "-m", "immediate", "stop"), "pg_ctl stop");
                } catch (Exception ignored) {
                    // the JVM is going away; the folder is removed below either way
                }
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover folder under target/ goes with the next mvn clean
            }
        }
    }
}
