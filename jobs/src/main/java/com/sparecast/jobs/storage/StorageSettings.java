package com.sparecast.jobs.storage;

import com.sparecast.jobs.config.Settings;
import java.io.Serializable;

/**
 * How to reach S3: endpoint (empty for AWS), region, path-style access. Credentials always come
 * from the default AWS chain and are never read into configuration or logged.
 */
public record StorageSettings(String endpoint, String region, boolean pathStyle) implements Serializable {

    public static StorageSettings from(Settings settings) {
        String endpoint = settings.get("sparecast.s3.endpoint");
        if (endpoint.isEmpty()) {
            endpoint = System.getenv().getOrDefault("AWS_ENDPOINT_URL", "");
        }
        String region = settings.get("sparecast.s3.region");
        if (region.isEmpty()) {
            region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        }
        return new StorageSettings(endpoint, region, Boolean.parseBoolean(settings.get("sparecast.s3.path-style")));
    }
}
