package app.ponte.interaction;

import app.ponte.lead.LeadId;
import app.ponte.security.UserId;
import java.time.Instant;
import java.time.LocalDate;

/** An interaction from history (CSV import, demo data): it keeps its own time and author. */
public record ImportedInteraction(LeadId lead, Instant occurredAt, InteractionType type, UserId user,
        Integer outcomeScore, String summary, String nextStep, LocalDate nextStepDue, Instant nextStepDoneAt) {
}
