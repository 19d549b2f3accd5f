package app.ponte.lead;

import java.math.BigDecimal;
import java.time.Instant;

/** Everything the lead page shows and edits. */
public record LeadDetails(
        LeadId id,
        String externalId,
        String name,
        String company,
        String email,
        String phone,
        String channelCode,
        Intent intent,
        LeadStatus status,
        LeadStatus lostFrom,
        String lostReason,
        Person owner,
        Person createdBy,
        Instant createdAt,
        Instant statusChangedAt,
        Instant lastInteractionAt,
        Integer lastOutcomeScore,
        BigDecimal expectedValue,
        Instant updatedAt,
        String updatedBy,
        long version,
        boolean atRisk) {

    public BridgeStage stage() {
        return LeadStatus.stageOf(status, lostFrom);
    }
}
