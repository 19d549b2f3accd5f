package app.ponte.lead;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Leads' status or last activity were written: for each lead the key it had before and the key it has
 * after in the statistics of open leads (its status and its last activity, the later of its last status
 * change and its last held interaction). A lead is created (no key before), moved (a status change moves
 * both), its interactions change its last activity (a log, an edit, an import), or it is deleted (no key
 * after). Published <em>inside</em> the writing transaction after the rows are written, as
 * {@link LeadsWritten}, so the statistics' {@code lead_activity_day} changes with the rows (decision 039);
 * a batch (the CSV import) publishes one event. The key before is read with the lead's row locked, so it
 * is the row's own: a concurrent writer of the same lead waits for this transaction.
 */
public record LeadActivityWritten(List<Change> changes) {

    public LeadActivityWritten {
        changes = List.copyOf(changes);
    }

    /** What places a lead among the open leads of the statistics: its status and its last activity. */
    public record Key(LeadStatus status, Instant lastActivityAt) {

        public Key {
            Objects.requireNonNull(status);
            Objects.requireNonNull(lastActivityAt);
        }
    }

    /** One lead's write: {@code before} null for an insert, {@code after} null for a delete, both for an edit. */
    public record Change(Key before, Key after) {

        public Change {
            if (before == null && after == null) {
                throw new IllegalArgumentException("a change has a key before or after");
            }
        }

        /** Whether the write moved the lead to another key. */
        public boolean moved() {
            return !Objects.equals(before, after);
        }
    }

    public static LeadActivityWritten inserted(Collection<Key> keys) {
        return new LeadActivityWritten(keys.stream().map(k -> new Change(null, k)).toList());
    }

    public static LeadActivityWritten moved(Key before, Key after) {
        return new LeadActivityWritten(List.of(new Change(before, after)));
    }

    public static LeadActivityWritten deleted(Key before) {
        return new LeadActivityWritten(List.of(new Change(before, null)));
    }

    /** Every key a write moved a lead out of or into (a write that kept the key touches none). */
    public Stream<Key> movedKeys() {
        return changes.stream().filter(Change::moved).flatMap(c -> Stream.of(c.before(), c.after()))
                .filter(Objects::nonNull);
    }
}
