package com.sparecast.models.inventory;

import com.sparecast.models.distribution.DemandDistribution;
import java.util.List;

/**
 * Test-only demand over an uncertain lead time with a finite distribution: the mixture
 * {@code sum_l w_l F_l}. Mean, cdf and loss function are the weighted sums; the variance adds
 * the spread of the component means; quantiles by search on the cdf over whole numbers.
 */
final class MixtureTestDemand implements DemandDistribution {

    private final List<DemandDistribution> parts;
    private final double[] weights;

    MixtureTestDemand(List<DemandDistribution> parts, double[] weights) {
        this.parts = List.copyOf(parts);
        this.weights = weights.clone();
    }

    @Override
    public String name() {
        return "Mixture";
    }

    @Override
    public double mean() {
        double m = 0;
        for (int i = 0; i < weights.length; i++) {
            m += weights[i] * parts.get(i).mean();
        }
        return m;
    }

    @Override
    public double variance() {
        double mean = mean();
        double v = 0;
        for (int i = 0; i < weights.length; i++) {
            double d = parts.get(i).mean() - mean;
            v += weights[i] * (parts.get(i).variance() + d * d);
        }
        return v;
    }

    @Override
    public double quantile(double p) {
        long x = 0;
        while (cdf(x) < p) {
            x++;
        }
        return x;
    }

    @Override
    public double cdf(double x) {
        double c = 0;
        for (int i = 0; i < weights.length; i++) {
            c += weights[i] * parts.get(i).cdf(x);
        }
        return c;
    }

    @Override
    public double expectedShortage(double s) {
        double g = 0;
        for (int i = 0; i < weights.length; i++) {
            g += weights[i] * parts.get(i).expectedShortage(s);
        }
        return g;
    }
}
