package app.ponte.handoff;

import app.ponte.lead.LeadId;
import app.ponte.security.UserId;
import java.time.Instant;

/**
 * A handoff from history (CSV import, demo data): it changes no lead and sends no notification.
 *
 * @param to the recipient, or {@code null} for the sales queue
 * @param decision ACCEPTED, REJECTED, or {@code null} for a pending one
 * @param decidedAt required with a decision
 * @param reason required when REJECTED
 * @param note the marketer's note
 * @param decisionNote the note of the decision (optional in history)
 */
public record ImportedHandoff(LeadId lead, Instant createdAt, UserId from, UserId to, HandoffState decision,
        Instant decidedAt, RejectReason reason, String note, String decisionNote) {
}
