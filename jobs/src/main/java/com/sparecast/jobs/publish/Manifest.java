package com.sparecast.jobs.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sparecast.jobs.stage.InputFingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code manifest.json}: what a run read and what it published, for schedulers and warehouses
 * to check a publication is whole.
 *
 * @param runId the job execution id
 * @param planId the plan's identity: planning date and input fingerprint, the same on a rerun
 * @param planningDate the date planned for
 * @param status always COMPLETED: a manifest is only written by a run that got this far
 * @param durationSeconds wall time of the run up to publishing
 * @param inputFingerprint SHA-256 over the input files
 * @param inputs input files with their SHA-256
 * @param outputs output files with SHA-256 and, for CSV, row counts
 */
public record Manifest(long runId, String planId, String planningDate, String status, double durationSeconds,
                       String inputFingerprint, List<InputFingerprint.InputFile> inputs, List<OutputFile> outputs) {

    /** One published file; {@code rows} is null where rows do not apply. */
    public record OutputFile(String path, long size, String sha256, Long rows) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Lists every file under {@code folder} with its checksum and the row counts given. */
    public static List<OutputFile> outputsOf(Path folder, Map<String, Long> rowCounts) throws IOException {
        List<OutputFile> outputs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                outputs.add(new OutputFile(relative, Files.size(file), sha256(file), rowCounts.get(relative)));
            }
        }
        return outputs;
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static Manifest read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Manifest.class);
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
