package app.ponte.interaction;

import app.ponte.lead.Person;
import java.time.Instant;
import java.util.List;

/** One edit of an interaction: who, when, and each changed field as "field: old → new". */
public record InteractionEdit(Instant editedAt, Person editedBy, List<String> changes) {
}
