package app.ponte.stats;

import java.time.Instant;

/** A stalled lead: its current status and owner, and when it last saw activity. */
public record StalledLead(long id, String name, String status, String owner, Instant lastActivityAt) {
}
