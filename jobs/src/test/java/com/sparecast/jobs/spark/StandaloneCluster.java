package com.sparecast.jobs.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster for tests: a Master and Workers as separate JVMs on loopback,
 * started from the application's own lib folder (no Spark distribution). Each worker launches
 * executor JVMs of its own, in its own work folder ({@code <work>/<app id>/<executor id>/}), which
 * tells which worker ran which executor. PIDs are recorded so a test JVM killed hard leaves
 * nothing running past the next start.
 */
public final class StandaloneCluster implements AutoCloseable {

    private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path libFolder;
    private final Path folder;
    private final Path pidFile;
    private final List<Process> processes = new ArrayList<>();
    private final List<String> masterLog = new CopyOnWriteArrayList<>();
    private final List<Path> workDirs = new ArrayList<>();
    private String masterUrl;

    private StandaloneCluster(Path libFolder, Path folder) {
        this.libFolder = libFolder;
        this.folder = folder;
        this.pidFile = libFolder.getParent().resolve("standalone-cluster.pids");
    }

    /**
     * Starts a master and {@code workers} workers, each with {@code cores} cores and {@code memory}
     * (e.g. "1536m"), each a JVM of its own with its own work folder.
     *
     * @param libFolder the application's runtime jars (target/lib)
     * @param folder scratch folder for the workers and SPARK_HOME
     */
    public static StandaloneCluster start(Path libFolder, Path folder, int workers, int cores, String memory)
            throws Exception {
        StandaloneCluster cluster = new StandaloneCluster(libFolder, folder);
        cluster.killStale();
        try {
            cluster.startMaster();
            for (int w = 1; w <= workers; w++) {
                cluster.startWorker(w, cores, memory);
            }
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public String masterUrl() {
        return masterUrl;
    }

    /** Each worker's work folder, in start order. */
    public List<Path> workDirs() {
        return List.copyOf(workDirs);
    }

    /** The ids of the executors worker {@code w} (0-based) launched for application {@code appId}. */
    public java.util.Set<String> executorsOf(int w, String appId) throws IOException {
        Path app = workDirs.get(w).resolve(appId);
        if (!Files.isDirectory(app)) {
            return java.util.Set.of();
        }
        try (var executors = Files.list(app)) {
            return executors.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    private void startMaster() throws Exception {
        Process master = launch(List.of("-Dspark.master.rest.enabled=false", "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", "0", "--webui-port", "0"), masterLog);
        waitFor(master, masterLog, "I have been elected leader", "master");
        for (String line : masterLog) {
            Matcher m = MASTER_URL.matcher(line);
            if (m.find()) {
                masterUrl = m.group(1);
            }
        }
        if (masterUrl == null) {
            throw new IllegalStateException("Spark master did not print its URL:\n" + String.join("\n", masterLog));
        }
    }

    private void startWorker(int number, int cores, String memory) throws Exception {
        // The worker launches executors from $SPARK_HOME/jars.
        Path sparkHome = folder.resolve("spark-home");
        Files.createDirectories(sparkHome);
        Path jars = sparkHome.resolve("jars");
        if (!Files.exists(jars)) {
            Files.createSymbolicLink(jars, libFolder.toAbsolutePath());
        }
        Path work = Files.createDirectories(folder.resolve("worker-" + number));
        workDirs.add(work);
        List<String> workerLog = new CopyOnWriteArrayList<>();
        Process worker = launch(List.of("org.apache.spark.deploy.worker.Worker", masterUrl, "--host", "127.0.0.1",
                "--cores", Integer.toString(cores), "--memory", memory, "--webui-port", "0", "--work-dir", work.toString()),
                workerLog, "SPARK_HOME", sparkHome.toString());
        waitFor(worker, workerLog, "Successfully registered with master", "worker " + number);
    }

    private Process launch(List<String> arguments, List<String> log, String... environment) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(libFolder.toAbsolutePath() + "/*");
        command.add("-Djava.io.tmpdir=" + folder);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        for (int i = 0; i + 1 < environment.length; i += 2) {
            builder.environment().put(environment[i], environment[i + 1]);
        }
        Process process = builder.start();
        processes.add(process);
        Files.writeString(pidFile, process.pid() + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    log.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "spark-" + arguments.get(arguments.size() - 1) + "-log");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static void waitFor(Process process, List<String> log, String marker, String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (log.stream().anyMatch(l -> l.contains(marker))) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Spark " + name + " did not start:\n" + String.join("\n", log));
    }

    /** Kills master and worker JVMs a previous, hard-killed test run left behind. */
    private void killStale() throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        for (String line : Files.readAllLines(pidFile)) {
            if (!line.isBlank()) {
                ProcessHandle.of(Long.parseLong(line.trim())).ifPresent(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                });
            }
        }
        Files.delete(pidFile);
    }

    /** Stops the workers (and their executors), then the master: SIGTERM, then a forced kill. */
    @Override
    public void close() throws Exception {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
        Files.deleteIfExists(pidFile);
    }
}
