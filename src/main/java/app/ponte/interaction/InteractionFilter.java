package app.ponte.interaction;

import app.ponte.lead.LeadStatus;
import app.ponte.security.UserId;
import java.time.LocalDate;

/**
 * What the managers' interaction list shows; every part empty means "any". {@code from} and
 * {@code to} are inclusive local dates in the business time zone. {@code heldOnly} leaves out
 * planned interactions (not yet happened), as the statistics do (decision 010): a rep's
 * interaction count links to the list with it (decision 027).
 */
public record InteractionFilter(UserId user, InteractionType type, Integer score, LeadStatus statusAtTheTime,
        LocalDate from, LocalDate to, boolean heldOnly) {

    public InteractionFilter(UserId user, InteractionType type, Integer score, LeadStatus statusAtTheTime,
            LocalDate from, LocalDate to) {
        this(user, type, score, statusAtTheTime, from, to, false);
    }

    public static InteractionFilter none() {
        return new InteractionFilter(null, null, null, null, null, null);
    }

    /** Whether anything narrows the list (the list then shows how many interactions it holds). */
    public boolean narrows() {
        return user != null || type != null || score != null || statusAtTheTime != null || from != null
                || to != null || heldOnly;
    }
}
