package com.sparecast.jobs.forecasting;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;

import com.sparecast.jobs.spark.Columns;
import com.sparecast.jobs.stage.ForecastSchema;
import com.sparecast.jobs.stage.Stage;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Builds the dense weekly history of every (part, region) series, and of each part's total over
 * all regions (region {@link ForecastSchema#ALL_REGIONS}, the central warehouse's series), inside
 * the Spark executors: missing weeks are zero, the training window ends before the first
 * incomplete week, and a part that started selling inside the window has history from its first
 * week only.
 */
final class SeriesHistories implements FlatMapGroupsFunction<String, Row, Row> {

    private static final long serialVersionUID = 1L;

    /** part_no, region, first_week, history (demand per week, oldest first). */
    static final StructType SCHEMA = new StructType()
            .add("part_no", DataTypes.StringType, false)
            .add("region", DataTypes.StringType, false)
            .add("first_week", DataTypes.DateType, false)
            .add("history", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    private final LocalDate windowStart;
    private final int windowWeeks;

    private SeriesHistories(LocalDate windowStart, int windowWeeks) {
        this.windowStart = windowStart;
        this.windowWeeks = windowWeeks;
    }

    /**
     * The histories ({@link #SCHEMA}) of the weekly demand {@code weekly} (part_no, region, week,
     * quantity). The rows are grouped by part alone, so that a part's regional series and its
     * total are built in one task from one shuffle of the weekly rows (columns, not a Java key:
     * the rows cross the shuffle as Spark holds them).
     *
     * @param firstIncompleteWeek the week after the last complete one
     * @param windowWeeks training window in weeks
     */
    static Dataset<Row> of(Dataset<Row> weekly, LocalDate firstIncompleteWeek, int windowWeeks) {
        LocalDate windowStart = firstIncompleteWeek.minusWeeks(windowWeeks);
        Dataset<Row> days = weekly.select(col("part_no"), col("region"),
                datediff(col("week"), lit(Date.valueOf(windowStart))).as("days"), col("quantity"));
        // Spread first: grouped by bytes, the shuffle would be coalesced into a few uneven tasks.
        return Stage.spread(days, col("part_no")).groupBy(col("part_no")).as(Encoders.STRING(), Encoders.row(days.schema()))
                .flatMapGroups(new SeriesHistories(windowStart, windowWeeks), Encoders.row(SCHEMA));
    }

    /** One part's rows (part_no, region, days from the window's start, quantity): its series, then its total. */
    @Override
    public Iterator<Row> call(String partNo, Iterator<Row> weeks) {
        Map<String, Series> byRegion = new TreeMap<>();
        Series total = new Series();
        while (weeks.hasNext()) {
            Row row = weeks.next();
            // Whole weeks from the window's start, as ChronoUnit.WEEKS counts them (toward zero).
            int week = row.getInt(2) / 7;
            long quantity = row.getLong(3);
            byRegion.computeIfAbsent(row.getString(1), r -> new Series()).add(week, quantity);
            total.add(week, quantity);
        }
        List<Row> out = new ArrayList<>(byRegion.size() + 1);
        byRegion.forEach((region, series) -> out.add(series.row(partNo, region)));
        out.add(total.row(partNo, ForecastSchema.ALL_REGIONS));
        return out.iterator();
    }

    /** One series' demand per week of the window, and its first week (which may precede the window). */
    private final class Series {

        private final double[] window = new double[windowWeeks];
        private int earliest = Integer.MAX_VALUE;

        void add(int week, long quantity) {
            earliest = Math.min(earliest, week);
            if (week >= 0 && week < windowWeeks) {
                window[week] += quantity;
            }
        }

        Row row(String partNo, String region) {
            int start = Math.max(0, earliest);
            double[] history = Arrays.copyOfRange(window, start, windowWeeks);
            return RowFactory.create(partNo, region, Date.valueOf(windowStart.plusWeeks(start)), Columns.boxed(history));
        }
    }

    /** The history column of a row of {@link #SCHEMA}. */
    static double[] history(Row row) {
        return Columns.doubles(row.getList(3));
    }
}
