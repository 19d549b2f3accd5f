package app.ponte.lead;

import app.ponte.security.UserId;
import java.math.BigDecimal;
import java.time.Instant;

/** A lead from history (CSV import, demo data): it keeps its own creation time and author. */
public record ImportedLead(String externalId, Instant createdAt, UserId createdBy, UserId owner, String name,
        String company, String email, String phone, String channelCode, Intent intent, BigDecimal expectedValue) {
}
