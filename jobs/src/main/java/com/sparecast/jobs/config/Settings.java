package com.sparecast.jobs.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Sparecast's configuration: the defaults on the classpath, overlaid by the user's file, overlaid
 * by {@code -Dsparecast.*} system properties. Immutable; typed getters name the key in their
 * error.
 */
public final class Settings implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String DEFAULTS = "/sparecast-defaults.properties";

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Defaults, then {@code file} if given, then system properties starting with {@code sparecast.}. */
    public static Settings load(Path file) {
        Map<String, String> merged = new TreeMap<>();
        try (InputStream in = Settings.class.getResourceAsStream(DEFAULTS)) {
            putAll(merged, in == null ? null : new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read built-in defaults " + DEFAULTS + ": " + e.getMessage());
        }
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigurationException("Configuration file not found: " + file);
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                putAll(merged, reader);
            } catch (IOException e) {
                throw new ConfigurationException("Cannot read configuration file " + file + ": " + e.getMessage());
            }
        }
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("sparecast.")) {
                merged.put(k.toString(), v.toString());
            }
        });
        return new Settings(merged);
    }

    /** Settings from the defaults overlaid by {@code overrides}; for tests. */
    public static Settings withOverrides(Map<String, String> overrides) {
        Settings base = load(null);
        Map<String, String> merged = new TreeMap<>(base.values);
        merged.putAll(overrides);
        return new Settings(merged);
    }

    private static void putAll(Map<String, String> target, Reader reader) throws IOException {
        if (reader == null) {
            return;
        }
        Properties properties = new Properties();
        properties.load(reader);
        properties.forEach((k, v) -> target.put(k.toString(), v.toString().trim()));
    }

    /** The value, or {@code ""} when the key is absent. */
    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    public String require(String key) {
        String value = get(key);
        if (value.isEmpty()) {
            throw new ConfigurationException("Missing configuration value " + key);
        }
        return value;
    }

    public double getDouble(String key) {
        String value = require(key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Configuration value " + key + " is not a number: '" + value + "'");
        }
    }

    /** The number, or NaN when the key is absent or empty (an optional setting). */
    public double getOptionalDouble(String key) {
        return get(key).isEmpty() ? Double.NaN : getDouble(key);
    }

    public int getInt(String key) {
        String value = require(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Configuration value " + key + " is not a whole number: '" + value + "'");
        }
    }

    /** Every key under {@code prefix} (with the prefix removed), sorted. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** A copy with one value replaced. */
    public Settings with(String key, String value) {
        Map<String, String> merged = new TreeMap<>(values);
        merged.put(key, value);
        return new Settings(merged);
    }

    /**
     * Checks every {@code sparecast.*} key: known ({@link SettingKeys}), typed and in range, and
     * the trade rules ({@link TradeRulesSettings}).
     *
     * @throws ConfigurationException one line naming the first bad key; an unknown key names the
     *     nearest known one
     */
    public void validate() {
        SettingKeys.check(new java.util.TreeMap<>(values));
        TradeRulesSettings.of(this);
    }

    public Path workDir() {
        return Path.of(require("sparecast.work-dir")).toAbsolutePath().normalize();
    }
}
