package com.sparecast.jobs.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.storage.FaultInjectingProxy.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link S3Storage} alone against S3Proxy behind the fault-injecting proxy, in seconds: the
 * retry and failure behaviour {@code S3NightlyRunIT} relies on, without a Spark job.
 */
@Timeout(120)
class S3StorageIT {

    static final String BUCKET = "storage-it";
    static final String ACCESS_KEY = "AKIASTORAGEIT";
    static final String SECRET = "st-secret-" + UUID.randomUUID();

    @TempDir
    static Path temp;
    static LoopbackS3 s3;
    static FaultInjectingProxy proxy;
    static S3Client direct;
    static S3Storage storage;

    @BeforeAll
    static void start() throws Exception {
        s3 = LoopbackS3.start(ACCESS_KEY, SECRET, BUCKET);
        proxy = s3.proxy();
        direct = s3.direct();
        storage = S3Storage.of("s3://" + BUCKET + "/out",
                new StorageSettings(s3.endpoint(), "us-east-1", true));
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @BeforeEach
    void reset() {
        proxy.clearRules();
        proxy.clearExchanges();
    }

    static Path folder(String name, int files) throws IOException {
        Path folder = temp.resolve(name);
        Files.createDirectories(folder.resolve("restock"));
        for (int i = 0; i < files; i++) {
            Files.writeString(folder.resolve("restock/WH-" + i + ".csv"), "warehouse_id\nWH-" + i + "\n");
        }
        Files.writeString(folder.resolve("manifest.json"), "{}");
        return folder;
    }

    @Test
    void transientFaultsAreRetriedAndSuccessIsWrittenLast() throws Exception {
        proxy.inject("PUT", "/" + BUCKET + "/out/d1/restock/WH-3\\.csv", Fault.SLOW_DOWN, 2);
        proxy.inject("PUT", "/" + BUCKET + "/out/d1/restock/WH-7\\.csv", Fault.INTERNAL_ERROR, 1);
        proxy.inject("PUT", "/" + BUCKET + "/out/d1/manifest\\.json", Fault.DROP_CONNECTION, 1);
        proxy.inject("PUT", "/" + BUCKET + "/out/d1/_SUCCESS", Fault.SLOW_DOWN, 1);

        storage.publishFolder(folder("d1", 20), "d1");

        // The date's files (the publish claim's PUTs go to out/.d1.claim/).
        List<String> written = proxy.exchanges().stream().filter(e -> e.method().equals("PUT") && e.status() == 200)
                .filter(e -> e.path().startsWith("/" + BUCKET + "/out/d1/"))
                .map(e -> e.path().substring(("/" + BUCKET + "/out/d1/").length())).toList();
        // A retried upload may land twice; _SUCCESS last, manifest.json after every data file.
        assertEquals(22, new java.util.TreeSet<>(written).size(), written.toString());
        assertEquals("_SUCCESS", written.get(written.size() - 1));
        S3NightlyRunIT.assertOnlyAfter(written, "manifest.json", java.util.Set.of("manifest.json", "_SUCCESS"));
        S3NightlyRunIT.assertOnlyAfter(written, "_SUCCESS", java.util.Set.of("_SUCCESS"));
        try (InputStream in = storage.open("d1/restock/WH-3.csv")) {
            assertEquals("warehouse_id\nWH-3\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFileIsReadFromAnOffsetByARangedGet() throws Exception {
        storage.publishFolder(folder("d9", 1), "d9");
        proxy.clearExchanges();
        // "warehouse_id\n" is 13 bytes: from 13 on, the second line only (the split reading of large feed files).
        try (InputStream in = storage.open("d9/restock/WH-0.csv", 13)) {
            assertEquals("WH-0\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        try (InputStream in = storage.open("d9/restock/WH-0.csv", 0)) {
            assertEquals("warehouse_id\nWH-0\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void permanentFaultFailsAtOnceNamingBucketAndKey() throws Exception {
        proxy.inject("PUT", "/" + BUCKET + "/out/d2/restock/WH-5\\.csv", Fault.ACCESS_DENIED, -1);

        IOException e = assertThrows(IOException.class, () -> storage.publishFolder(folder("d2", 10), "d2"));

        assertTrue(e.getMessage().contains("bucket " + BUCKET + ", key out/d2/restock/WH-5.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("Access Denied"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
        assertTrue(proxy.exchanges().stream().noneMatch(x -> x.method().equals("PUT")
                        && (x.path().endsWith("/manifest.json") || x.path().endsWith("/_SUCCESS"))),
                "neither manifest.json nor _SUCCESS is written after a failed upload");
        assertFalse(storage.exists("d2/_SUCCESS"));
    }

    @Test
    void twoPublishersOfOneDateLeaveOneCompleteFolderAndOneRefusal() throws Exception {
        // S3Proxy's in-memory store honours If-None-Match: * on PUT natively (as AWS S3 does since 2024).
        Path a = PublishRace.source(temp.resolve("race"), "A", 150);
        Path b = PublishRace.source(temp.resolve("race"), "B", 150);
        java.util.function.Supplier<Storage> race = () -> S3Storage.of("s3://" + BUCKET + "/race",
                new StorageSettings(s3.endpoint(), "us-east-1", true));
        for (int round = 0; round < 3; round++) {
            PublishRace.raceAndCheck(race, a, b, "2026-11-20");
        }
        // The claim is free again: one generation left, FREE; the conditional PUTs went through the proxy.
        List<String> generations = race.get().names(".2026-11-20.claim");
        assertEquals(1, generations.size(), generations.toString());
        String last = direct.getObjectAsBytes(r -> r.bucket(BUCKET).key("race/.2026-11-20.claim/" + generations.get(0)))
                .asUtf8String();
        assertTrue(last.contains("state=FREE"), last);
        assertTrue(proxy.exchanges().stream().anyMatch(e -> e.method().equals("PUT") && e.status() == 412
                && e.path().contains("/race/.2026-11-20.claim/")), "a conditional PUT was refused by the server");
    }

    @Test
    void aLiveClaimRefusesAPublicationAndTheDateFolderIsNotTouched() throws Exception {
        storage.publishFolder(folder("d3", 2), "d3");
        OutputClaimedException refused;
        try (OutputClaim held = OutputClaim.acquire(storage, "d3", OutputClaim.DEFAULT)) {
            proxy.clearExchanges();
            refused = assertThrows(OutputClaimedException.class, () -> storage.publishFolder(folder("d3b", 5), "d3"));
            assertTrue(refused.getMessage().startsWith("Output s3://" + BUCKET + "/out/d3 is being published by "
                    + held.owner()), refused.getMessage());
        }
        assertTrue(proxy.exchanges().stream().noneMatch(e -> (e.method().equals("PUT") || e.method().equals("DELETE"))
                && e.path().startsWith("/" + BUCKET + "/out/d3/")), "the refused publisher wrote nothing into the date");
        assertTrue(storage.exists("d3/_SUCCESS"));
        assertFalse(storage.exists("d3/restock/WH-4.csv"));
    }

    @Test
    void missingBucketIsNamed() {
        S3Storage missing = S3Storage.of("s3://no-such-bucket/in",
                new StorageSettings(s3.endpoint(), "us-east-1", true));
        IOException e = assertThrows(IOException.class, () -> missing.list("master"));
        assertTrue(e.getMessage().contains("bucket no-such-bucket, key in/master/"), e.getMessage());
    }
}
