package app.ponte.interaction;

import app.ponte.lead.LeadStatus;
import app.ponte.security.UserId;
import java.time.LocalDate;

/**
 * What the managers' interaction list shows; every part empty means "any". {@code from} and
 * {@code to} are inclusive local dates in the business time zone.
 */
public record InteractionFilter(UserId user, InteractionType type, Integer score, LeadStatus statusAtTheTime,
        LocalDate from, LocalDate to) {

    public static InteractionFilter none() {
        return new InteractionFilter(null, null, null, null, null, null);
    }
}
