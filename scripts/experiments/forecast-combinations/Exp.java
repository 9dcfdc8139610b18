package com.sparecast.models.selection;

import com.sparecast.jobs.input.DemandHistory;
import com.sparecast.jobs.input.Frequency;
import com.sparecast.models.distribution.DemandDistribution;
import com.sparecast.models.distribution.LeadTimeDemandModel;
import com.sparecast.models.forecast.FittedForecast;
import com.sparecast.models.forecast.ForecastMethod;
import com.sparecast.models.forecast.HoltDamped;
import com.sparecast.models.forecast.Methods;
import com.sparecast.models.forecast.Naive;
import com.sparecast.models.series.DemandClass;
import com.sparecast.models.series.IntermittencyStatistics;
import java.nio.file.Path;
import java.util.*;
import java.util.function.*;

/** Scratch experiment: combination variants on a validation split. */
public class Exp {
    static final int H = 12;
    static final double[] SCALES = {0.6, 0.7, 0.8, 0.9, 1.1};
    static final List<ForecastMethod> M = Methods.standard();
    static final LeadTimeDemandModel MODEL = LeadTimeDemandModel.withDefaults();

    /** A variant: given scores, fits, auto choice index; returns member indices and whether median. */
    record Combo(int[] members, boolean median) {}

    static final Map<String, Function<Ctx, Combo>> VARIANTS = new LinkedHashMap<>();

    record Ctx(SelectionRule.Scores s, double[] mse, boolean[] ok, int auto, int def, boolean intermittent) {}

