package app.ponte.handoff;

import app.ponte.lead.LeadStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * A pending handoff in a salesperson's inbox, with its service level seen from "now".
 *
 * @param dueAt when the handoff becomes overdue ({@code createdAt + slaHours})
 * @param timeLeft time left until {@code dueAt}; negative once overdue
 * @param overdue older than the SLA: strictly later than {@code dueAt}
 */
public record InboxItem(HandoffEntry handoff, LeadStatus leadStatus, String channelCode, Instant dueAt,
        Duration timeLeft, boolean overdue) {
}
