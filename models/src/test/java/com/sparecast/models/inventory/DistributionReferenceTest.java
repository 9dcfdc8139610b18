package com.sparecast.models.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sparecast.models.distribution.NormalDemand;
import com.sparecast.models.distribution.DemandDistribution;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Poisson and negative-binomial quantiles and loss functions, and the normal loss function,
 * against R 4.2.2 (qpois, ppois, qnbinom, pnbinom, and the loss by summation over dpois and
 * dnbinom): src/test/resources/inventory/quantiles.csv and loss.csv, made by
 * src/test/R/inventory-reference.R. The normal loss is also checked against the unit normal
 * loss table G_u(k) of Silver, Pyke &amp; Thomas (2017), Appendix B (4 decimals).
 */
class DistributionReferenceTest {

    private static DemandDistribution of(Map<String, String> row) {
        return switch (row.get("family")) {
            case "poisson" -> DiscreteTestDemand.poisson(ReferenceTable.num(row, "param1"));
            case "negbinom" -> DiscreteTestDemand.negativeBinomial((int) ReferenceTable.num(row, "param1"),
                    ReferenceTable.num(row, "param2"));
            case "normal" -> NormalDemand.of(ReferenceTable.num(row, "param1"),
                    Math.pow(ReferenceTable.num(row, "param2"), 2));
            default -> throw new IllegalArgumentException(row.toString());
        };
    }

    @Test
    void quantilesAndCdfsMatchR() {
        var rows = ReferenceTable.read("/inventory/quantiles.csv");
        assertEquals(40, rows.size());
        for (var row : rows) {
            DemandDistribution d = of(row);
            double p = ReferenceTable.num(row, "p");
            double q = ReferenceTable.num(row, "quantile");
            assertEquals(q, d.quantile(p), 0, row::toString);
            assertEquals(ReferenceTable.num(row, "cdf_at_quantile"), d.cdf(q), 1e-12, row::toString);
        }
    }

    @Test
    void lossFunctionsMatchR() {
        var rows = ReferenceTable.read("/inventory/loss.csv");
        assertEquals(23, rows.size());
        for (var row : rows) {
            double s = ReferenceTable.num(row, "s");
            double expected = ReferenceTable.num(row, "loss");
            assertEquals(expected, of(row).expectedShortage(s), 1e-10 + 1e-9 * expected, row::toString);
        }
    }

    @Test
    void normalLossMatchesTheUnitNormalLossTable() {
        // Silver, Pyke & Thomas (2017), Appendix B, G_u(k): 0.3989, 0.0833, 0.0293, 0.0085.
        NormalDemand unit = NormalDemand.of(0, 1);
        assertEquals(0.3989, unit.expectedShortage(0.0), 5e-5);
        assertEquals(0.0833, unit.expectedShortage(1.0), 5e-5);
        assertEquals(0.0293, unit.expectedShortage(1.5), 5e-5);
        assertEquals(0.0085, unit.expectedShortage(2.0), 5e-5);
        // Scaling: sigma * G_u((s - mu) / sigma).
        NormalDemand d = NormalDemand.of(100, 400);
        assertEquals(20 * 0.0833154705876863, d.expectedShortage(120), 1e-12);
    }
}
