package com.sparecast.jobs.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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

    GroundTruthWriter(Catalogue catalogue, Timeline timeline, Path output) {
        this.output = output;
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
                        s.demandClass.name(), Formats.decimal(s.adi(), 4), Formats.decimal(s.effectiveCv2(weeks), 4), Formats.decimal(s.meanSize, 4),
                        Formats.decimal(s.expected(weeks), 4), Formats.decimal(s.trendPerYear, 4), Formats.decimal(s.seasonAmplitude, 4),
                        dayText[s.startWeek * 7], s.stopWeek == Integer.MAX_VALUE ? "" : dayText[s.stopWeek * 7],
                        Formats.decimal(s.family.failureShare, 4), Formats.decimal(s.family.returnRate, 4));
            }
        }
        try (CsvFile csv = new CsvFile(folder, "future_demand.csv", "part_no", "region", "period", "expected", "realised")) {
            for (DemandSeries s : sorted) {
                String partNo = parts.get(s.family.currentPart()).partNo();
                String region = World.REGIONS.get(s.region).id();
                for (int h = 0; h < HORIZON; h++) {
                    csv.row(partNo, region, dayText[(weeks + h) * 7], Formats.decimal(s.expected(weeks + h), 4), s.realisedFuture[h]);
                }
            }
        }
    }

    void writeSummary(GenerationSummary summary, long units) throws IOException {
        StringBuilder json = new StringBuilder();
        json.append("{\n");
        json.append("  \"profile\": \"").append(summary.profile()).append("\",\n");
        json.append("  \"seed\": ").append(summary.seed()).append(",\n");
        json.append("  \"planning_date\": \"").append(summary.end()).append("\",\n");
        json.append("  \"history_start\": \"").append(summary.historyStart()).append("\",\n");
        json.append("  \"history_end\": \"").append(summary.historyEnd()).append("\",\n");
        json.append("  \"history_weeks\": ").append(weeks).append(",\n");
        json.append("  \"future_start\": \"").append(dayText[weeks * 7]).append("\",\n");
        json.append("  \"horizon_weeks\": ").append(HORIZON).append(",\n");
        json.append("  \"parts\": ").append(summary.parts()).append(",\n");
        json.append("  \"series\": ").append(summary.series()).append(",\n");
        json.append("  \"series_with_history\": ").append(summary.seriesWithHistory()).append(",\n");
        json.append("  \"shipments\": ").append(summary.shipments()).append(",\n");
        json.append("  \"failures\": ").append(summary.failures()).append(",\n");
        json.append("  \"returns\": ").append(summary.returns()).append(",\n");
        json.append("  \"units_shipped\": ").append(units).append(",\n");
        json.append("  \"files\": {");
        String sep = "\n";
        for (Map.Entry<String, Long> e : new TreeMap<>(summary.rowsPerFile()).entrySet()) {
            json.append(sep).append("    \"").append(e.getKey()).append("\": ").append(e.getValue());
            sep = ",\n";
        }
        json.append("\n  }\n}\n");
        Files.writeString(output.resolve("ground_truth").resolve("summary.json"), json, StandardCharsets.UTF_8);
    }
}
