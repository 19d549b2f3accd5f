package app.ponte.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The funnel of a cohort: how many reached each status, conversions between steps, and where the lost fell. */
public record Funnel(LocalDate from, LocalDate to, long cohort, List<FunnelStep> steps, Double leadToCustomer,
        Map<String, Long> lost) {
}
