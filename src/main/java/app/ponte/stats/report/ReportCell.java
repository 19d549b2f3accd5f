package app.ponte.stats.report;

import app.ponte.stats.ui.Figure;

/**
 * One cell of a report table or one figure of a section. A figure names its API path
 * ({@code metric}, null for a figure derived on the page, such as an average) and its unrounded
 * value; {@code kind} null means a label cell: {@code label} is what a person reads, {@code value} what
 * the CSV holds (a month's start date where the page reads "Jan 2026"). {@code href} is a count's drill-down.
 */
public record ReportCell(String label, String metric, Figure.Kind kind, Object value, String href) {

    public static ReportCell text(String text) {
        return new ReportCell(text, null, null, text, null);
    }

    /** A label cell that reads {@code text} and writes {@code raw} in the CSV. */
    public static ReportCell text(String text, Object raw) {
        return new ReportCell(text, null, null, raw, null);
    }

    public static ReportCell figure(String metric, Figure.Kind kind, Object value) {
        return new ReportCell(null, metric, kind, value, null);
    }

    public static ReportCell count(String metric, long value, String href) {
        return new ReportCell(null, metric, Figure.Kind.COUNT, value, href);
    }

    /** The same cell with a caption (a figure shown on its own, above the chart). */
    public ReportCell labelled(String caption) {
        return new ReportCell(caption, metric, kind, value, href);
    }

    public boolean isText() {
        return kind == null;
    }
}
