package com.sparecast.jobs.generate;

/** One row of {@code master/parts.csv}. */
record Part(int index, String partNo, String description, String unitCost, String currency, String unitWeightKg,
            String hsCode, String originCountry, int packSize, int minOrderQty, String dangerousGoods,
            String supersededBy, String eccn, int family) {

    static String number(int index) {
        return String.format("P-%06d", index + 1);
    }
}
