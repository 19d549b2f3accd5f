package app.ponte.handoff;

import app.ponte.security.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Handoffs were written: each one's id and the key it had before in the statistics (null for a new one).
 * Published <em>inside</em> the writing transaction after the row is flushed and after the write's lead move,
 * as the lead feature's {@code LeadsWritten}, so the statistics' {@code handoff_day} and
 * {@code handoff_decision_day} change with the rows (decision 040): a send, a claim, an acceptance, a
 * rejection, an import. The key after is not carried: the listener reads it from the row (the decision time
 * and whether the lead was won are the database's). {@link HandoffService#TOPIC} is another thing: a signal to
 * screens, after the commit.
 */
public record HandoffsWritten(List<Change> changes) {

    public HandoffsWritten {
        changes = List.copyOf(changes);
    }

    /** What places a handoff in the statistics besides its decision time: when, from whom, to whom, how it stands. */
    public record Key(Instant createdAt, UserId from, UserId to, HandoffState state, RejectReason reason) {

        public Key {
            Objects.requireNonNull(createdAt);
            Objects.requireNonNull(from);
            Objects.requireNonNull(state);
        }
    }

    /** One handoff's write: {@code before} null for a new one. */
    public record Change(HandoffId id, Key before) {

        public Change {
            Objects.requireNonNull(id);
        }
    }

    public static HandoffsWritten inserted(HandoffId id) {
        return new HandoffsWritten(List.of(new Change(id, null)));
    }

    public static HandoffsWritten changed(HandoffId id, Key before) {
        return new HandoffsWritten(List.of(new Change(id, before)));
    }
}
