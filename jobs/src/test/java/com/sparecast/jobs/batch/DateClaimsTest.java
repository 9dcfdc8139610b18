package com.sparecast.jobs.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Who may take a date: schedule's fires and run's claims on one table, without running the job. */
class DateClaimsTest {

    static final LocalDate DATE = LocalDate.parse("2026-11-20");

    @Test
    void aRunIsRefusedWhileAnotherLiveProcessHoldsTheDateAndTakesOverOtherwise() throws Exception {
        DateClaims claims = new DateClaims("jdbc:h2:mem:claims-run;DB_CLOSE_DELAY=-1", "sa", "", "in", "out", 300_000);
        assertTrue(claims.claimToRun(DATE, "1@host-a/run-1", "t1").isEmpty());
        DateClaims.Claim standing = claims.claimToRun(DATE, "2@host-b/run-1", "t2").orElseThrow();
        assertEquals("1@host-a/run-1", standing.owner());
        assertEquals(DateClaims.RUNNING, standing.status());

        claims.finish(DATE, "1@host-a/run-1", 0, "done");
        // A scheduler's fire skips a completed date; a run takes it (the job repository decides what is left).
        assertEquals(DateClaims.COMPLETED, claims.claim(DATE, "3@host-c", "t3").orElseThrow().status());
        assertTrue(claims.claimToRun(DATE, "2@host-b/run-1", "t2").isEmpty());
        assertFalse(claims.heartbeat(DATE, "1@host-a/run-1"), "the old owner's heart beats for nothing");
        assertTrue(claims.heartbeat(DATE, "2@host-b/run-1"));

        // Another pipeline (other output) is another claim.
        DateClaims other = new DateClaims("jdbc:h2:mem:claims-run;DB_CLOSE_DELAY=-1", "sa", "", "in", "out-2", 300_000);
        assertTrue(other.claimToRun(DATE, "9@host-z/run-1", "t9").isEmpty());
    }

    @Test
    void aClaimOfAProcessOfThisHostThatIsGoneIsTakenOverAtOnce() throws Exception {
        String host = ManagementFactory.getRuntimeMXBean().getName().split("@", 2)[1];
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String dead = gone.pid() + "@" + host + "/run-1";
        assertTrue(DateClaims.diedOnThisHost(dead));
        assertFalse(DateClaims.diedOnThisHost(ProcessHandle.current().pid() + "@" + host));
        assertFalse(DateClaims.diedOnThisHost(gone.pid() + "@another-host"), "another host's processes are not known here");

        DateClaims claims = new DateClaims("jdbc:h2:mem:claims-dead;DB_CLOSE_DELAY=-1", "sa", "", "in", "out", 300_000);
        assertTrue(claims.claimToRun(DATE, dead, "t1").isEmpty());
        assertTrue(claims.claim(DATE, "me@" + host, "t2").isEmpty(), "the dead process's fresh claim is taken over");
        assertEquals("me@" + host, claims.find(DATE).orElseThrow().owner());
    }
}
