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
 * automatic choice's default chosen on them, or on a fixed sample of a large portfolio (a map and
 * an exact fold), then a forecast per history; the driver only coordinates.
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
     * @param defaultTrialSeries with {@code auto}, the most series the default is chosen on (a
     *     sample, see {@link #inTrialSample}); 0 for all of them
     */
    public record Forecasting(int historyWeeks, int horizonWeeks, String defaultMethod, int defaultTrialSeries) {

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
            return new Forecasting(history, horizon, method, settings.getInt("sparecast.forecast.default-trial-series"));
        }
    }

    @Override
    protected void run(Stage stage) {
        Forecasting settings = Forecasting.from(stage.settings());
        int windowWeeks = settings.historyWeeks();
        int horizon = settings.horizonWeeks();
        // The central warehouse plans from what all regions draw: each part's total is a series too.
        long series = stage.write(SeriesHistories.of(stage.read(Datasets.WEEKLY_DEMAND),
                stage.run().firstIncompleteWeek(), windowWeeks), Datasets.SERIES_HISTORIES);
        Dataset<Row> histories = stage.read(Datasets.SERIES_HISTORIES);
        // One spread of the histories for both passes over them (the default's trials, then the
        // forecasts): the second job reuses the first one's shuffle output instead of shuffling again.
        JavaRDD<Row> spread = Stage.spread(histories, col("part_no"), col("region")).javaRDD();
        AutomaticForecaster auto = automaticForecaster(settings, spread, series);
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
     * {@code auto}, the one with which the automatic choice forecast the last weeks of the series
     * best (trials computed in the executors, summed exactly, so the choice is the same on any
     * number of partitions).
     *
     * @param series how many rows {@code histories} holds
     */
    static AutomaticForecaster automaticForecaster(Forecasting settings, JavaRDD<Row> histories, long series) {
        AutomaticForecaster standard = AutomaticForecaster.withDefaults();
        if (!"auto".equalsIgnoreCase(settings.defaultMethod())) {
            return standard.withDefault(settings.defaultMethod());
        }
        DefaultMethodTrials trials = defaultTrials(standard, histories,
                trialShare(settings.defaultTrialSeries(), series), settings.horizonWeeks());
        if (trials.series() == 0) {
            LOG.info("Forecast default: {} (no series long enough to choose on)", standard.defaultMethod());
            return standard;
        }
        AutomaticForecaster chosen = standard.withDefault(trials.best());
        LOG.info("Forecast default: {}, chosen on {} of {} series (mean RMSSE of the automatic choice on their last "
                + "weeks with each default: {})", chosen.defaultMethod(), trials.series(), series, rounded(trials.means()));
        return chosen;
    }

    /**
     * The default's trials on the histories {@link #inTrialSample in the sample} of this share.
     * Each trial is a second automatic choice per series, as costly as its forecast. The default
     * is a property of the whole portfolio, which candidate's mean RMSSE is least, and the
     * candidates are compared on the same series, so a sample measures their differences closely:
     * on the large profile (252,911 series) all series gave HistoricAverage 0.7556 and ADIDA, the
     * next, 0.7614; the sample of 19,694 gave 0.7514 and 0.7572 (SES tied), the same lead of 0.0058.
     */
    static DefaultMethodTrials defaultTrials(AutomaticForecaster standard, JavaRDD<Row> histories, double share,
                                             int horizon) {
        List<String> aliases = standard.aliases();
        JavaRDD<Row> sample = share >= 1 ? histories
                : histories.filter(row -> inTrialSample(row.getString(0), row.getString(1), share));
        return sample
                .map(row -> DefaultMethodTrials.of(aliases, standard.defaultTrial(SeriesHistories.history(row), horizon)))
                .fold(DefaultMethodTrials.empty(aliases), DefaultMethodTrials::merge);
    }

    /** The share of {@code series} to choose the default on, at most {@code cap} of them (0: no cap). */
    static double trialShare(int cap, long series) {
        return cap == 0 || series <= cap ? 1 : (double) cap / series;
    }

    /**
     * Whether the series of this part and region is in the default's trial sample of this share:
     * a hash of the two (String's, which the language fixes) mixed into [0, 1) and compared with
     * the share, so the sample is the same on every run, JVM and partitioning, and a smaller sample
     * is part of a larger one (a growing portfolio changes it little).
     */
    static boolean inTrialSample(String partNo, String region, double share) {
        long h = partNo.hashCode() * 0x9E3779B97F4A7C15L + region.hashCode();
        // SplitMix64's finaliser: every bit of the key moves every bit of the hash.
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return (h >>> 11) * 0x1.0p-53 < share;
    }

    private static String rounded(java.util.Map<String, Double> means) {
        List<String> parts = new java.util.ArrayList<>();
        means.forEach((alias, mean) -> parts.add(String.format(java.util.Locale.ROOT, "%s %.4f", alias, mean)));
        return String.join(", ", parts);
    }
}
