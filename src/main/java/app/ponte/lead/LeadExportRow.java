package app.ponte.lead;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A lead as the leads CSV export writes it: the columns of the {@code leads} import (import.md),
 * people by username, so that the file can be imported again.
 */
public record LeadExportRow(LeadId id, String externalId, Instant createdAt, String createdBy, String owner,
        String name, String company, String email, String phone, String channelCode, Intent intent,
        BigDecimal expectedValue) {

    /** Prefix of the external id given to a lead that has none (docs/decisions/016). */
    public static final String EXTERNAL_ID_PREFIX = "ponte-";

    /** The lead's own external id, or {@code ponte-<id>} for a lead created in Ponte. */
    public String exportedExternalId() {
        return externalId != null ? externalId : EXTERNAL_ID_PREFIX + id.value();
    }
}
