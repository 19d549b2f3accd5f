package app.ponte.handoff;

import app.ponte.lead.LeadId;
import app.ponte.lead.Person;
import java.time.Instant;

/**
 * A handoff as the lead timeline, the inbox and the marketer's view show it.
 *
 * @param to the recipient; {@code null} while it waits unclaimed in the sales queue
 * @param decidedBy who accepted or rejected it; {@code null} while pending (and in some imported history)
 */
public record HandoffEntry(
        HandoffId id,
        LeadId lead,
        String leadName,
        String company,
        Person from,
        Person to,
        boolean viaQueue,
        String note,
        HandoffState state,
        Instant createdAt,
        Instant claimedAt,
        Instant decidedAt,
        Person decidedBy,
        RejectReason reason,
        String decisionNote,
        boolean imported,
        long version) {

    public boolean pending() {
        return state == HandoffState.PENDING;
    }

    /** Waiting in the sales queue, not yet claimed by anyone. */
    public boolean unclaimed() {
        return to == null && state == HandoffState.PENDING;
    }
}
