/**
 * The sales audit report (dashboards.md, "The audit report's sections, in order"; decision 028): one
 * model ({@link app.ponte.stats.report.AuditReport}) built from the statistics service only, shown by
 * the page {@code /reports/audit} and rendered as the PDF {@code /reports/audit.pdf}, so both say the
 * same figures and the same sentences.
 */
package app.ponte.stats.report;
