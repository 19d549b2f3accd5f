package app.ponte.interaction;

import app.ponte.security.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Interactions were written: for each write the key it had before and the key it has after (when,
 * who, what type). Published <em>inside</em> the writing transaction, not after the commit, so a
 * listener keeps what depends on the rows (the statistics' rollups, decision 034) in the same
 * transaction: it sees the written rows, and if it fails the write fails. Writes in batches (the
 * history import) publish one event per batch. It carries the instant, not a day: what a day is (UTC,
 * business day) is the listener's business.
 */
public record InteractionsChanged(List<Change> changes) {

    public InteractionsChanged {
        changes = List.copyOf(changes);
    }

    /** What identifies an interaction's place in the statistics: when it happened, who had it, its type. */
    public record Key(Instant occurredAt, UserId user, InteractionType type) {

        public Key {
            Objects.requireNonNull(occurredAt);
            Objects.requireNonNull(user);
            Objects.requireNonNull(type);
        }
    }

    /** One write: {@code before} null for an insert, {@code after} null for a delete, both for an edit. */
    public record Change(Key before, Key after) {

        public Change {
            if (before == null && after == null) {
                throw new IllegalArgumentException("a change has a key before or after");
            }
        }
    }

    public static InteractionsChanged inserted(Collection<Key> keys) {
        return new InteractionsChanged(keys.stream().map(k -> new Change(null, k)).toList());
    }

    public static InteractionsChanged edited(Key before, Key after) {
        return new InteractionsChanged(List.of(new Change(before, after)));
    }

    public static InteractionsChanged deleted(Key before) {
        return new InteractionsChanged(List.of(new Change(before, null)));
    }

    /** Every key touched, old and new (an edit that moved an interaction touches two). */
    public Stream<Key> keys() {
        return changes.stream().flatMap(c -> Stream.of(c.before(), c.after())).filter(Objects::nonNull);
    }
}
