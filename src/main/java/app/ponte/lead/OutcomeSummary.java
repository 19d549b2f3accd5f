package app.ponte.lead;

import java.time.Instant;

/**
 * What the interactions feature keeps on a lead: when its latest held interaction happened, that
 * interaction's score, and whether the last two scored ones were both 2 or less ("at risk").
 */
public record OutcomeSummary(LeadId lead, Instant lastAt, Integer lastScore, boolean atRisk) {
}
