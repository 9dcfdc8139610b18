package com.sparecast.models.bench;

import com.sparecast.models.distribution.LeadTime;
import com.sparecast.models.inventory.PlanLine;
import com.sparecast.models.inventory.PolicyDecision;
import com.sparecast.models.inventory.ResponseCurve;
import com.sparecast.models.selection.AutomaticForecaster;
import com.sparecast.models.selection.SeriesForecast;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-line work of the nightly plan step, without Spark: a line planned by {@link PlanLine}
 * (its {@code D_{L+R}} and {@code D_L} from the forecast and history), its response curve, the
 * class-wide multiplier over the lines, and each line's decision at it (levels, order, rounding),
 * as {@code PlanLineCalculator} does for the lines of one warehouse's class.
 *
 * <p>Throughput is plan lines per second per thread ({@code @OperationsPerInvocation}); run with
 * {@code -t 2} for two cores. The series are {@link SyntheticSeries} (seeded, every SBC class),
 * as {@link AutomaticForecasterBenchmark}'s, forecast once in the set-up: the forecast is the
 * forecast step's work, not the plan step's. Most of those series are lumpy and take the bootstrap;
 * {@link #planClassWideOverdispersed} plans smooth and erratic ones
 * ({@link SyntheticSeries#overdispersed}), where the negative binomial, whose loss function is the
 * costly part of a level (issue 17), is in 83% of the lines. Lead time: the defaults' supplier lead time, 35 days with sd 7, in weeks, review 1 week,
 * target 0.95.
 *
 * <pre>
 * mvn -o -q -pl models test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp models/target/test-classes:models/target/classes:$(cat models/target/cp.txt) org.openjdk.jmh.Main PlanLineBenchmark -t 2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanLineBenchmark {

    static final int LINES = 1000;
    static final int WEEKS = 104;
    static final double TARGET = 0.95;
    static final double REVIEW_WEEKS = 1;

    double[][] histories;
    SeriesForecast[] forecasts;
    double[][] overdispersedHistories;
    SeriesForecast[] overdispersedForecasts;
    LeadTime leadTime;
    PlanLine planLine;

    @Setup
    public void setUp() {
        histories = SyntheticSeries.of(LINES, WEEKS);
        AutomaticForecaster auto = AutomaticForecaster.withDefaults();
        forecasts = new SeriesForecast[LINES];
        overdispersedHistories = SyntheticSeries.overdispersed(LINES, WEEKS);
        overdispersedForecasts = new SeriesForecast[LINES];
        for (int i = 0; i < LINES; i++) {
            forecasts[i] = auto.forecast(histories[i], 26);
            overdispersedForecasts[i] = auto.forecast(overdispersedHistories[i], 26);
        }
        leadTime = LeadTime.ofLane(35, 7, 0, 0, 7);
        planLine = PlanLine.withDefaults();
    }

    /** Plan, curve, the class's multiplier and every line's decision: the nightly plan of 1,000 lines. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void planClassWide(Blackhole bh) {
        planClass(histories, forecasts, bh);
    }

    /** As {@link #planClassWide}, for lines whose demand takes the negative binomial. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void planClassWideOverdispersed(Blackhole bh) {
        planClass(overdispersedHistories, overdispersedForecasts, bh);
    }

    /**
     * As {@link #planClassWideOverdispersed}, with batches like a real plan's: order bands of width
     * 1 (40% of the lines), 2 (10%), 5 (20%), 10, 20 and 40 (10% each); the medium profile's plan
     * has 37% 1, 13% 2, 20% 5, 10% 10 and 14% 20 to 40. A curve's consecutive band starts then
     * share most of their levels.
     */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void planClassWideBatched(Blackhole bh) {
        planClass(overdispersedHistories, overdispersedForecasts, BATCHES, bh);
    }

    /** Pack sizes cycled over the lines for {@link #planClassWideBatched}. */
    static final int[] BATCHES = {1, 1, 1, 1, 2, 5, 5, 10, 20, 40};

    private void planClass(double[][] histories, SeriesForecast[] forecasts, Blackhole bh) {
        planClass(histories, forecasts, new int[] {1}, bh);
    }

    private void planClass(double[][] histories, SeriesForecast[] forecasts, int[] packs, Blackhole bh) {
        List<PlanLine.Planned> planned = new ArrayList<>(LINES);
        List<ResponseCurve> curves = new ArrayList<>(LINES);
        for (int i = 0; i < LINES; i++) {
            PlanLine.Planned line = planLine.plan(new PlanLine.Input(forecasts[i], histories[i], leadTime,
                    REVIEW_WEEKS, i + 1, TARGET, 2, 1, 0, packs[i % packs.length], 0, 0));
            planned.add(line);
            curves.add(planLine.curve(line));
        }
        double multiplier = planLine.allocation().multiplier(curves, TARGET);
        for (int i = 0; i < LINES; i++) {
            PolicyDecision decision = planLine.decide(planned.get(i), curves.get(i), multiplier);
            bh.consume(decision);
        }
    }

    /** The line's distributions only ({@link PlanLine#plan}), the part that grows with the history. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void planOnly(Blackhole bh) {
        for (int i = 0; i < LINES; i++) {
            bh.consume(planLine.plan(new PlanLine.Input(forecasts[i], histories[i], leadTime, REVIEW_WEEKS, i + 1,
                    TARGET, 2, 1, 0, 1, 0, 0)));
        }
    }
}
