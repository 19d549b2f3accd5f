package app.ponte.interaction;

import app.ponte.lead.LeadId;
import java.time.LocalDate;

/** An open next step in someone's agenda. */
public record AgendaItem(InteractionId interaction, LeadId lead, String leadName, String company,
        InteractionType type, String nextStep, LocalDate due) {
}
