package com.sparecast.jobs.batch;

import com.sparecast.jobs.config.Settings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Spring Batch job repository: an embedded H2 file database under the work folder by
 * default, any JDBC database through {@code sparecast.job-repository.url}.
 */
@Configuration
@EnableBatchProcessing(dataSourceRef = "dataSource", transactionManagerRef = "transactionManager")
public class JobRepositoryConfiguration {

    @Bean
    public DataSource dataSource(Settings settings) {
        String url = jdbcUrl(settings);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url,
                settings.get("sparecast.job-repository.username"), settings.get("sparecast.job-repository.password"));
        createSchemaIfMissing(dataSource, url);
        return dataSource;
    }

    @Bean
    public PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    /**
     * The configured URL, or the embedded H2 database in the work folder, made ready for this
     * process to open ({@link EmbeddedRepositoryLock}).
     */
    public static String jdbcUrl(Settings settings) {
        String url = settings.get("sparecast.job-repository.url");
        if (!url.isEmpty()) {
            return url;
        }
        Path db = settings.workDir().resolve("jobrepo").resolve("sparecast");
        // DB_CLOSE_DELAY=-1: without it a restart failed with OptimisticLockingFailureException (STACK.md).
        // AUTO_SERVER lets a second process (status, a second scheduler) open the same file.
        // After a kill -9 its lock file names a dead server, which H2 may wait on forever:
        // EmbeddedRepositoryLock removes such a file before this process opens the database.
        // WRITE_DELAY=0: a step's COMPLETED status is on disk when the next step starts, so a process
        // killed with -9 right after never redoes it (H2 otherwise flushes commits up to 500 ms late).
        EmbeddedRepositoryLock.beforeFirstOpen(db);
        return "jdbc:h2:file:" + db + ";DB_CLOSE_DELAY=-1;AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    /**
     * Opens and closes one connection to the configured job repository; a configuration error
     * with one line ({@link #cannotOpen}) when that fails, so commands stop before anything starts.
     */
    public static void check(Settings settings) {
        String url = jdbcUrl(settings);
        String user = settings.get("sparecast.job-repository.username");
        String password = settings.get("sparecast.job-repository.password");
        try (Connection ignored = java.sql.DriverManager.getConnection(url, user.isEmpty() ? null : user,
                password.isEmpty() ? null : password)) {
            // reachable
        } catch (SQLException e) {
            throw new com.sparecast.jobs.config.ConfigurationException(cannotOpen(url, e));
        }
    }

    /**
     * One line saying why the job repository at {@code url} cannot be opened: no driver for the
     * URL, a malformed URL, or a database that refuses or does not answer. The URL is shown
     * without its password.
     */
    public static String cannotOpen(String url, SQLException e) {
        String shown = redacted(url);
        String reason = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("").trim();
        if ("08001".equals(e.getSQLState()) && reason.startsWith("No suitable driver")) {
            // DriverManager says this both for an unknown database kind and for a malformed URL.
            if (url.startsWith("jdbc:postgresql:")) {
                return "sparecast.job-repository.url " + shown + " is not a valid PostgreSQL URL"
                        + " (jdbc:postgresql://host[:port]/database)";
            }
            if (url.startsWith("jdbc:h2:")) {
                return "sparecast.job-repository.url " + shown + " is not a valid H2 URL";
            }
            return "sparecast.job-repository.url " + shown + ": no JDBC driver for this database on the classpath"
                    + " (Sparecast ships H2 and PostgreSQL: jdbc:h2:... or jdbc:postgresql://host[:port]/database)";
        }
        return "Cannot open the job repository at " + shown + ": " + redacted(reason);
    }

    /** {@code url} without the value of a {@code password} parameter. */
    public static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Spring Batch's schema script fails on a second start, so run it only on an empty database. */
    private static void createSchemaIfMissing(DataSource dataSource, String url) {
        try (Connection connection = dataSource.getConnection()) {
            if (hasBatchTables(connection)) {
                return;
            }
            String platform = url.startsWith("jdbc:postgresql") ? "postgresql" : url.startsWith("jdbc:h2") ? "h2" : null;
            if (platform == null) {
                throw new IllegalStateException("Job repository at " + url
                        + " has no Spring Batch tables; create them with schema-<platform>.sql from spring-batch-core");
            }
            try {
                new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-" + platform
                        + ".sql")).populate(connection);
            } catch (RuntimeException e) {
                // Another process sharing a new repository created the tables first: that is fine.
                if (!hasBatchTables(connection)) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open job repository at " + url + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasBatchTables(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            while (tables.next()) {
                if ("BATCH_JOB_INSTANCE".equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
