package app.ponte.lead;

import app.ponte.security.UserId;
import java.time.LocalDate;

/**
 * Narrows the lead list. {@code text} matches name, company and e-mail; {@code stage} matches the
 * span a lead is on (for a lost lead, the span it fell from); {@code onlyMine} keeps the caller's
 * leads; {@code createdFrom}/{@code createdTo} are local dates in the business time zone, inclusive.
 */
public record LeadFilter(String text, LeadStatus status, BridgeStage stage, String channelCode, UserId owner,
        boolean onlyMine, LocalDate createdFrom, LocalDate createdTo) {

    public static LeadFilter none() {
        return new LeadFilter(null, null, null, null, null, false, null, null);
    }

    public LeadFilter withStatus(LeadStatus newStatus) {
        return new LeadFilter(text, newStatus, stage, channelCode, owner, onlyMine, createdFrom, createdTo);
    }

    public LeadFilter withStage(BridgeStage newStage) {
        return new LeadFilter(text, status, newStage, channelCode, owner, onlyMine, createdFrom, createdTo);
    }
}
