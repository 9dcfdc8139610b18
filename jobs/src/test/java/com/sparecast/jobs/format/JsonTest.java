package com.sparecast.jobs.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    /** The text below is what the hand-written writer the backtest used before Jackson gave for this map. */
    @Test
    void backtestLayoutAndNumbersAreTheOnesTheContractShows() {
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("mase", 0.812345678);
        statistics.put("whole", 2.0);
        statistics.put("tiny", 1.2e-7);
        statistics.put("huge", 1234567.0);
        statistics.put("neg", -0.5);
        statistics.put("nan", Double.NaN);
        statistics.put("none", null);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("series", 5);
        root.put("big", 12345678901L);
        root.put("frequency", "we\"ek\\");
        root.put("methods", Map.of("Naive", statistics));
        root.put("empty", new LinkedHashMap<>());

        assertEquals("""
                {
                  "series": 5,
                  "big": 12345678901,
                  "frequency": "we\\"ek\\\\",
                  "methods": {
                    "Naive": {
                      "mase": 0.812346,
                      "whole": 2.0,
                      "tiny": 1.2e-07,
                      "huge": 1.23457e+06,
                      "neg": -0.5,
                      "nan": null,
                      "none": null
                    }
                  },
                  "empty": {}
                }
                """, Json.write(root, Numbers::significant, Json.indented()));
    }

    @Test
    void exactNumbersRoundTrip() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("fill_rate", 0.9727831431079894);
        root.put("undefined", Double.POSITIVE_INFINITY);
        assertEquals("{\n  \"fill_rate\": 0.9727831431079894,\n  \"undefined\": null\n}\n",
                Json.write(root, Numbers::exact, Json.indented()));
    }
}
