package app.ponte.lead;

import app.ponte.security.UserId;
import java.time.Instant;

/** A status change from history (the CSV import): its lead, the status it moved into, when, by whom, why. */
public record ImportedStatusChange(LeadId lead, LeadStatus to, Instant at, UserId by, String reason) {
}
