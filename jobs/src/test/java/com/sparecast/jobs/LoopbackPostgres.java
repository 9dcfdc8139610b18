package com.sparecast.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server on loopback for one test class: a fresh cluster made with Debian's
 * {@code initdb} in a temporary folder, started with {@code pg_ctl} on a free port, listening on
 * 127.0.0.1 only, with password (SCRAM) authentication and an empty database {@code sparecast}.
 * PostgreSQL refuses to run as root: a test JVM running as root starts it as the {@code postgres}
 * user (with {@code runuser}). {@code .ci/run} installs the {@code postgresql} package.
 *
 * <p>Clusters left by a test JVM that was killed are stopped and removed at the next start: each
 * folder names the JVM that made it.
 */
public final class LoopbackPostgres implements AutoCloseable {

    public static final String USER = "sparecast";
    public static final String PASSWORD = "loopback-only";
    private static final String PREFIX = "sparecast-pg-";

    private final Path root;
    private final Path bin;
    private final int port;
    private final List<String> asOwner;
    private final Thread shutdownHook;

    private LoopbackPostgres(Path root, Path bin, int port, List<String> asOwner) {
        this.root = root;
        this.bin = bin;
        this.port = port;
        this.asOwner = asOwner;
        this.shutdownHook = new Thread(this::stop, "loopback-postgres-stop");
    }

    /** The folder of PostgreSQL's server programs, or null when PostgreSQL is not installed. */
    public static Path serverBin() {
        String configured = System.getenv("SPARECAST_PG_BIN");
        if (configured != null && Files.isExecutable(Path.of(configured, "initdb"))) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Starts a new cluster; null when PostgreSQL is not installed. */
    public static LoopbackPostgres start() throws IOException, InterruptedException {
        Path bin = serverBin();
        if (bin == null) {
            return null;
        }
        // Under /tmp: the server's user must reach the folder, and JUnit's @TempDir is root's alone.
        Path tmp = Path.of("/tmp");
        removeStale(tmp, bin);
        Path root = Files.createTempDirectory(tmp, PREFIX);
        Files.writeString(root.resolve("owner-pid"), Long.toString(ProcessHandle.current().pid()));
        List<String> asOwner = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipal postgres = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(root, postgres);
            asOwner.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        Path passwordFile = root.resolve("pwfile");
        Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
        if (!asOwner.isEmpty()) {
            Files.setOwner(passwordFile, Files.getOwner(root));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        LoopbackPostgres server = new LoopbackPostgres(root, bin, port, asOwner);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        server.run(120, bin.resolve("initdb").toString(), "-D", root.resolve("data").toString(), "-U", USER,
                "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                "--locale=C", "--no-sync");
        // Loopback only, the socket in the test's folder; durability is not what is under test.
        server.run(120, bin.resolve("pg_ctl").toString(), "-D", root.resolve("data").toString(), "-l",
                root.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -h 127.0.0.1 -k " + root + " -c fsync=off -c synchronous_commit=off"
                        + " -c full_page_writes=off -c max_connections=100", "start");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, PASSWORD)) {
            c.createStatement().execute("CREATE DATABASE sparecast");
        } catch (SQLException e) {
            server.close();
            throw new IOException("PostgreSQL started but refuses the test user: " + e.getMessage(), e);
        }
        return server;
    }

    /** The JDBC URL of the database {@code sparecast}. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/sparecast";
    }

    public int port() {
        return port;
    }

    /** A connection as the test user. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // shutting down
        }
    }

    private void stop() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try {
            run(60, bin.resolve("pg_ctl").toString(), "-D", root.resolve("data").toString(), "-m", "fast", "-w", "stop");
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("Stopping PostgreSQL in " + root + ": " + e.getMessage());
        }
        delete(root);
    }

    /** Stops and removes the clusters of test JVMs that are gone. */
    private static void removeStale(Path tmp, Path bin) {
        try (Stream<Path> folders = Files.list(tmp)) {
            for (Path folder : folders.filter(f -> f.getFileName().toString().startsWith(PREFIX)).toList()) {
                long owner;
                try {
                    owner = Long.parseLong(Files.readString(folder.resolve("owner-pid")).trim());
                } catch (IOException | NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(owner).isPresent()) {
                    continue;
                }
                List<String> command = new ArrayList<>();
                if ("root".equals(System.getProperty("user.name"))) {
                    command.addAll(List.of("runuser", "-u", "postgres", "--"));
                }
                command.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m",
                        "immediate", "stop"));
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                p.waitFor(30, TimeUnit.SECONDS);
                delete(folder);
            }
        } catch (IOException e) {
            // nothing to clean
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(int seconds, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(asOwner);
        full.addAll(List.of(command));
        Path log = Files.createTempFile("pg-command", ".log");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not end in " + seconds + " s");
            }
            if (p.exitValue() != 0) {
                String serverLog = Files.exists(root.resolve("server.log")) ? Files.readString(root.resolve("server.log")) : "";
                throw new IOException(String.join(" ", full) + " exited " + p.exitValue() + ":\n" + Files.readString(log)
                        + serverLog);
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
