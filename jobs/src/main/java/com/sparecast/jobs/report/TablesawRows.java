package com.sparecast.jobs.report;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A Tablesaw table as page rows: missing values become empty cells, whole doubles stay numbers. */
final class TablesawRows {

    private TablesawRows() {
    }

    static List<List<Object>> of(Table table) {
        List<List<Object>> rows = new ArrayList<>(table.rowCount());
        for (int i = 0; i < table.rowCount(); i++) {
            List<Object> row = new ArrayList<>(table.columnCount());
            for (Column<?> c : table.columns()) {
                row.add(c.isMissing(i) ? null : c.get(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
