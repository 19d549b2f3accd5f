package app.ponte.lead;

/**
 * Something another feature lets a user do with a lead wherever it is shown (lead page, board
 * card, list row): e.g. "Log call". {@code run} receives the lead and a callback that refreshes
 * the view once the action has changed something.
 */
public record LeadAction(String id, String labelKey, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        void run(LeadId lead, Runnable refresh);
    }
}
