package app.ponte.stats.rollup;

import app.ponte.handoff.HandoffsWritten;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/**
 * {@code handoff_day}: handoffs per UTC day of their creation, sender, state and reject reason ('' unless
 * rejected), with how many of them have a lead that reached WON (the lead's highest status, {@link
 * SourceRows#wonLead}; handoff.lead_won until V44, decision 048) — V40, kept by the statistics feature from the
 * handoff feature's {@link HandoffsWritten} and, for the won count, the lead feature's changes into WON (decision
 * 040). The period's handoff figures and the marketers' count from it: the whole days of a period from here, the
 * partial first and last day from the rows. The recipient is not in the key (a day's
 * senders times recipients made a row for nearly every handoff, decision 040); {@link HandoffRecipientDay} has it.
 */
public final class HandoffDay implements Rollup {

    public static final HandoffDay ROLLUP = new HandoffDay();

    private static final String DAY = SourceRows.utcDay("h.created_at");
    private static final String GROUP = DAY + ", h.from_user_id, h.state, " + SourceRows.handoffReason("h");

    private HandoffDay() {
    }

    /** The key of a handoff as it stood: its creation's UTC day, sender, state, reason. */
    static List<Object> key(HandoffsWritten.Key key) {
        return List.of(Math.floorDiv(key.createdAt().getEpochSecond(), SourceRows.DAY_SECONDS), key.from().value(),
                key.state().name(), key.reason() == null ? "" : key.reason().name());
    }

    /** The select list of a handoff's key read from its row ({@code h}), in key order. */
    static String keyOfRow() {
        return GROUP;
    }

    @Override
    public String table() {
        return "handoff_day";
    }

    @Override
    public List<String> keyColumns() {
        return List.of("utc_day", "from_user_id", "state", "reason_code");
    }

    @Override
    public List<String> keyTypes() {
        return List.of("bigint", "bigint", "varchar(10)", "varchar(20)");
    }

    @Override
    public List<String> valueColumns() {
        return List.of("handoffs", "won");
    }

    @Override
    public String statement(String rows) {
        return "select " + DAY + " as utc_day, h.from_user_id, h.state, " + SourceRows.handoffReason("h") + " as reason_code, count(*) as handoffs,"
                + " cast(sum(case when " + SourceRows.wonLead("l") + " then 1 else 0 end) as bigint) as won"
                + " from " + rows + " " + SourceRows.leadOfHandoff("h", "l")
                + " group by " + GROUP;
    }

    @Override
    public String allRows() {
        return "handoff h";
    }

    /** Each key's rows are a range of ix_handoff_from (from_user_id, created_at), the rest checked on them. */
    @Override
    public String rowsOfKeys(int keys) {
        String key = "(cast(? as bigint), cast(? as varchar(10)), cast(? as varchar(20)),"
                + " cast(? as timestamp(6) with time zone), cast(? as timestamp(6) with time zone))";
        return "(values " + String.join(", ", Collections.nCopies(keys, key)) + ")"
                + " k(from_user_id, state, reason_code, t0, t1)"
                + " join handoff h on h.from_user_id = k.from_user_id and h.created_at >= k.t0 and h.created_at < k.t1"
                + " and h.state = k.state and " + SourceRows.handoffReason("h") + " = k.reason_code";
    }

    @Override
    public List<Object> rangeParameters(List<Object> key) {
        long day = (Long) key.get(0);
        return List.of(key.get(1), key.get(2), key.get(3), utc(day * SourceRows.DAY_SECONDS),
                utc((day + 1) * SourceRows.DAY_SECONDS));
    }

    static OffsetDateTime utc(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
