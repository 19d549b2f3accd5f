package app.ponte.lead;

import app.ponte.security.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Leads were written: for each write the key it had before and the key it has after in the statistics
 * of created leads (when it was created, by whom, in which channel, and how far it has got: the highest
 * status reached and, while LOST, the status it was lost from; once won, its time to customer). Published
 * <em>inside</em> the writing transaction, after the rows are flushed, not after the commit, so a listener keeps
 * what depends on the rows (the statistics' {@code lead_day}, decision 036, {@code lead_cohort_day}, decision 044,
 * and {@code customer_block}, decision 047) in the
 * same transaction: it sees the written rows, and if it fails the write fails. A creation, an edit and
 * every move publish it; a batch (the CSV import) publishes one event. The key before is read with the
 * lead's row locked (decision 039). It carries the instant, not a day: what a day is belongs to the
 * listener. {@link LeadChanged} is another thing: the id of a lead whose screens should re-read, after the
 * commit.
 */
public record LeadsWritten(List<Change> changes) {

    public LeadsWritten {
        changes = List.copyOf(changes);
    }

    /**
     * What places a lead among the created leads of the statistics: when and by whom it was created, its
     * channel, the highest status it has reached (never LOST: a lead lost from NEW has reached NEW) and, while
     * it is LOST, the status it was lost from ({@code null} otherwise), and once it is won its time to customer
     * in seconds ({@code null} before): the row's own {@code to_customer_seconds}, a column the database generates
     * from the first change into WON and the creation, read from the row rather than worked out in Java, so the
     * statistics put it in the same duration bucket as their reads of the rows do (decision 047).
     */
    public record Key(Instant createdAt, UserId createdBy, String channelCode, LeadStatus reached,
            LeadStatus lostFrom, Double toCustomerSeconds) {

        public Key {
            Objects.requireNonNull(createdAt);
            Objects.requireNonNull(createdBy);
            Objects.requireNonNull(channelCode);
            Objects.requireNonNull(reached);
            if (reached == LeadStatus.LOST || lostFrom == LeadStatus.LOST) {
                throw new IllegalArgumentException("LOST is reached by no lead and lost from none");
            }
        }

        /** A lead that has just come in: NEW, not lost. */
        public static Key created(Instant createdAt, UserId createdBy, String channelCode) {
            return new Key(createdAt, createdBy, channelCode, LeadStatus.NEW, null, null);
        }

        /** The same key with the lead's time to customer as its row has it. */
        public Key withToCustomerSeconds(Double seconds) {
            return new Key(createdAt, createdBy, channelCode, reached, lostFrom, seconds);
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
        return movedKeys(Function.identity());
    }

    /**
     * Every key a write moved a lead out of or into, as a listener keys it with {@code keyOf} (a part of the
     * key): a write that kept that part touches none, so a move, which keeps the creation and the channel,
     * touches no key of a listener that counts only those.
     */
    public <K> Stream<K> movedKeys(Function<Key, K> keyOf) {
        return changes.stream().flatMap(c -> {
            K before = c.before() == null ? null : keyOf.apply(c.before());
            K after = c.after() == null ? null : keyOf.apply(c.after());
            return Objects.equals(before, after) ? Stream.empty() : Stream.of(before, after);
        }).filter(Objects::nonNull);
    }
}
