package com.sparecast.jobs.simulate;

import com.sparecast.jobs.simulate.PolicyComparison.Outcome;
import com.sparecast.models.inventory.AbcClass;
import com.sparecast.models.inventory.LeadTimeDemandCalibration;
import com.sparecast.models.series.DemandClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A row of the lead-time-demand calibration: an ABC class (or ALL) and a demand class (or ALL). */
record CalibrationRow(String abcClass, String demandClass, LeadTimeDemandCalibration tally) {

    /** Per ABC class: each demand class, then the class as a whole; then all classes. */
    static List<CalibrationRow> rows(Outcome o) {
        List<CalibrationRow> rows = new ArrayList<>();
        LeadTimeDemandCalibration overall = LeadTimeDemandCalibration.EMPTY;
        for (Map.Entry<AbcClass, Map<DemandClass, LeadTimeDemandCalibration>> c : o.calibration().entrySet()) {
            LeadTimeDemandCalibration all = LeadTimeDemandCalibration.EMPTY;
            for (Map.Entry<DemandClass, LeadTimeDemandCalibration> d : c.getValue().entrySet()) {
                rows.add(new CalibrationRow(c.getKey().name(), d.getKey().name(), d.getValue()));
                all = all.plus(d.getValue());
            }
            rows.add(new CalibrationRow(c.getKey().name(), "ALL", all));
            overall = overall.plus(all);
        }
        rows.add(new CalibrationRow("ALL", "ALL", overall));
        return rows;
    }
}
