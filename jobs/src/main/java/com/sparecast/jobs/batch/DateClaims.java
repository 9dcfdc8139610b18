package com.sparecast.jobs.batch;

import com.sparecast.jobs.storage.ClaimOwner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who runs which planning date, kept in the job repository database so that two processes
 * sharing a repository (on one host or several) never run the same date at once: {@code run}
 * claims its date before anything starts, and {@code schedule} claims the date of each fire. A
 * file lock would only hold on one host.
 *
 * <p>One row per (pipeline, planning date), where the pipeline is a hash of input and output.
 * A process claims a date by inserting its row; the primary key makes exactly one insert win.
 * A row is taken over only when its run {@code FAILED}, or when it is {@code RUNNING} but its
 * owner has not beaten its heart for {@code staleMillis} (the process died; at once when the owner
 * was a process of this host that is gone), and, for
 * {@code run} only ({@link #claimToRun}), when it {@code COMPLETED} (the job repository then says
 * whether anything is left to do): all by a conditional update, which the database also
 * serialises. The owner beats the row's heart while it runs and writes the outcome at the end.
 * The table keeps its first name, {@value #TABLE}, so existing repositories need no migration.
 */
public final class DateClaims {

    /** The claims table, created on first use. */
    public static final String TABLE = "SPARECAST_SCHEDULE_CLAIM";

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    private final String url;
    private final String username;
    private final String password;
    private final String pipeline;
    private final long staleMillis;

    /** A claim as stored. */
    public record Claim(LocalDate planningDate, String status, String owner, String fireTime, long heartbeat,
                        Integer exitCode, String message) {
    }

    public DateClaims(String url, String username, String password, String input, String output, long staleMillis)
            throws SQLException {
        this.url = url;
        this.username = username;
        this.password = password;
        this.pipeline = pipelineKey(input, output);
        this.staleMillis = staleMillis;
        createTableIfMissing();
    }

    /** A short stable key of the (input, output) pair, so two pipelines can share a repository. */
    static String pipelineKey(String input, String output) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((input + "\n" + output).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username.isEmpty() ? null : username, password.isEmpty() ? null : password);
    }

    private void createTableIfMissing() throws SQLException {
        try (Connection c = connect()) {
            try (ResultSet tables = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
                while (tables.next()) {
                    if (TABLE.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + TABLE + " (PIPELINE VARCHAR(32) NOT NULL, PLANNING_DATE VARCHAR(10) NOT NULL,"
                        + " STATUS VARCHAR(16) NOT NULL, OWNER VARCHAR(200) NOT NULL, FIRE_TIME VARCHAR(64) NOT NULL,"
                        + " HEARTBEAT BIGINT NOT NULL, EXIT_CODE INTEGER, MESSAGE VARCHAR(1000),"
                        + " PRIMARY KEY (PIPELINE, PLANNING_DATE))");
            } catch (SQLException e) {
                // Another scheduler created it between our check and our create.
                if (!exists(c)) {
                    throw e;
                }
            }
        }
    }

    private static boolean exists(Connection c) throws SQLException {
        try (ResultSet tables = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            while (tables.next()) {
                if (TABLE.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Claims {@code date} for {@code owner}; empty when claimed, else the claim that stands in the
     * way (running elsewhere, or already completed).
     */
    public Optional<Claim> claim(LocalDate date, String owner, String fireTime) throws SQLException {
        return claim(date, owner, fireTime, false);
    }

    /**
     * Claims {@code date} for a {@code run} by {@code owner}; empty when claimed, else the live
     * claim of another process. Unlike a scheduler's fire, a run also takes over a completed date:
     * the job repository decides whether it has anything left to do (new inputs, {@code --force}).
     */
    public Optional<Claim> claimToRun(LocalDate date, String owner, String startedAt) throws SQLException {
        return claim(date, owner, startedAt, true);
    }

    private Optional<Claim> claim(LocalDate date, String owner, String fireTime, boolean overCompleted)
            throws SQLException {
        long now = System.currentTimeMillis();
        try (Connection c = connect()) {
            c.setAutoCommit(true);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE
                    + " (PIPELINE, PLANNING_DATE, STATUS, OWNER, FIRE_TIME, HEARTBEAT) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, pipeline);
                insert.setString(2, date.toString());
                insert.setString(3, RUNNING);
                insert.setString(4, owner);
                insert.setString(5, fireTime);
                insert.setLong(6, now);
                insert.executeUpdate();
                return Optional.empty();
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
            }
            try (PreparedStatement takeOver = c.prepareStatement("UPDATE " + TABLE
                    + " SET STATUS = ?, OWNER = ?, FIRE_TIME = ?, HEARTBEAT = ?, EXIT_CODE = NULL, MESSAGE = NULL"
                    + " WHERE PIPELINE = ? AND PLANNING_DATE = ? AND (STATUS IN (?, ?) OR (STATUS = ? AND HEARTBEAT < ?))")) {
                takeOver.setString(1, RUNNING);
                takeOver.setString(2, owner);
                takeOver.setString(3, fireTime);
                takeOver.setLong(4, now);
                takeOver.setString(5, pipeline);
                takeOver.setString(6, date.toString());
                takeOver.setString(7, FAILED);
                takeOver.setString(8, overCompleted ? COMPLETED : FAILED);
                takeOver.setString(9, RUNNING);
                takeOver.setLong(10, now - staleMillis);
                if (takeOver.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            Optional<Claim> standing = find(c, date);
            if (standing.isPresent() && RUNNING.equals(standing.get().status()) && diedOnThisHost(standing.get().owner())) {
                // Its process is gone (kill -9 on this host): no need to wait for the heartbeat to go stale.
                try (PreparedStatement takeOver = c.prepareStatement("UPDATE " + TABLE
                        + " SET OWNER = ?, FIRE_TIME = ?, HEARTBEAT = ?, EXIT_CODE = NULL, MESSAGE = NULL"
                        + " WHERE PIPELINE = ? AND PLANNING_DATE = ? AND STATUS = ? AND OWNER = ?")) {
                    takeOver.setString(1, owner);
                    takeOver.setString(2, fireTime);
                    takeOver.setLong(3, now);
                    takeOver.setString(4, pipeline);
                    takeOver.setString(5, date.toString());
                    takeOver.setString(6, RUNNING);
                    takeOver.setString(7, standing.get().owner());
                    if (takeOver.executeUpdate() == 1) {
                        return Optional.empty();
                    }
                }
                return find(c, date);
            }
            return standing;
        }
    }

    /**
     * Whether {@code owner} ({@code pid@host}, optionally followed by {@code /...}, as this class's
     * users name themselves) is a process of this host that is no longer running.
     */
    static boolean diedOnThisHost(String owner) {
        return ClaimOwner.diedOnThisHost(owner);
    }

    /** Marks the owner's claim alive; false when the claim is no longer the owner's (taken over as stale). */
    public boolean heartbeat(LocalDate date, String owner) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("UPDATE " + TABLE
                + " SET HEARTBEAT = ? WHERE PIPELINE = ? AND PLANNING_DATE = ? AND OWNER = ? AND STATUS = ?")) {
            s.setLong(1, System.currentTimeMillis());
            s.setString(2, pipeline);
            s.setString(3, date.toString());
            s.setString(4, owner);
            s.setString(5, RUNNING);
            return s.executeUpdate() == 1;
        }
    }

    /** Records how the owner's run of {@code date} ended. */
    public void finish(LocalDate date, String owner, int exitCode, String message) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("UPDATE " + TABLE
                + " SET STATUS = ?, HEARTBEAT = ?, EXIT_CODE = ?, MESSAGE = ? WHERE PIPELINE = ? AND PLANNING_DATE = ?"
                + " AND OWNER = ?")) {
            s.setString(1, exitCode == 0 ? COMPLETED : FAILED);
            s.setLong(2, System.currentTimeMillis());
            s.setInt(3, exitCode);
            s.setString(4, message.length() > 1000 ? message.substring(0, 1000) : message);
            s.setString(5, pipeline);
            s.setString(6, date.toString());
            s.setString(7, owner);
            s.executeUpdate();
        }
    }

    /** The claim of {@code date}, if any. */
    public Optional<Claim> find(LocalDate date) throws SQLException {
        try (Connection c = connect()) {
            return find(c, date);
        }
    }

    /** The claim with the latest planning date, if any: where the schedule left off. */
    public Optional<Claim> latest() throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT PLANNING_DATE FROM " + TABLE
                + " WHERE PIPELINE = ? ORDER BY PLANNING_DATE DESC")) {
            s.setString(1, pipeline);
            s.setMaxRows(1);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? find(c, LocalDate.parse(r.getString(1))) : Optional.empty();
            }
        }
    }

    private Optional<Claim> find(Connection c, LocalDate date) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT STATUS, OWNER, FIRE_TIME, HEARTBEAT, EXIT_CODE, MESSAGE FROM "
                + TABLE + " WHERE PIPELINE = ? AND PLANNING_DATE = ?")) {
            s.setString(1, pipeline);
            s.setString(2, date.toString());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                int exit = r.getInt(5);
                Integer exitCode = r.wasNull() ? null : exit;
                return Optional.of(new Claim(date, r.getString(1), r.getString(2), r.getString(3), r.getLong(4), exitCode,
                        r.getString(6)));
            }
        }
    }
}
