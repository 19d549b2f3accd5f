package app.ponte.health;

import java.time.Instant;

/** A one-on-one in a list: who, when, how long. */
public record OneOnOneSummary(OneOnOneId id, Participant manager, Participant report, Instant scheduledAt,
        int durationMinutes, Rhythm rhythm) {
}
