package app.ponte.stats.rollup;

import app.ponte.handoff.HandoffsWritten;
import java.util.Collections;
import java.util.List;

/**
 * {@code handoff_recipient_day}: handoffs per UTC day of their creation, recipient (0: waiting in the sales queue)
 * and state, with how many have a lead that reached WON — V40, kept with {@link HandoffDay} (decision 040). The
 * reps' handoffs count from it.
 */
public final class HandoffRecipientDay implements Rollup {

    public static final HandoffRecipientDay ROLLUP = new HandoffRecipientDay();

    private static final String DAY = SourceRows.utcDay("h.created_at");
    private static final String GROUP = DAY + ", " + SourceRows.handoffRecipient("h") + ", h.state";

    private HandoffRecipientDay() {
    }

    /** The key of a handoff as it stood: its creation's UTC day, recipient, state. */
    static List<Object> key(HandoffsWritten.Key key) {
        return List.of(Math.floorDiv(key.createdAt().getEpochSecond(), SourceRows.DAY_SECONDS),
                key.to() == null ? 0L : key.to().value(), key.state().name());
    }

    /** The select list of a handoff's key read from its row ({@code h}), in key order. */
    static String keyOfRow() {
        return GROUP;
    }

    @Override
    public String table() {
        return "handoff_recipient_day";
    }

    @Override
    public List<String> keyColumns() {
        return List.of("utc_day", "to_user_id", "state");
    }

    @Override
    public List<String> keyTypes() {
        return List.of("bigint", "bigint", "varchar(10)");
    }

    @Override
    public List<String> valueColumns() {
        return List.of("handoffs", "won");
    }

    @Override
    public String statement(String rows) {
        return "select " + DAY + " as utc_day, " + SourceRows.handoffRecipient("h") + " as to_user_id, h.state,"
                + " count(*) as handoffs, cast(sum(case when " + SourceRows.wonLead("l") + " then 1 else 0 end) as bigint) as won"
                + " from " + rows + " " + SourceRows.leadOfHandoff("h", "l")
                + " group by " + GROUP;
    }

    @Override
    public String allRows() {
        return "handoff h";
    }

    /** Each key's rows are one UTC day of ix_handoff_created (created_at, id), recipient and state checked on them. */
    @Override
    public String rowsOfKeys(int keys) {
        String key = "(cast(? as bigint), cast(? as varchar(10)), cast(? as timestamp(6) with time zone),"
                + " cast(? as timestamp(6) with time zone))";
        return "(values " + String.join(", ", Collections.nCopies(keys, key)) + ") k(to_user_id, state, t0, t1)"
                + " join handoff h on h.created_at >= k.t0 and h.created_at < k.t1 and "
                + SourceRows.handoffRecipient("h") + " = k.to_user_id and h.state = k.state";
    }

    @Override
    public List<Object> rangeParameters(List<Object> key) {
        long day = (Long) key.get(0);
        return List.of(key.get(1), key.get(2), HandoffDay.utc(day * SourceRows.DAY_SECONDS),
                HandoffDay.utc((day + 1) * SourceRows.DAY_SECONDS));
    }
}
