package app.ponte.lead;

/** Published after a lead's change has committed; carries the id only — listeners re-read. */
public record LeadChanged(LeadId id) {
}
