package app.ponte.stats.report;

import app.ponte.stats.ui.StatsFilter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The whole audit report for a period (and channel), in one language: what the PDF renders. */
public record AuditReport(StatsFilter filter, Instant asOf, Locale locale, String title, String subtitle,
        List<ReportSection> sections) {

    public AuditReport {
        sections = List.copyOf(sections);
    }
}
