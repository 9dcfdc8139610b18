package com.sparecast.jobs.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 prefix ({@code s3://bucket/prefix}). Publishing holds the date's {@link OutputClaim}
 * (conditional {@code PUT}s under {@code .<date>.claim/}) and is by upload order: every data file,
 * then {@code manifest.json}, then {@code _SUCCESS}; a republication first deletes the old
 * {@code _SUCCESS}, so readers never trust a half-replaced folder. Data files are uploaded in
 * parallel; {@code manifest.json} starts only once all of them are written. Transient faults (throttling,
 * 5xx, dropped connections) are retried by the SDK's standard retry mode with backoff.
 */
public final class S3Storage implements Storage {

    private static final long serialVersionUID = 1L;
    private static final int MAX_ATTEMPTS = 8;
    private static final int UPLOAD_THREADS = 8;

    private final String bucket;
    private final String prefix;
    private final StorageSettings settings;
    private transient S3Client client;

    private S3Storage(String bucket, String prefix, StorageSettings settings) {
        this.bucket = bucket;
        this.prefix = prefix;
        this.settings = settings;
    }

    /** The storage for {@code s3://bucket/prefix}. */
    public static S3Storage of(String location, StorageSettings settings) {
        URI uri = URI.create(location);
        String bucket = uri.getHost();
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("S3 location has no bucket: " + location);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+", "").replaceAll("/+$", "");
        return new S3Storage(bucket, path, settings);
    }

    private synchronized S3Client client() {
        if (client == null) {
            var builder = S3Client.builder()
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(10))
                            .socketTimeout(Duration.ofSeconds(60)))
                    .region(Region.of(settings.region()))
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build())
                    .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)
                            .retryStrategy(b -> b.maxAttempts(MAX_ATTEMPTS)));
            if (!settings.endpoint().isEmpty()) {
                builder.endpointOverride(URI.create(settings.endpoint()));
            }
            client = builder.build();
        }
        return client;
    }

    private String key(String path) {
        return prefix.isEmpty() ? path : prefix + "/" + path;
    }

    @Override
    public String location() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    @Override
    public List<StoredFile> list(String folder) throws IOException {
        String listPrefix = key(folder.isEmpty() ? "" : folder.replaceAll("/+$", "") + "/");
        List<StoredFile> files = new ArrayList<>();
        try {
            for (S3Object object : client().listObjectsV2Paginator(r -> r.bucket(bucket).prefix(listPrefix)).contents()) {
                String relative = prefix.isEmpty() ? object.key() : object.key().substring(prefix.length() + 1);
                String name = relative.substring(relative.lastIndexOf('/') + 1);
                if (!name.startsWith(".") && !relative.endsWith("/")) {
                    files.add(new StoredFile(relative, object.size()));
                }
            }
        } catch (SdkException e) {
            throw failure("list", listPrefix, e);
        }
        files.sort(Comparator.comparing(StoredFile::path));
        return files;
    }

    @Override
    public boolean exists(String path) throws IOException {
        try {
            client().headObject(r -> r.bucket(bucket).key(key(path)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure("head", key(path), e);
        } catch (SdkException e) {
            throw failure("head", key(path), e);
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        return open(path, 0);
    }

    /** {@link #open(String)} from byte {@code offset}, by a ranged GET. */
    @Override
    public InputStream open(String path, long offset) throws IOException {
        try {
            return client().getObject(r -> {
                r.bucket(bucket).key(key(path));
                if (offset > 0) {
                    r.range("bytes=" + offset + "-");
                }
            });
        } catch (NoSuchKeyException e) {
            throw new java.nio.file.NoSuchFileException(location() + "/" + path);
        } catch (SdkException e) {
            throw failure("read", key(path), e);
        }
    }

    @Override
    public String sparkUri(String path) {
        return "s3a://" + bucket + "/" + key(path);
    }

    @Override
    public boolean createIfAbsent(String path, byte[] content) throws IOException {
        try {
            client().putObject(r -> r.bucket(bucket).key(key(path)).ifNoneMatch("*"), RequestBody.fromBytes(content));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            // 412: the object exists; 409: a concurrent conditional write of the same key won.
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return false;
            }
            throw failure("conditional upload", key(path), e);
        } catch (SdkException e) {
            throw failure("conditional upload", key(path), e);
        }
    }

    @Override
    public List<String> names(String folder) throws IOException {
        String listPrefix = key(folder.replaceAll("/+$", "") + "/");
        List<String> names = new ArrayList<>();
        try {
            for (S3Object object : client().listObjectsV2Paginator(r -> r.bucket(bucket).prefix(listPrefix)
                    .delimiter("/")).contents()) {
                names.add(object.key().substring(listPrefix.length()));
            }
        } catch (SdkException e) {
            throw failure("list", listPrefix, e);
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    @Override
    public void publishClaimed(Path source, String target, OutputClaim claim) throws IOException {
        String success = target + "/_SUCCESS";
        String manifest = target + "/manifest.json";
        Set<String> previous = new HashSet<>();
        for (StoredFile file : list(target)) {
            previous.add(file.path());
        }
        if (previous.contains(success)) {
            delete(success);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path manifestFile = null;
        Map<Path, String> data = new LinkedHashMap<>();
        for (Path file : files) {
            String relative = target + "/" + source.relativize(file).toString().replace('\\', '/');
            if (relative.equals(manifest)) {
                manifestFile = file;
            } else if (!relative.equals(success)) {
                data.put(file, relative);
            }
            previous.remove(relative);
        }
        uploadAll(data);
        claim.verify();
        if (manifestFile != null) {
            upload(manifestFile, manifest);
        }
        for (String stale : previous) {
            if (!stale.equals(success)) {
                delete(stale);
            }
        }
        claim.verify();
        put(success, new byte[0]);
    }

    /**
     * Uploads the data files in parallel (a plan has thousands of customs documents; one at a
     * time they take minutes on S3) and returns once every one is written; the first failure
     * is thrown after the others have stopped.
     */
    private void uploadAll(Map<Path, String> files) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(UPLOAD_THREADS, r -> {
            Thread thread = new Thread(r, "s3-upload");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (Map.Entry<Path, String> file : files.entrySet()) {
                uploads.add(pool.submit(() -> {
                    upload(file.getKey(), file.getValue());
                    return null;
                }));
            }
            for (Future<?> upload : uploads) {
                try {
                    upload.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while publishing to " + location(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void upload(Path file, String path) throws IOException {
        try {
            client().putObject(r -> r.bucket(bucket).key(key(path)), RequestBody.fromFile(file));
        } catch (SdkException | UncheckedIOException e) {
            throw failure("upload", key(path), e);
        }
    }

    private void put(String path, byte[] bytes) throws IOException {
        try {
            client().putObject(r -> r.bucket(bucket).key(key(path)), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw failure("upload", key(path), e);
        }
    }

    @Override
    public void delete(String path) throws IOException {
        try {
            client().deleteObject(r -> r.bucket(bucket).key(key(path)));
        } catch (SdkException e) {
            throw failure("delete", key(path), e);
        }
    }

    private IOException failure(String action, String key, RuntimeException e) {
        return new IOException("S3 " + action + " failed for bucket " + bucket + ", key " + key + ": " + e.getMessage(), e);
    }
}
