package com.sparecast.jobs.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A local folder. Publishing is a rename inside the folder, so readers never see half a plan. */
public final class LocalStorage implements Storage {

    private static final long serialVersionUID = 1L;

    // A String, not a Path: storages travel to Spark executors and Path is not Serializable.
    private final String rootPath;

    public LocalStorage(Path root) {
        this.rootPath = root.toAbsolutePath().normalize().toString();
    }

    public Path root() {
        return Path.of(rootPath);
    }

    @Override
    public String location() {
        return rootPath;
    }

    @Override
    public List<StoredFile> list(String folder) throws IOException {
        Path root = root();
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<StoredFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .forEach(p -> {
                        try {
                            files.add(new StoredFile(root.relativize(p).toString().replace('\\', '/'), Files.size(p)));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        files.sort(Comparator.comparing(StoredFile::path));
        return files;
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(root().resolve(path));
    }

    @Override
    public InputStream open(String path) throws IOException {
        return Files.newInputStream(root().resolve(path));
    }

    @Override
    public String sparkUri(String path) {
        return root().resolve(path).toUri().toString();
    }

    @Override
    public void publishFolder(Path source, String target) throws IOException {
        Files.createDirectories(root());
        Path finalDir = root().resolve(target);
        // Stage inside the output folder so the last step is a rename on one file system.
        Path staged = root().resolve("." + target + ".publishing");
        Path old = root().resolve("." + target + ".replaced");
        // Leftovers of a publication killed half way: a staged copy, or the previous folder
        // already moved aside (then the date has no folder until this publication lands).
        deleteRecursively(staged);
        deleteRecursively(old);
        copyRecursively(source, staged, "_SUCCESS");
        if (Files.exists(finalDir)) {
            // Readers stop trusting the old folder first, then it is swapped out.
            Files.deleteIfExists(finalDir.resolve("_SUCCESS"));
            move(finalDir, old);
            move(staged, finalDir);
            deleteRecursively(old);
        } else {
            move(staged, finalDir);
        }
        Path marker = finalDir.resolve("._SUCCESS.tmp");
        Files.write(marker, new byte[0]);
        move(marker, finalDir.resolve("_SUCCESS"));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void copyRecursively(Path source, Path target, String skipName) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.getFileName().toString().equals(skipName)) {
                    Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes {@code path} and everything under it; nothing if it does not exist. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
