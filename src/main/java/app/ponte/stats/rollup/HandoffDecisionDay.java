package app.ponte.stats.rollup;

import java.util.Collections;
import java.util.List;

/**
 * {@code handoff_decision_day}: the histogram of decision times — decided handoffs per UTC day of their
 * creation, recipient (0: none, an imported decision without one) and duration bucket of
 * {@code decision_seconds} (the buckets of V22) — V40, kept with {@link HandoffDay} (decision 040). The
 * median decision times are found from it exactly, as the stage durations' (decision 018): the counts per
 * bucket locate the middle value(s), which are then read from the rows of that one bucket only
 * (ix_handoff_decision_to, ix_handoff_decision).
 */
public final class HandoffDecisionDay implements Rollup {

    public static final HandoffDecisionDay ROLLUP = new HandoffDecisionDay();

    private static final String DAY = SourceRows.utcDay("h.created_at");

    private HandoffDecisionDay() {
    }

    /** The select list of a decided handoff's key read from its row ({@code h}, bucket {@code b}), in key order. */
    static String keyOfRow() {
        return DAY + ", " + SourceRows.handoffRecipient("h") + ", b.bucket";
    }

    @Override
    public String table() {
        return "handoff_decision_day";
    }

    @Override
    public List<String> keyColumns() {
        return List.of("utc_day", "to_user_id", "bucket");
    }

    @Override
    public List<String> keyTypes() {
        return List.of("bigint", "bigint", "integer");
    }

    @Override
    public List<String> valueColumns() {
        return List.of("decided");
    }

    @Override
    public String statement(String rows) {
        return "select " + DAY + " as utc_day, " + SourceRows.handoffRecipient("h") + " as to_user_id, b.bucket,"
                + " count(*) as decided from " + rows + SourceRows.durationBucket("b", "h.decision_seconds")
                + " where " + SourceRows.decidedHandoff("h") + " group by " + DAY + ", "
                + SourceRows.handoffRecipient("h") + ", b.bucket";
    }

    @Override
    public String allRows() {
        return "handoff h";
    }

    /** Each key's rows are one UTC day of ix_handoff_created (created_at, id), recipient and bucket checked on them. */
    @Override
    public String rowsOfKeys(int keys) {
        String key = "(cast(? as bigint), cast(? as integer), cast(? as timestamp(6) with time zone),"
                + " cast(? as timestamp(6) with time zone))";
        return "(values " + String.join(", ", Collections.nCopies(keys, key)) + ") k(to_user_id, bucket, t0, t1)"
                + " join duration_bucket kb on kb.bucket = k.bucket"
                + " join handoff h on h.created_at >= k.t0 and h.created_at < k.t1 and "
                + SourceRows.handoffRecipient("h") + " = k.to_user_id and h.decision_seconds >= kb.lo"
                + " and h.decision_seconds < kb.hi";
    }

    @Override
    public List<Object> rangeParameters(List<Object> key) {
        long day = (Long) key.get(0);
        return List.of(key.get(1), key.get(2), HandoffDay.utc(day * SourceRows.DAY_SECONDS),
                HandoffDay.utc((day + 1) * SourceRows.DAY_SECONDS));
    }
}
