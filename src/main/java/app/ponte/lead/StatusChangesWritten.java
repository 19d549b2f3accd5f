package app.ponte.lead;

import app.ponte.security.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Status changes were written, or what they count changed: the key of each in the statistics (when,
 * by whom, from which status into which). A new change (a move, a decided handoff, imported history);
 * or, when a lead's expected value is edited, its changes into WON, whose won value is the lead's
 * current expected value (metrics.md). Status changes are appended, never edited or deleted, so
 * there is no key before. Published <em>inside</em> the writing transaction after the rows are
 * flushed, as {@link LeadsWritten}; a batch (the CSV import) publishes one event (decision 036).
 */
public record StatusChangesWritten(List<Key> keys) {

    public StatusChangesWritten {
        keys = List.copyOf(keys);
    }

    /** What places a status change in the statistics: when, by whom, the move. */
    public record Key(Instant changedAt, UserId changedBy, LeadStatus from, LeadStatus to) {

        public Key {
            Objects.requireNonNull(changedAt);
            Objects.requireNonNull(changedBy);
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
        }
    }

    public static StatusChangesWritten of(Collection<Key> keys) {
        return new StatusChangesWritten(List.copyOf(keys));
    }
}
