package com.sparecast.jobs.stage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sparecast.jobs.storage.Storage;
import com.sparecast.jobs.storage.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The identity of an input set: every input file with its size and SHA-256, and one SHA-256
 * over that list. A run of a date on the same fingerprint is the same run; a late file changes
 * the fingerprint and the date is planned again.
 *
 * @param sha256 digest over the sorted list of (path, size, sha256)
 * @param files the input files
 */
public record InputFingerprint(String sha256, List<InputFile> files) {

    /** One input file. */
    public record InputFile(String path, long size, String sha256) {
    }

    /** Folders of the input that hold run inputs; anything else (ground truth, notes) is ignored. */
    public static final List<String> INPUT_FOLDERS = List.of("master", "shipments", "failures", "returns", "decisions");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Lists and checksums the input's files. */
    public static InputFingerprint of(Storage input) throws IOException {
        List<InputFile> files = new ArrayList<>();
        for (String folder : INPUT_FOLDERS) {
            for (StoredFile file : input.list(folder)) {
                files.add(new InputFile(file.path(), file.size(), sha256(input, file.path())));
            }
        }
        MessageDigest digest = newDigest();
        for (InputFile file : files) {
            digest.update((file.path() + '\t' + file.size() + '\t' + file.sha256() + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return new InputFingerprint(HexFormat.of().formatHex(digest.digest()), List.copyOf(files));
    }

    private static String sha256(Storage input, String path) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = input.open(path)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Where the file list of fingerprint {@code sha256} is kept for the publish step. */
    public static Path fileIn(Path workDir, String sha256) {
        return workDir.resolve("fingerprints").resolve(sha256 + ".json");
    }

    public void save(Path workDir) throws IOException {
        Path file = fileIn(workDir, sha256);
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), this);
    }

    public static InputFingerprint load(Path workDir, String sha256) throws IOException {
        return JSON.readValue(fileIn(workDir, sha256).toFile(), InputFingerprint.class);
    }
}
