package app.ponte.stats;

import java.util.Map;

/** Handoffs created in a period, by their state now, with decision time and the overdue pending ones. */
public record HandoffFigures(long sent, long accepted, long rejected, long pending, Double acceptanceRate,
        Double medianDecisionHours, int slaHours, long overduePending, Map<String, Long> rejectionReasons) {
}
