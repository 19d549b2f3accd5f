package app.ponte.stats;

/** One marketer's leads, qualifications and handoffs sent in a period. */
public record MarketerFigures(String username, long leadsCreated, long mqls, long handoffsSent, long accepted, long rejected,
        long pending, Double acceptanceRate, long handoffsWon) {
}
