package app.ponte.lead;

import java.util.function.Predicate;

/**
 * Something another feature lets a user do with a lead wherever it is shown (lead page, board
 * card, list row): e.g. "Log call". {@code run} receives the lead and a callback that refreshes
 * the view once the action has changed something. {@code offeredAt} says for which statuses the
 * action is shown at all: views offer only what the rules allow, so a button never just answers
 * with an error (the feature's service still checks).
 */
public record LeadAction(String id, String labelKey, Handler handler, Predicate<LeadStatus> offeredAt) {

    /** An action offered for a lead in any status. */
    public LeadAction(String id, String labelKey, Handler handler) {
        this(id, labelKey, handler, status -> true);
    }

    public boolean offeredFor(LeadStatus status) {
        return status != null && offeredAt.test(status);
    }

    @FunctionalInterface
    public interface Handler {
        void run(LeadId lead, Runnable refresh);
    }
}
