package app.ponte.stats.report;

import java.util.List;

/**
 * A table of a section: headings in the reader's language, the CSV's column names (snake_case, as
 * the API's CSV), and rows of cells. The CSV holds the unrounded values of the same cells.
 */
public record ReportTable(String key, String title, List<String> headings, List<String> csvColumns,
        List<List<ReportCell>> rows) {

    public ReportTable {
        headings = List.copyOf(headings);
        csvColumns = List.copyOf(csvColumns);
        rows = List.copyOf(rows);
        for (List<ReportCell> row : rows) {
            if (row.size() != headings.size() || row.size() != csvColumns.size()) {
                throw new IllegalArgumentException("table " + key + ": a row of " + row.size() + " cells for "
                        + headings.size() + " headings");
            }
        }
    }
}
