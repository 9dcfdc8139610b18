package com.sparecast.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.batch.DateClaims;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.support.CronExpression;

/** Usage errors of {@code schedule}, and the missed-run report, without running the job. */
class ScheduleCommandTest {

    @TempDir
    Path temp;

    @Test
    void aCronThatIsNotSixFieldsIsAUsageError() {
        assertUsageError("--cron", "0 2 * * *", "--input", "in", "--output", "out");
    }

    @Test
    void anUnknownZoneIsAUsageError() {
        assertUsageError("--cron", "0 0 2 * * *", "--zone", "Mars/Olympus", "--input", "in", "--output", "out");
    }

    @Test
    void missedDatesSinceTheLastClaimAreReportedOncePerDateExceptOneStillToCome() throws Exception {
        String url = "jdbc:h2:mem:schedule-test;DB_CLOSE_DELAY=-1";
        DateClaims claims = new DateClaims(url, "sa", "", "in", "out", 300_000);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate last = today.minusDays(4);
        claims.claim(last, "me", ZonedDateTime.of(last.atTime(2, 0), ZoneOffset.UTC).toString());
        claims.finish(last, "me", 0, "done");
        claims.claim(today.minusDays(2), "me", ZonedDateTime.of(today.minusDays(2).atTime(2, 0), ZoneOffset.UTC).toString());
        claims.finish(today.minusDays(2), "me", 1, "failed");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            // Every second: thousands of fires a day, one line per missed date.
            ScheduleCommand.reportMissed(claims, CronExpression.parse("* * * * * *"), ZoneOffset.UTC);
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Missed runs while no scheduler was up: " + today.minusDays(1) + " (due "
                + today.minusDays(1) + "T00:00Z) - run each with"), printed);
        assertTrue(!printed.contains(today.minusDays(2) + " (due "), "a date that ran (and failed) is not missed: " + printed);
        assertTrue(!printed.contains(today + " (due "), "today still has fires to come: " + printed);
    }

    private static void assertUsageError(String... arguments) {
        String[] args = new String[arguments.length + 1];
        args[0] = "schedule";
        System.arraycopy(arguments, 0, args, 1, arguments.length);
        assertEquals(2, SparecastCommand.execute(args));
    }
}
