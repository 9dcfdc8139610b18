package com.sparecast.jobs.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A local folder. Publishing is a rename inside the folder, so readers never see half a plan;
 * the publication's staged copy {@code .<date>.publishing} and the replaced folder
 * {@code .<date>.replaced} are touched only under the date's {@link OutputClaim}, and a leftover of
 * a killed publication is deleted by the next one.
 */
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

    /**
     * Only regular files inside the input location are listed and read: a symbolic link, a
     * device, a pipe or a socket anywhere under {@code folder} stops the listing with an
     * {@link UnsafeInputException} naming it (hidden names, starting with {@code .}, are skipped).
     */
    @Override
    public List<StoredFile> list(String folder) throws IOException {
        Path root = realRoot();
        Path dir = inside(root, folder);
        BasicFileAttributes top = attributes(dir);
        if (top == null) {
            return List.of();
        }
        if (top.isSymbolicLink() || !top.isDirectory()) {
            if (!dir.equals(root)) {
                throw new UnsafeInputException(describe(dir, top) + " where a folder is expected; only regular files"
                        + " inside the input location are read");
            }
        }
        checkNoLinkAbove(root, dir);
        List<StoredFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> !p.equals(dir))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .forEach(p -> {
                        try {
                            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
                                    LinkOption.NOFOLLOW_LINKS);
                            if (a.isSymbolicLink() || a.isOther()) {
                                throw new UnsafeInputException(describe(p, a) + "; only regular files inside the"
                                        + " input location are read (remove it or replace it by the file itself)");
                            }
                            if (a.isRegularFile()) {
                                files.add(new StoredFile(root.relativize(p).toString().replace('\\', '/'), a.size()));
                            }
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
        return Files.exists(inside(root(), path), LinkOption.NOFOLLOW_LINKS);
    }

    /** Opens a regular file inside the location; anything else is an {@link UnsafeInputException}. */
    @Override
    public InputStream open(String path) throws IOException {
        return open(path, 0);
    }

    /** {@link #open(String)} from byte {@code offset}, by seeking: the file is checked and opened once. */
    @Override
    public InputStream open(String path, long offset) throws IOException {
        Path root = realRoot();
        Path file = inside(root, path);
        BasicFileAttributes a = attributes(file);
        if (a == null) {
            throw new NoSuchFileException(file.toString());
        }
        if (!a.isRegularFile()) {
            throw new UnsafeInputException(describe(file, a) + " where a file is expected; only regular files inside"
                    + " the input location are read");
        }
        checkNoLinkAbove(root, file);
        SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        try {
            channel.position(offset);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return Channels.newInputStream(channel);
    }

    /** The root with its own symbolic links resolved (the location itself may be one). */
    private Path realRoot() throws IOException {
        try {
            return root().toRealPath();
        } catch (NoSuchFileException e) {
            return root();
        }
    }

    /** {@code path} resolved under {@code root}; a path that leaves it is refused. */
    private static Path inside(Path root, String path) {
        Path resolved = path.indexOf('\0') >= 0 ? null : root.resolve(path).normalize();
        if (resolved == null || !resolved.startsWith(root)) {
            throw new UnsafeInputException("'" + path.replace('\0', '?') + "' is outside the location " + root);
        }
        return resolved;
    }

    /** A folder between the root and {@code path} that is a symbolic link is refused. */
    private static void checkNoLinkAbove(Path root, Path path) {
        for (Path p = path.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new UnsafeInputException(p + " is a symbolic link; only regular files inside the input location"
                        + " are read");
            }
        }
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String describe(Path path, BasicFileAttributes a) {
        String what = a.isSymbolicLink() ? "a symbolic link" : a.isDirectory() ? "a folder"
                : a.isRegularFile() ? "a regular file" : "a device, pipe or socket";
        return path + " is " + what;
    }

    @Override
    public String sparkUri(String path) {
        return root().resolve(path).toUri().toString();
    }

    @Override
    public boolean createIfAbsent(String path, byte[] content) throws IOException {
        Path file = inside(root(), path);
        Files.createDirectories(file.getParent());
        // Complete before it has its name: a reader never sees half a file.
        Path temporary = Files.createTempFile(file.getParent(), ".create-", ".tmp");
        try {
            Files.write(temporary, content);
            Files.createLink(file, temporary);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public List<String> names(String folder) throws IOException {
        Path dir = inside(root(), folder);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public void delete(String path) throws IOException {
        Files.deleteIfExists(inside(root(), path));
    }

    @Override
    public void publishClaimed(Path source, String target, OutputClaim claim) throws IOException {
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
        claim.verify();
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
