package app.ponte.stats.report;

import app.ponte.base.ui.chart.ChartData;
import java.util.List;

/**
 * One section of the audit report: its title, the plain sentence computed from its figures, the
 * figures, a chart ({@code null} when the section is empty), its tables, and a formula written out
 * (the capacity section's; otherwise null). An empty section ({@code empty}) shows only its
 * sentence, which then says there is nothing in the period.
 *
 * @param bucket {@code month} for a section whose figures are per month (the page's {@code data-bucket})
 */
public record ReportSection(String key, String title, String sentence, boolean empty, List<ReportCell> figures,
        ChartData chart, String chartDescription, List<ReportTable> tables, String formula, String bucket) {

    public ReportSection {
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
    }

    static ReportSection empty(String key, String title, String sentence) {
        return new ReportSection(key, title, sentence, true, List.of(), null, null, List.of(), null, null);
    }
}
