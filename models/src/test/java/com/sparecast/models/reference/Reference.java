package com.sparecast.models.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference values of {@code reference.txt}, computed by {@code models/src/test/R/reference.R}
 * (R 4.2.2, forecast 8.20; see the file's header).
 */
public final class Reference {

    private static final Map<String, double[]> VALUES = load();

    private Reference() {
    }

    /** The values under {@code key}; NA is NaN. */
    public static double[] get(String key) {
        double[] v = VALUES.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no reference value '" + key + "'");
        }
        return v.clone();
    }

    /** The single value under {@code key}. */
    public static double scalar(String key) {
        return get(key)[0];
    }

    private static Map<String, double[]> load() {
        Map<String, double[]> out = new HashMap<>();
        try (InputStream in = Reference.class.getResourceAsStream("/com/sparecast/models/reference.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int eq = line.indexOf('=');
                String[] parts = line.substring(eq + 1).trim().split("\\s+");
                double[] v = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    v[i] = parts[i].equals("NA") ? Double.NaN : Double.parseDouble(parts[i]);
                }
                out.put(line.substring(0, eq).trim(), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
