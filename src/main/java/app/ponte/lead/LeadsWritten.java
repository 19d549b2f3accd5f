package app.ponte.lead;

import app.ponte.security.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Leads were written: for each write the key it had before and the key it has after in the statistics
 * (when it was created, by whom, in which channel). Published <em>inside</em> the writing transaction,
 * after the rows are flushed, not after the commit, so a listener keeps what depends on the rows (the
 * statistics' {@code lead_day}, decision 036) in the same transaction: it sees the written rows, and
 * if it fails the write fails. A batch (the CSV import) publishes one event. It carries the instant,
 * not a day: what a day is belongs to the listener. {@link LeadChanged} is another thing: the id of a
 * lead whose screens should re-read, after the commit.
 */
public record LeadsWritten(List<Change> changes) {

    public LeadsWritten {
        changes = List.copyOf(changes);
    }

    /** What places a lead in the statistics of created leads: when and by whom it was created, its channel. */
    public record Key(Instant createdAt, UserId createdBy, String channelCode) {

        public Key {
            Objects.requireNonNull(createdAt);
            Objects.requireNonNull(createdBy);
            Objects.requireNonNull(channelCode);
        }
    }

    /** One write: {@code before} null for an insert, {@code after} null for a delete, both for an edit. */
    public record Change(Key before, Key after) {

        public Change {
            if (before == null && after == null) {
                throw new IllegalArgumentException("a change has a key before or after");
            }
        }

        /** Whether the write moved the lead to another key (an edit of other fields moves nothing). */
        public boolean moved() {
            return !Objects.equals(before, after);
        }
    }

    public static LeadsWritten inserted(Collection<Key> keys) {
        return new LeadsWritten(keys.stream().map(k -> new Change(null, k)).toList());
    }

    public static LeadsWritten edited(Key before, Key after) {
        return new LeadsWritten(List.of(new Change(before, after)));
    }

    public static LeadsWritten deleted(Key before) {
        return new LeadsWritten(List.of(new Change(before, null)));
    }

    /** Every key a write moved a lead out of or into (an edit that kept the key touches none). */
    public Stream<Key> movedKeys() {
        return changes.stream().filter(Change::moved).flatMap(c -> Stream.of(c.before(), c.after()))
                .filter(Objects::nonNull);
    }
}
