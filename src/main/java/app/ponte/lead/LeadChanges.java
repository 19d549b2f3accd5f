package app.ponte.lead;

import app.ponte.security.UserId;
import java.math.BigDecimal;

/** An edit of a lead's fields, made against the version that was read. */
public record LeadChanges(String name, String company, String email, String phone, String channelCode, Intent intent,
        BigDecimal expectedValue, UserId owner, long version) {
}
