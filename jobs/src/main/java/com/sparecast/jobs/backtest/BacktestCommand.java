package com.sparecast.jobs.backtest;

import com.sparecast.jobs.backtest.Backtest.MethodResult;
import com.sparecast.jobs.backtest.Backtest.Result;
import com.sparecast.jobs.format.Json;
import com.sparecast.jobs.format.Numbers;
import com.sparecast.jobs.input.DemandHistory;
import com.sparecast.jobs.input.Frequency;
import com.sparecast.jobs.input.InstalledBaseFile;
import com.sparecast.models.forecast.ForecastMethod;
import com.sparecast.models.forecast.Methods;
import com.sparecast.models.selection.AutomaticForecaster;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sparecast backtest}: the accuracy of every method and of the automatic choice on a
 * long-format demand history (CONTRACT.md, "Backtest history file").
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Accuracy of every forecasting method and of the automatic per-series choice on a demand history.",
            "Each series' last HOLDOUT periods are held out; methods forecast HORIZON periods from the rest."})
public class BacktestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HistoryOptions input;

    @Option(names = "--holdout", paramLabel = "N", description = "Periods held out at the end (default: the horizon).")
    Integer holdout;

    @Option(names = "--methods", split = ",", paramLabel = "A,B",
            description = "Methods to compare (default: all); the automatic choice picks among them. Known: "
                    + "Naive, HistoricAverage, MovingAverage, SimpleExponentialSmoothing, HoltDamped, CrostonClassic, "
                    + "CrostonOptimized, CrostonSBA, TSB, ADIDA, IMAPA.")
    List<String> methods;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--default-method", paramLabel = "ALIAS", defaultValue = "auto",
            description = "The automatic choice's default method: auto (default) chooses it on the training parts, "
                    + "the candidate with which the automatic choice forecast their last periods best; or a method alias.")
    String defaultMethod;

    @Override
    public Integer call() throws IOException {
        int horizon = input.horizon();
        int n = holdout == null ? horizon : holdout;
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--holdout must be >= 1, got " + n);
        }
        Frequency f = input.frequency();
        List<ForecastMethod> chosen = new ArrayList<>();
        try {
            if (methods == null || methods.isEmpty()) {
                chosen.addAll(Methods.standard());
            } else {
                for (String alias : methods) {
                    ForecastMethod m = Methods.byAlias(alias);
                    if (chosen.stream().noneMatch(c -> c.alias().equals(m.alias()))) {
                        chosen.add(m);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--methods: " + e.getMessage());
        }
        DemandHistory h = input.readHistory(f);
        InstalledBaseFile base = input.readInstalledBase(h.frequency());
        AutomaticForecaster auto = AutomaticForecaster.withDefaults().withCandidates(chosen);
        boolean chooseDefault = "auto".equalsIgnoreCase(defaultMethod);
        if (!chooseDefault) {
            try {
                auto = auto.withDefault(Methods.byAlias(defaultMethod).alias());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--default-method: " + e.getMessage());
            }
        }
        Result result = Backtest.run(h, horizon, n, chosen, auto, chooseDefault, base);
        PrintWriter out = spec.commandLine().getOut();
        out.print(table(h, horizon, n, result));
        out.flush();
        if (json != null) {
            Files.writeString(json, Json.write(toJson(h, horizon, n, result), Numbers::significant, Json.indented()),
                    StandardCharsets.UTF_8);
        }
        return 0;
    }

    /** The JSON of CONTRACT.md, keys in the contract's order. */
    static Map<String, Object> toJson(DemandHistory h, int horizon, int holdout, Result r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("series", r.series());
        root.put("excluded", r.excluded());
        root.put("horizon", horizon);
        root.put("holdout", holdout);
        root.put("frequency", h.frequency().label());
        Map<String, Object> methods = new LinkedHashMap<>();
        for (Map.Entry<String, MethodResult> e : r.methods().entrySet()) {
            MethodResult m = e.getValue();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mase_mean", m.maseMean());
            o.put("mase_median", m.maseMedian());
            o.put("rmsse_mean", m.rmsseMean());
            o.put("mae_mean", m.maeMean());
            o.put("bias_mean", m.biasMean());
            o.put("coverage_80", m.coverage80());
            o.put("coverage_95", m.coverage95());
            o.put("seconds", m.seconds());
            o.put("coverage_80_plain", m.coverage80Plain());
            o.put("coverage_95_plain", m.coverage95Plain());
            methods.put(e.getKey(), o);
        }
        root.put("methods", methods);
        root.put("auto_default", r.autoDefault());
        if (!r.defaultTrials().isEmpty()) {
            root.put("auto_default_trials", r.defaultTrials());
        }
        return root;
    }

    static String table(DemandHistory h, int horizon, int holdout, Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d series (%d excluded), %s buckets %s to %s, holdout %d, horizon %d%n",
                r.series(), r.excluded(), h.frequency().label(), h.start(), h.end(), holdout, horizon));
        b.append(String.format(Locale.ROOT, "%-28s %8s %8s %8s %8s %8s %7s %7s %7s %7s %8s%n", "method", "RMSSE",
                "MASE", "MASE med", "MAE", "bias", "cov80", "cov95", "plain80", "plain95", "cpu s"));
        for (Map.Entry<String, MethodResult> e : r.methods().entrySet()) {
            MethodResult m = e.getValue();
            b.append(String.format(Locale.ROOT, "%-28s %8.4f %8.4f %8.4f %8.4f %+8.4f %7.3f %7.3f %7.3f %7.3f %8.2f%n",
                    e.getKey(), m.rmsseMean(), m.maseMean(), m.maseMedian(), m.maeMean(), m.biasMean(), m.coverage80(),
                    m.coverage95(), m.coverage80Plain(), m.coverage95Plain(), m.seconds()));
        }
        b.append("Auto chose: ");
        List<String> parts = new ArrayList<>();
        r.autoChoices().forEach((k, v) -> parts.add(k + " " + v));
        b.append(String.join(", ", parts)).append(System.lineSeparator());
        if (r.defaultTrials().isEmpty()) {
            b.append("Auto default: ").append(r.autoDefault()).append(" (given)").append(System.lineSeparator());
        } else {
            List<String> trials = new ArrayList<>();
            r.defaultTrials().forEach((k, v) -> trials.add(String.format(Locale.ROOT, "%s %.4f", k, v)));
            b.append(String.format(Locale.ROOT, "Auto default: %s, chosen on the training parts in %.2f s (mean RMSSE "
                    + "of Auto on their last periods with each default: %s)%n", r.autoDefault(), r.defaultSeconds(),
                    String.join(", ", trials)));
        }
        b.append(String.format(Locale.ROOT, "wall time %.2f s on %d cores (cpu s: CPU seconds of each method, summed "
                + "over threads; cov80/cov95 count an outcome on an atom by the share of its probability inside the "
                + "interval, plain80/plain95 count it whole)%n", r.wallSeconds(), Runtime.getRuntime().availableProcessors()));
        return b.toString();
    }
}
