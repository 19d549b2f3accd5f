package app.ponte.stats.rollup;

import app.ponte.lead.LeadsWritten;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/**
 * {@code lead_day}: leads per UTC day of creation, creator and channel (decision 017, V20; kept by the
 * statistics feature since decision 036). Every lead counts, whatever became of it. The day is still
 * the UTC day, as for {@link InteractionDay}.
 */
public final class LeadDay implements Rollup {

    public static final LeadDay ROLLUP = new LeadDay();

    private static final String DAY = SourceRows.utcDay("l.created_at");

    private LeadDay() {
    }

    /** The key of a written lead: its UTC day of creation, creator and channel. */
    static List<Object> key(LeadsWritten.Key key) {
        return List.of(Math.floorDiv(key.createdAt().getEpochSecond(), SourceRows.DAY_SECONDS), key.createdBy().value(),
                key.channelCode());
    }

    @Override
    public String table() {
        return "lead_day";
    }

    @Override
    public List<String> keyColumns() {
        return List.of("utc_day", "created_by_id", "channel_code");
    }

    @Override
    public List<String> keyTypes() {
        return List.of("bigint", "bigint", "varchar(30)");
    }

    @Override
    public List<String> valueColumns() {
        return List.of("leads");
    }

    @Override
    public String statement(String rows) {
        return "select " + DAY + " as utc_day, l.created_by_id, l.channel_code, count(*) as leads from " + rows
                + " group by " + DAY + ", l.created_by_id, l.channel_code";
    }

    @Override
    public String allRows() {
        return "lead l";
    }

    /** Each key's rows are a range of ix_lead_created_by (created_by_id, created_at), the channel checked on them. */
    @Override
    public String rowsOfKeys(int keys) {
        String key = "(cast(? as bigint), cast(? as varchar(30)), cast(? as timestamp(6) with time zone),"
                + " cast(? as timestamp(6) with time zone))";
        return "(values " + String.join(", ", Collections.nCopies(keys, key)) + ") k(created_by_id, channel_code, t0, t1)"
                + " join lead l on l.created_by_id = k.created_by_id and l.created_at >= k.t0 and l.created_at < k.t1"
                + " and l.channel_code = k.channel_code";
    }

    @Override
    public List<Object> rangeParameters(List<Object> key) {
        long day = (Long) key.get(0);
        return List.of(key.get(1), key.get(2), utc(day * SourceRows.DAY_SECONDS), utc((day + 1) * SourceRows.DAY_SECONDS));
    }

    private static OffsetDateTime utc(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
