package app.ponte.interaction;

import java.time.Instant;
import java.time.LocalDate;

/** An edit of an interaction, made against the version that was read. */
public record InteractionChanges(InteractionType type, Instant occurredAt, boolean planned, String summary,
        Integer outcomeScore, String nextStep, LocalDate nextStepDue, long version) {
}