    static int[] bestK(Ctx c, int k) {
        Integer[] idx = new Integer[M.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        List<Integer> ok = new ArrayList<>();
        for (int i : idx) if (c.ok[i]) ok.add(i);
        ok.sort(Comparator.comparingDouble(i -> c.mse[i]));
        if (ok.isEmpty()) return new int[]{c.auto};
        return ok.subList(0, Math.min(k, ok.size())).stream().mapToInt(Integer::intValue).toArray();
    }
    static int idx(String a) { for (int i = 0; i < M.size(); i++) if (M.get(i).alias().equals(a)) return i; throw new IllegalArgumentException(a); }
    static int[] fixed(Ctx c, String... aliases) { return Arrays.stream(aliases).mapToInt(Exp::idx).toArray(); }

    static {
        VARIANTS.put("Auto", c -> new Combo(new int[]{c.auto}, false));
        for (int k = 2; k <= 6; k++) { int kk = k; VARIANTS.put("MeanBest" + k, c -> new Combo(bestK(c, kk), false)); }
        VARIANTS.put("MedianBest3", c -> new Combo(bestK(c, 3), true));
        VARIANTS.put("MedianBest5", c -> new Combo(bestK(c, 5), true));
        VARIANTS.put("MeanAllOk", c -> new Combo(bestK(c, 99), false));
        VARIANTS.put("MedianAllOk", c -> new Combo(bestK(c, 99), true));
        VARIANTS.put("Mean{HA,SES,TSB,ADIDA,IMAPA}", c -> new Combo(fixed(c, "HistoricAverage", "SimpleExponentialSmoothing", "TSB", "ADIDA", "IMAPA"), false));
        VARIANTS.put("Mean{SES,TSB,ADIDA}", c -> new Combo(fixed(c, "SimpleExponentialSmoothing", "TSB", "ADIDA"), false));
        VARIANTS.put("Mean{HA,TSB,ADIDA}", c -> new Combo(fixed(c, "HistoricAverage", "TSB", "ADIDA"), false));
        VARIANTS.put("Mean{HA,SES,TSB,ADIDA,IMAPA,CrOpt,MA}", c -> new Combo(fixed(c, "HistoricAverage", "SimpleExponentialSmoothing", "TSB", "ADIDA", "IMAPA", "CrostonOptimized", "MovingAverage"), false));
        VARIANTS.put("Median{HA,SES,TSB,ADIDA,IMAPA}", c -> new Combo(fixed(c, "HistoricAverage", "SimpleExponentialSmoothing", "TSB", "ADIDA", "IMAPA"), true));
        VARIANTS.put("Mean{Auto,Default}", c -> new Combo(c.auto == c.def || c.def < 0 ? new int[]{c.auto} : new int[]{c.auto, c.def}, false));
        VARIANTS.put("Mean{Auto,Best3}", c -> { int[] b = bestK(c, 3); int[] o = Arrays.copyOf(b, b.length + 1); o[b.length] = c.auto; return new Combo(o, false); });
    }

    public static void main(String[] a) throws Exception {
        Frequency f = Frequency.parse(a[1]);
        DemandHistory h = DemandHistory.read(Path.of(a[0]), f);
        String defAlias = a[2];
        AutomaticForecaster auto = AutomaticForecaster.withDefaults().withDefault(defAlias);
        SelectionRule rule = new SelectionRule(M, 1.0, 0.1);
        List<String> names = new ArrayList<>(M.stream().map(ForecastMethod::alias).toList());
        names.addAll(VARIANTS.keySet());
        for (double c : SCALES) names.add("Auto x " + c);
        names.add("oracle best method"); names.add("oracle flat mean"); names.add("zero");
        int V = names.size();
        List<double[][]> rows = h.series().parallelStream().map(sd -> {
            double[] y = sd.demand();
            int n = y.length - H;
            if (n < 2) return null;
            double[] train = Arrays.copyOf(y, n);
            double[] actual = Arrays.copyOfRange(y, n, n + H);
            double[] scale = ErrorMeasures.naiveScale(train);
            boolean scored = scale[0] > 0 && scale[1] > 0;
            double[][] out = new double[3][V]; // rmsse, in80, in95
            FittedForecast[] fits = new FittedForecast[M.size()];
            for (int m = 0; m < M.size(); m++) {
                fits[m] = M.get(m).fit(train);
                SeriesForecast sf = AutomaticForecaster.forecastWith(M.get(m), train, H);
                eval(train, actual, sf, out, m);
            }
            IntermittencyStatistics st = IntermittencyStatistics.of(train);
            SeriesForecast af = auto.forecast(train, H);
            int autoIdx = names.indexOf(af.method());
            SelectionRule.Scores s = (st.nonZeroPeriods() == 0 || n < 16) ? null : rule.score(train, H, st.demandClass());
            int col = M.size();
            for (Map.Entry<String, Function<Ctx, Combo>> e : VARIANTS.entrySet()) {
                SeriesForecast cf;
                if (s == null || autoIdx < 0) {
                    cf = af;
                } else {
                    double[] mse = new double[M.size()]; boolean[] ok = new boolean[M.size()]; for (int q = 0; q < M.size(); q++) { mse[q] = s.mse(q); ok[q] = s.usable(q); }
                    
                    int def = s.defaultIndex(defAlias);
                    Combo combo = e.getValue().apply(new Ctx(s, mse, ok, autoIdx, def, false));
                    FittedForecast[] members = new FittedForecast[combo.members().length];
                    for (int i = 0; i < members.length; i++) {
                        FittedForecast ff = s.fit(combo.members()[i]);
                        members[i] = ff != null ? ff : fits[combo.members()[i]];
                    }
                    FittedForecast cfit = new Combined(members, combo.median());
                    cf = new SeriesForecast(e.getKey(), "", st.demandClass(), st, cfit.forecast(H),
                            ErrorVariance.inSampleMse(train, cfit.fitted()), ErrorVariance.spanMse(train, cfit, 12));
                }
                eval(train, actual, cf, out, col++);
            }
            for (double c : SCALES) {
                double[] fc = af.mean().clone();
                for (int t = 0; t < fc.length; t++) fc[t] *= c;
                out[0][col++] = ErrorMeasures.of(train, actual, fc).rmsse();
            }
            double best = Double.POSITIVE_INFINITY;
            for (int m = 0; m < M.size(); m++) best = Math.min(best, out[0][m]);
            out[0][col++] = best;
            double am = Arrays.stream(actual).average().orElse(0);
            double[] flat = new double[H]; Arrays.fill(flat, am);
            out[0][col++] = ErrorMeasures.of(train, actual, flat).rmsse();
            out[0][col++] = ErrorMeasures.of(train, actual, new double[H]).rmsse();
            if (!scored) out[0][0] = Double.NaN;
            return out;
        }).filter(Objects::nonNull).toList();
        double[] sum = new double[V]; double[] c80 = new double[V]; double[] c95 = new double[V];
        int used = 0; long steps = 0;
        for (double[][] r : rows) {
            steps += H;
            for (int v = 0; v < V; v++) { c80[v] += r[1][v]; c95[v] += r[2][v]; }
            if (Double.isNaN(r[0][0])) continue;
            used++;
            for (int v = 0; v < V; v++) sum[v] += r[0][v];
        }
        for (int v = 0; v < V; v++) System.out.printf(Locale.ROOT, "%-42s %.4f %.3f %.3f%n", names.get(v), sum[v] / used, c80[v] / steps, c95[v] / steps);
    }

    static void eval(double[] train, double[] actual, SeriesForecast sf, double[][] out, int col) {
        out[0][col] = ErrorMeasures.of(train, actual, Arrays.copyOf(sf.mean(), actual.length)).rmsse();
        DemandDistribution[] p = MODEL.perPeriod(sf);
        for (int t = 0; t < actual.length; t++) {
            out[1][col] += inside(p[t], actual[t], 0.1, 0.9);
            out[2][col] += inside(p[t], actual[t], 0.025, 0.975);
        }
    }
    static double inside(DemandDistribution d, double y, double lo, double hi) {
        double upper = d.cdf(y);
        double lower = d.cdf(Math.nextDown(y));
        if (upper - lower <= 1e-12) return upper >= lo && upper <= hi ? 1 : 0;
        double overlap = Math.min(upper, hi) - Math.max(lower, lo);
        return Math.max(0, overlap) / (upper - lower);
    }

    static final class Combined implements FittedForecast {
        final FittedForecast[] m; final boolean median;
        Combined(FittedForecast[] m, boolean median) { this.m = m; this.median = median; }
        double[] comb(Function<FittedForecast, double[]> g) {
            double[][] a = new double[m.length][];
            for (int i = 0; i < m.length; i++) a[i] = g.apply(m[i]);
            double[] o = new double[a[0].length];
            double[] tmp = new double[m.length];
            for (int t = 0; t < o.length; t++) {
                for (int i = 0; i < m.length; i++) tmp[i] = a[i][t];
                if (median) { double[] s = tmp.clone(); Arrays.sort(s); int k = s.length; o[t] = k % 2 == 1 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2; if (Arrays.stream(s).anyMatch(Double::isNaN)) o[t] = Double.NaN; }
                else { double x = 0; for (double v : tmp) x += v; o[t] = x / m.length; }
            }
            return o;
        }
        public double[] forecast(int h) { return comb(f -> f.forecast(h)); }
        public double[] fitted() { return comb(FittedForecast::fitted); }
        public double[] fitted(int s) { return comb(f -> f.fitted(s)); }
        public Map<String, Double> parameters() { return Map.of(); }
    }
}
