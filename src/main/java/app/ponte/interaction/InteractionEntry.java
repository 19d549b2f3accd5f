package app.ponte.interaction;

import app.ponte.lead.LeadId;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An interaction as the timeline and lists show it, with its audit trail. */
public record InteractionEntry(
        InteractionId id,
        LeadId lead,
        InteractionType type,
        Instant occurredAt,
        boolean planned,
        Person user,
        Person loggedBy,
        String summary,
        Integer outcomeScore,
        LeadStatus leadStatus,
        String nextStep,
        LocalDate nextStepDue,
        Instant nextStepDoneAt,
        Instant createdAt,
        long version,
        List<InteractionEdit> edits) {

    public InteractionEntry {
        edits = List.copyOf(edits);
    }
}
