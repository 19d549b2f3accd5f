package app.ponte.interaction;

import app.ponte.lead.LeadId;
import app.ponte.security.UserId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What is entered to log an interaction. {@code occurredAt} empty means now; {@code user} empty
 * means the caller (a manager may log for someone else); {@code nextStepDue} is a local date in
 * the business time zone.
 */
public record NewInteraction(LeadId lead, InteractionType type, Instant occurredAt, boolean planned, UserId user,
        String summary, Integer outcomeScore, String nextStep, LocalDate nextStepDue) {
}
