package app.ponte.interaction;

import app.ponte.lead.LeadId;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.Person;
import java.time.Instant;
import java.time.LocalDate;

/** One interaction as the managers' list and its CSV export show it. */
public record InteractionRow(InteractionId id, Instant occurredAt, Person user, LeadId lead, String leadName,
        InteractionType type, Integer outcomeScore, LeadStatus statusAtTheTime, String summary, String nextStep,
        LocalDate nextStepDue) {
}
