package com.sparecast.jobs.generate;

import java.util.List;

/** The kinds of spare parts the generator invents parts from. */
final class PartCatalog {

    private PartCatalog() {
    }

    /**
     * A kind of part: description stem, HS code (6 digits, a national extension is added to
     * some parts), cost and weight ranges, usual pack sizes, the ECCN, the UN number when it is
     * dangerous goods, and the product models it goes into.
     */
    record PartType(String description, String hs6, double minCost, double maxCost, double minKg,
                    double maxKg, int[] packSizes, String eccn, String unNumber, String[] models,
                    double weight) {
    }

    private static final String[] PRINTERS = {"LX-200", "LX-300", "LX-350 Pro"};
    private static final String[] PUMPS = {"HydroMax 40", "HydroMax 60", "HM-90"};
    private static final String[] CONTROLLERS = {"CTRL-7", "CTRL-9", "CTRL-9X"};
    private static final String[] SCANNERS = {"ScanPoint 2", "ScanPoint 3"};
    private static final String[] TERMINALS = {"T-Link 5", "T-Link 6", "T-Link 6E"};
    private static final String[] COOLERS = {"CoolFlow 12", "CoolFlow 18"};

    static final List<PartType> TYPES = List.of(
            new PartType("Ball bearing", "848210", 3, 40, 0.05, 0.8, new int[] {1, 10}, "EAR99", "", PUMPS, 6),
            new PartType("Filter cartridge", "842139", 8, 60, 0.2, 1.5, new int[] {1, 5, 10}, "EAR99", "", COOLERS, 6),
            new PartType("Gasket set", "848490", 2, 25, 0.02, 0.3, new int[] {1, 10, 25}, "EAR99", "", PUMPS, 5),
            new PartType("Seal kit", "401693", 4, 35, 0.05, 0.4, new int[] {1, 5}, "EAR99", "", PUMPS, 5),
            new PartType("Main control board", "853710", 120, 900, 0.3, 1.2, new int[] {1}, "EAR99", "", CONTROLLERS, 4),
            new PartType("Printer formatter board", "847330", 80, 450, 0.2, 0.6, new int[] {1}, "EAR99", "", PRINTERS, 3),
            new PartType("Power supply unit", "850440", 45, 320, 0.6, 3.5, new int[] {1}, "EAR99", "", CONTROLLERS, 5),
            new PartType("Cooling fan assembly", "841459", 12, 90, 0.1, 0.9, new int[] {1, 5}, "EAR99", "", COOLERS, 5),
            new PartType("Centrifugal pump", "841370", 250, 2400, 4.0, 28.0, new int[] {1}, "EAR99", "", PUMPS, 2),
            new PartType("Pressure sensor", "902620", 30, 260, 0.05, 0.4, new int[] {1, 5}, "EAR99", "", PUMPS, 4),
            new PartType("Flow sensor", "902610", 40, 310, 0.1, 0.6, new int[] {1}, "EAR99", "", COOLERS, 3),
            new PartType("Cable harness", "854442", 6, 70, 0.1, 1.2, new int[] {1, 10}, "EAR99", "", TERMINALS, 5),
            new PartType("Solenoid valve", "848180", 20, 180, 0.2, 1.8, new int[] {1}, "EAR99", "", PUMPS, 4),
            new PartType("Touch display panel", "852459", 90, 650, 0.4, 2.2, new int[] {1}, "EAR99", "", TERMINALS, 3),
            new PartType("Drive belt", "401031", 5, 45, 0.05, 0.6, new int[] {1, 5, 10}, "EAR99", "", PRINTERS, 4),
            new PartType("Screw kit", "731815", 1, 12, 0.01, 0.2, new int[] {10, 50, 100}, "EAR99", "", TERMINALS, 4),
            new PartType("Stepper motor", "850110", 35, 240, 0.3, 2.0, new int[] {1}, "EAR99", "", PRINTERS, 4),
            new PartType("Thermostat", "903210", 15, 120, 0.05, 0.4, new int[] {1, 5}, "EAR99", "", COOLERS, 3),
            new PartType("Toner cartridge", "844399", 25, 140, 0.5, 1.6, new int[] {1, 4}, "EAR99", "", PRINTERS, 5),
            new PartType("Fuser unit", "844399", 60, 380, 1.0, 3.0, new int[] {1}, "EAR99", "", PRINTERS, 3),
            new PartType("Plastic cover", "392690", 3, 40, 0.05, 0.9, new int[] {1, 5}, "EAR99", "", SCANNERS, 4),
            new PartType("Barcode scan engine", "847190", 70, 420, 0.05, 0.3, new int[] {1}, "EAR99", "", SCANNERS, 3),
            new PartType("Wi-Fi radio module", "851762", 25, 160, 0.02, 0.1, new int[] {1}, "5A992", "", TERMINALS, 2),
            new PartType("Encrypted comms module", "851762", 180, 1400, 0.05, 0.3, new int[] {1}, "5A002", "", TERMINALS, 0.6),
            new PartType("Lithium-ion battery pack", "850760", 40, 380, 0.2, 2.5, new int[] {1}, "EAR99", "UN3480", SCANNERS, 0.3),
            new PartType("Lithium coin cell", "850650", 1, 6, 0.003, 0.01, new int[] {10, 50}, "EAR99", "UN3090", TERMINALS, 0.3));

    /** Cumulative weights of {@link #TYPES} for random choice (dangerous goods are also placed on purpose). */
    static final double[] CUMULATIVE = Draws.cumulative(TYPES.stream().mapToDouble(PartType::weight).toArray());

    static final int LITHIUM_ION = indexOf("Lithium-ion battery pack");
    static final int LITHIUM_METAL = indexOf("Lithium coin cell");
    static final int ENCRYPTED = indexOf("Encrypted comms module");

    private static int indexOf(String description) {
        for (int i = 0; i < TYPES.size(); i++) {
            if (TYPES.get(i).description().equals(description)) {
                return i;
            }
        }
        throw new IllegalStateException(description);
    }

    /** Suffixes that make part descriptions differ within a type. */
    static final String[] VARIANTS = {"", "", "", " 230V", " 115V", " left", " right", " compact", " heavy duty",
        " kit", " assembly", " type A", " type B", " OEM", " long", " short"};

    static final String[] ORIGINS = {"DE", "DE", "NL", "CN", "CN", "CN", "TW", "JP", "US", "US", "MX", "CZ", "IT", "KR", "SE"};
}
