package com.sparecast.jobs.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvOutputTest {

    @Test
    void formulaLikeTextGetsALeadingQuote() {
        assertEquals("'=HYPERLINK(\"x\")", CsvOutput.safeText("=HYPERLINK(\"x\")"));
        assertEquals("'+1", CsvOutput.safeText("+1"));
        assertEquals("'-1", CsvOutput.safeText("-1"));
        assertEquals("'@SUM(A1)", CsvOutput.safeText("@SUM(A1)"));
        assertEquals("'\tx", CsvOutput.safeText("\tx"));
        assertEquals("'\rx", CsvOutput.safeText("\rx"));
        assertEquals("P-000123", CsvOutput.safeText("P-000123"));
    }

    @Test
    void numbersAreNotTextAndAreWrittenTheSameEverywhere() {
        assertEquals("-3", CsvOutput.cell(-3L));
        assertEquals("-0.5", CsvOutput.cell(-0.5));
        assertEquals("0.1235", CsvOutput.cell(0.123456));
        assertEquals("1200000", CsvOutput.cell(1.2e6));
        assertEquals("0", CsvOutput.cell(-0.00001));
        assertEquals("", CsvOutput.cell(Double.NaN));
        assertEquals("2026-11-20", CsvOutput.cell(java.sql.Date.valueOf("2026-11-20")));
    }

    @Test
    void writesRfc4180WithOptionalByteOrderMark(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("a.csv");
        try (CsvOutput out = CsvOutput.open(file, List.of("a", "b"), true)) {
            out.write(Arrays.asList("x,y", null));
            out.write(List.of("say \"hi\"", 2L));
        }
        assertEquals("\uFEFFa,b\n\"x,y\",\n\"say \"\"hi\"\"\",2\n", Files.readString(file, StandardCharsets.UTF_8));
    }
}
