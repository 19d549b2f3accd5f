package app.ponte.lead;

import java.time.Duration;
import java.time.Instant;

/** One step of a lead's path: who moved it, when, and how long it had stood in the previous status. */
public record StatusChangeEntry(long id, LeadStatus from, LeadStatus to, Instant changedAt, Person changedBy,
        String reason, Duration timeInPrevious) {
}
