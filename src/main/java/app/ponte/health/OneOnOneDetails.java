package app.ponte.health;

import java.time.Instant;
import java.util.List;

/**
 * A one-on-one as its two participants see it: the shared agenda and notes (with the version
 * to save against), the action items, the next meeting suggested from the rhythm. Never the
 * private notes: those come only from {@link OneOnOneService#myPrivateNote}, for their author.
 */
public record OneOnOneDetails(OneOnOneSummary summary, String agenda, String notes, long version, String updatedBy,
        Instant updatedAt, List<ActionItem> actionItems, Instant suggestedNext) {
}
