package com.sparecast.jobs.forecasting;

import static org.apache.spark.sql.functions.col;

import com.sparecast.jobs.config.ConfigurationException;
import com.sparecast.jobs.config.Settings;
import com.sparecast.jobs.stage.Datasets;
import com.sparecast.jobs.stage.ForecastSchema;
import com.sparecast.jobs.stage.Stage;
import com.sparecast.jobs.stage.StageTasklet;
import com.sparecast.models.forecast.Methods;
import com.sparecast.models.selection.AutomaticForecaster;
import com.sparecast.models.selection.DefaultMethodTrials;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Step {@code forecastDemand}: one forecast per (part, region) series, computed by the models'
 * automatic forecaster in the executors: the weekly histories ({@link SeriesHistories}), the
 * automatic choice's default chosen on all of them (a map and an exact fold), then a forecast per
 * history; the driver only coordinates.
 */
public final class ForecastDemandTasklet extends StageTasklet {

    private static final Logger LOG = LogManager.getLogger(ForecastDemandTasklet.class);

    public ForecastDemandTasklet(Settings settings, Supplier<SparkSession> spark) {
        super(settings, spark);
    }

    /**
     * The forecast settings ({@code sparecast.forecast.*}); the nightly run reads them before it
     * starts, so that a bad value is a configuration error before any step runs.
     *
     * @param defaultMethod {@code auto} or a standard method's alias
     */
    public record Forecasting(int historyWeeks, int horizonWeeks, String defaultMethod) {

        /** @throws ConfigurationException naming the key of a missing or invalid value */
        public static Forecasting from(Settings settings) {
            int history = settings.getInt("sparecast.forecast.history-weeks");
            int horizon = settings.getInt("sparecast.forecast.horizon-weeks");
            if (history < 1 || horizon < 1) {
                throw new ConfigurationException("sparecast.forecast.history-weeks and horizon-weeks must be >= 1, got "
                        + history + " and " + horizon);
            }
            String method = settings.get("sparecast.forecast.default-method").trim();
            if (!"auto".equalsIgnoreCase(method)) {
                try {
                    method = Methods.byAlias(method).alias();
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException("sparecast.forecast.default-method: " + e.getMessage()
                            + ", or auto");
                }
            }
            return new Forecasting(history, horizon, method);
        }
    }

    @Override
    protected void run(Stage stage) {
        Forecasting settings = Forecasting.from(stage.settings());
        int windowWeeks = settings.historyWeeks();
        int horizon = settings.horizonWeeks();
        // The central warehouse plans from what all regions draw: each part's total is a series too.
        stage.write(SeriesHistories.of(stage.read(Datasets.WEEKLY_DEMAND), stage.run().firstIncompleteWeek(),
                windowWeeks), Datasets.SERIES_HISTORIES);
        Dataset<Row> histories = stage.read(Datasets.SERIES_HISTORIES);
        // One spread of the histories for both passes over them (the default's trials, then the
        // forecasts): the second job reuses the first one's shuffle output instead of shuffling again.
        JavaRDD<Row> spread = Stage.spread(histories, col("part_no"), col("region")).javaRDD();
        AutomaticForecaster auto = automaticForecaster(settings.defaultMethod(), spread, horizon);
        Dataset<Row> forecasts = histories.sparkSession()
                .createDataFrame(spread.map(new SeriesForecaster(auto, horizon)), ForecastSchema.SERIES);
        Map<String, Long> written = stage.write(forecasts, Datasets.SERIES_FORECASTS,
                Map.of("regional", col("region").notEqual(ForecastSchema.ALL_REGIONS), "failed", col("error").isNotNull()));
        // Read: the (part, region) series; written: those plus each part's all-region total.
        stage.countRead(written.get("regional"));
        stage.countWritten(written.get("rows"));
        stage.countRejected(written.get("failed"));
    }

    /**
     * The automatic forecaster with its default: the method named by the setting, or with
     * {@code auto}, the one with which the automatic choice forecast the last weeks of all series
     * best (trials computed in the executors, summed exactly, so the choice is the same on any
     * number of partitions).
     */
    static AutomaticForecaster automaticForecaster(String defaultMethod, JavaRDD<Row> histories, int horizon) {
        AutomaticForecaster standard = AutomaticForecaster.withDefaults();
        if (!"auto".equalsIgnoreCase(defaultMethod)) {
            return standard.withDefault(defaultMethod);
        }
        List<String> aliases = standard.aliases();
        DefaultMethodTrials trials = histories
                .map(row -> DefaultMethodTrials.of(aliases, standard.defaultTrial(SeriesHistories.history(row), horizon)))
                .fold(DefaultMethodTrials.empty(aliases), DefaultMethodTrials::merge);
        if (trials.series() == 0) {
            LOG.info("Forecast default: {} (no series long enough to choose on)", standard.defaultMethod());
            return standard;
        }
        AutomaticForecaster chosen = standard.withDefault(trials.best());
        LOG.info("Forecast default: {}, chosen on {} series (mean RMSSE of the automatic choice on their last weeks "
                + "with each default: {})", chosen.defaultMethod(), trials.series(), rounded(trials.means()));
        return chosen;
    }

    private static String rounded(java.util.Map<String, Double> means) {
        List<String> parts = new java.util.ArrayList<>();
        means.forEach((alias, mean) -> parts.add(String.format(java.util.Locale.ROOT, "%s %.4f", alias, mean)));
        return String.join(", ", parts);
    }
}
