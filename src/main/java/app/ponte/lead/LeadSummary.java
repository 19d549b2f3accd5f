package app.ponte.lead;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of the leads grid or one card of the bridge board. */
public record LeadSummary(
        LeadId id,
        String name,
        String company,
        String email,
        LeadStatus status,
        LeadStatus lostFrom,
        String channelCode,
        String ownerUsername,
        String ownerFullName,
        Instant statusChangedAt,
        Instant lastInteractionAt,
        Integer lastOutcomeScore,
        BigDecimal expectedValue,
        boolean atRisk) {

    public BridgeStage stage() {
        return LeadStatus.stageOf(status, lostFrom);
    }
}
