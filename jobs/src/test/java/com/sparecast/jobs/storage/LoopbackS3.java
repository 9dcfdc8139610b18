package com.sparecast.jobs.storage;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-protocol server (S3Proxy, blobs in memory) on loopback, reached by the code under
 * test through a {@link FaultInjectingProxy}, with one bucket. The keys are set as the system
 * properties the SDK's default credential chain reads, as in production; {@link #direct()}
 * talks to the server without the proxy, to set up and check objects.
 */
final class LoopbackS3 implements AutoCloseable {

    private final S3Proxy server;
    private final FaultInjectingProxy proxy;
    private final S3Client direct;

    private LoopbackS3(S3Proxy server, FaultInjectingProxy proxy, S3Client direct) {
        this.server = server;
        this.proxy = proxy;
        this.direct = direct;
    }

    static LoopbackS3 start(String accessKey, String secret, String bucket) throws Exception {
        S3Proxy server = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secret).build();
        server.start();
        for (int i = 0; i < 100 && !"STARTED".equals(server.getState()); i++) {
            Thread.sleep(50);
        }
        FaultInjectingProxy proxy = new FaultInjectingProxy(server.getPort());
        System.setProperty("aws.accessKeyId", accessKey);
        System.setProperty("aws.secretAccessKey", secret);
        S3Client direct = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getPort())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .build();
        direct.createBucket(b -> b.bucket(bucket));
        return new LoopbackS3(server, proxy, direct);
    }

    /** The fault-injecting proxy in front of the server. */
    FaultInjectingProxy proxy() {
        return proxy;
    }

    /** The endpoint the code under test uses: the proxy's. */
    String endpoint() {
        return "http://127.0.0.1:" + proxy.port();
    }

    /** A client straight to the server. */
    S3Client direct() {
        return direct;
    }

    @Override
    public void close() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        direct.close();
        proxy.close();
        server.stop();
    }
}
