package app.ponte.stats;

import java.math.BigDecimal;
import java.util.Map;

/** One salesperson's activity, handoffs received and deals closed in a period. */
public record RepFigures(String username, long interactions, Map<String, Long> interactionsByType, long scoredInteractions,
        Double avgOutcome, long handoffsReceived, long accepted, long rejected, long pending, Double acceptanceRate,
        Double medianDecisionHours, long won, BigDecimal wonValue, long lostFromOpportunity, Double winRate) {

    /** The same figures without the won value. */
    public RepFigures withoutMoney() {
        return new RepFigures(username, interactions, interactionsByType, scoredInteractions, avgOutcome,
                handoffsReceived, accepted, rejected, pending, acceptanceRate, medianDecisionHours, won, null,
                lostFromOpportunity, winRate);
    }
}
