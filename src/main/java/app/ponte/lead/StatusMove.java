package app.ponte.lead;

import java.math.BigDecimal;

/**
 * A request to move a lead to another status, made against the version that was read:
 * {@code reason} is required for LOST, {@code expectedValue} for OPPORTUNITY unless the lead has one.
 */
public record StatusMove(LeadStatus target, String reason, BigDecimal expectedValue, long version) {

    public static StatusMove to(LeadStatus target, long version) {
        return new StatusMove(target, null, null, version);
    }
}
