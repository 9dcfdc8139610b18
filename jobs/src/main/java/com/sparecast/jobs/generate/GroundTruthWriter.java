package com.sparecast.jobs.generate;

import com.sparecast.jobs.format.Json;
import com.sparecast.jobs.format.Numbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes {@code ground_truth/}: the generating parameters, the future demand, a summary and a README. */
final class GroundTruthWriter {

    private static final int HORIZON = InputSetGenerator.HORIZON;

    private final Path output;
    private final int weeks;
    private final String[] dayText;
    private final List<Part> parts;
    private final List<DemandSeries> series;

    /** Times each drawn line is written ({@link Scale#eventCopies}): sizes and means scale with it. */
    private final int copies;

    GroundTruthWriter(Catalogue catalogue, Timeline timeline, Path output, int copies) {
        this.output = output;
        this.copies = copies;
        this.weeks = timeline.weeks;
        this.dayText = timeline.dayText;
        this.parts = catalogue.parts;
        this.series = catalogue.series;
    }

    void writeGroundTruth() throws IOException {
        Path folder = output.resolve("ground_truth");
        Files.createDirectories(folder);
        try (var readme = InputSetGenerator.class.getResourceAsStream("ground-truth-README.md")) {
            Files.write(folder.resolve("README.md"), readme.readAllBytes());
        }
        List<DemandSeries> sorted = new ArrayList<>(series);
        sorted.sort(Comparator.comparing((DemandSeries s) -> parts.get(s.family.currentPart()).partNo())
                .thenComparing(s -> World.REGIONS.get(s.region).id()));
        try (CsvFile csv = new CsvFile(folder, "series.csv", "part_no", "region", "history_parts", "demand_class",
                "adi", "cv2", "mean_size", "mean_per_week", "trend_per_year", "season_amplitude", "start_week",
                "stop_week", "failure_share", "return_rate")) {
            for (DemandSeries s : sorted) {
                StringBuilder history = new StringBuilder();
                for (int k = 0; k < s.family.parts.length; k++) {
                    if (k > 0) {
                        history.append(';');
                    }
                    history.append(parts.get(s.family.parts[k]).partNo());
                }
                csv.row(parts.get(s.family.currentPart()).partNo(), World.REGIONS.get(s.region).id(), history,
                        s.demandClass.name(), Formats.decimal(s.adi(), 4), Formats.decimal(s.effectiveCv2(weeks), 4), Formats.decimal(s.meanSize * copies, 4),
                        Formats.decimal(s.expected(weeks) * copies, 4), Formats.decimal(s.trendPerYear, 4), Formats.decimal(s.seasonAmplitude, 4),
                        dayText[s.startWeek * 7], s.stopWeek == Integer.MAX_VALUE ? "" : dayText[s.stopWeek * 7],
                        Formats.decimal(s.family.failureShare, 4), Formats.decimal(s.family.returnRate, 4));
            }
        }
        try (CsvFile csv = new CsvFile(folder, "future_demand.csv", "part_no", "region", "period", "expected", "realised")) {
            for (DemandSeries s : sorted) {
                String partNo = parts.get(s.family.currentPart()).partNo();
                String region = World.REGIONS.get(s.region).id();
                for (int h = 0; h < HORIZON; h++) {
                    csv.row(partNo, region, dayText[(weeks + h) * 7], Formats.decimal(s.expected(weeks + h) * copies, 4), s.realisedFuture[h]);
                }
            }
        }
    }

    void writeSummary(GenerationSummary summary, long units) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("profile", summary.profile());
        json.put("seed", summary.seed());
        json.put("planning_date", summary.end().toString());
        json.put("history_start", summary.historyStart().toString());
        json.put("history_end", summary.historyEnd().toString());
        json.put("history_weeks", weeks);
        json.put("future_start", dayText[weeks * 7]);
        json.put("horizon_weeks", HORIZON);
        json.put("parts", summary.parts());
        json.put("series", summary.series());
        json.put("series_with_history", summary.seriesWithHistory());
        json.put("shipments", summary.shipments());
        json.put("failures", summary.failures());
        json.put("returns", summary.returns());
        json.put("units_shipped", units);
        json.put("files", new TreeMap<>(summary.rowsPerFile()));
        Files.writeString(output.resolve("ground_truth").resolve("summary.json"),
                Json.write(json, Numbers::exact, Json.indented()), StandardCharsets.UTF_8);
    }
}
