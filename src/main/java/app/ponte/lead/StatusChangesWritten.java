package app.ponte.lead;

import app.ponte.security.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Status changes were written, or what they count changed: the key of each in the statistics (when,
 * by whom, from which status into which, and the interval it closes: its lead's creation, how long the
 * lead stayed in the status it left, its lead's channel). A new change (a move, a decided handoff,
 * imported history); or, when a lead's expected value is edited, its changes into WON, whose won value
 * is the lead's current expected value (metrics.md). Status changes are appended, never deleted; the only
 * thing edited on them is their lead's channel ({@code lead_channel_code}), which follows an edit of the
 * lead's channel: those changes are in {@link #moves()}, with the key before and after (decision 046).
 * Published <em>inside</em> the writing transaction after the rows are flushed, as {@link LeadsWritten};
 * a batch (the CSV import) publishes one event (decision 036).
 */
public record StatusChangesWritten(List<Key> keys, List<Move> moves) {

    public StatusChangesWritten {
        keys = List.copyOf(keys);
        moves = List.copyOf(moves);
    }

    /** Changes written or revalued: no key moved. */
    public StatusChangesWritten(List<Key> keys) {
        this(keys, List.of());
    }

    /**
     * What places a status change in the statistics: when, by whom, the move; and the interval it closes, in the
     * status it left: its lead's creation instant, the seconds the lead spent in that status, its lead's channel
     * (null only for a change written by plain SQL without it, until the statistics' rebuild sets it).
     */
    public record Key(Instant changedAt, UserId changedBy, LeadStatus from, LeadStatus to, Instant leadCreatedAt,
            long fromDurationSeconds, String leadChannelCode) {

        public Key {
            Objects.requireNonNull(changedAt);
            Objects.requireNonNull(changedBy);
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            Objects.requireNonNull(leadCreatedAt);
        }
    }

    /** A change whose key moved (its lead's channel was edited): the key before and after. */
    public record Move(Key before, Key after) {

        public Move {
            Objects.requireNonNull(before);
            Objects.requireNonNull(after);
        }
    }

    public static StatusChangesWritten of(Collection<Key> keys) {
        return new StatusChangesWritten(List.copyOf(keys));
    }

    /** A lead's channel edited: its changes follow it, each from its key before to its key after. */
    public static StatusChangesWritten moved(Collection<Move> moves) {
        return new StatusChangesWritten(List.of(), List.copyOf(moves));
    }
}
