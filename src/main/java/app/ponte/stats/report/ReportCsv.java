package app.ponte.stats.report;

import app.ponte.base.CsvWriter;
import java.io.OutputStream;

/** The CSV of a report table: its snake_case columns and the unrounded values the page rounds. */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static void write(ReportTable table, OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, table.csvColumns());
        table.rows().forEach(row -> csv.row(row.stream().map(ReportCell::value).toList()));
        csv.flush();
    }
}
