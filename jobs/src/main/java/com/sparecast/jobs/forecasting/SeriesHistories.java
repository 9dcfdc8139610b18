package com.sparecast.jobs.forecasting;

import com.sparecast.jobs.spark.Columns;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Builds one (part, region) series' dense weekly history inside a Spark executor: missing weeks
 * are zero, the training window ends before the first incomplete week, and a part that started
 * selling inside the window has history from its first week only.
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

    /**
     * @param firstIncompleteWeek the week after the last complete one
     * @param windowWeeks training window in weeks
     */
    SeriesHistories(LocalDate firstIncompleteWeek, int windowWeeks) {
        this.windowStart = firstIncompleteWeek.minusWeeks(windowWeeks);
        this.windowWeeks = windowWeeks;
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> weeks) {
        double[] window = new double[windowWeeks];
        String partNo = null;
        String region = null;
        LocalDate earliest = null;
        while (weeks.hasNext()) {
            Row row = weeks.next();
            partNo = row.getString(0);
            region = row.getString(1);
            LocalDate week = row.getDate(2).toLocalDate();
            earliest = earliest == null || week.isBefore(earliest) ? week : earliest;
            int index = (int) ChronoUnit.WEEKS.between(windowStart, week);
            if (index >= 0 && index < windowWeeks) {
                window[index] += row.getLong(3);
            }
        }
        int start = earliest.isBefore(windowStart) ? 0 : (int) ChronoUnit.WEEKS.between(windowStart, earliest);
        double[] history = Arrays.copyOfRange(window, start, windowWeeks);
        return List.of(RowFactory.create(partNo, region, Date.valueOf(windowStart.plusWeeks(start)), Columns.boxed(history)))
                .iterator();
    }

    /** The history column of a row of {@link #SCHEMA}. */
    static double[] history(Row row) {
        return Columns.doubles(row.getList(3));
    }
}
