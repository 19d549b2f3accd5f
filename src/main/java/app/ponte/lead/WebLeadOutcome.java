package app.ponte.lead;

/** What a web form's lead became: a new lead, or the lead already known with its e-mail. */
public record WebLeadOutcome(LeadId id, boolean duplicate) {
}
