package app.ponte.stats.rollup;

import app.ponte.lead.StatusChangesWritten;
import java.util.Collections;
import java.util.List;

/**
 * {@code stage_interval_channel_day}: {@link StageIntervalDay} per channel of the interval's lead — the change's
 * {@link SourceRows#changeChannel}, which follows an edit of the lead's channel — (decision 018, V26; kept by
 * triggers until V42, by the statistics feature since decision 046). A channel edit moves a lead's intervals from
 * the old channel's keys to the new one's.
 */
public final class StageIntervalChannelDay implements Rollup {

    public static final StageIntervalChannelDay ROLLUP = new StageIntervalChannelDay();

    private static final String DAY = SourceRows.utcDay("c.lead_created_at");
    private static final String CHANNEL = SourceRows.changeChannel("c");

    private StageIntervalChannelDay() {
    }

    /** The key of a written change's interval: its lead's channel, creation day, the status left, the bucket. */
    static List<Object> key(StatusChangesWritten.Key key, int bucket) {
        return List.of(key.leadChannelCode(), Math.floorDiv(key.leadCreatedAt().getEpochSecond(),
                SourceRows.DAY_SECONDS), key.from().name(), bucket);
    }

    @Override
    public String table() {
        return "stage_interval_channel_day";
    }

    @Override
    public List<String> keyColumns() {
        return List.of("channel_code", "utc_day", "from_status", "bucket");
    }

    @Override
    public List<String> keyTypes() {
        return List.of("varchar(30)", "bigint", "varchar(15)", "integer");
    }

    @Override
    public List<String> valueColumns() {
        return List.of("intervals", "total_seconds");
    }

    /** The seconds' sum cast to the column's type, so the check compares like with like on both databases. */
    @Override
    public String statement(String rows) {
        return "select " + CHANNEL + " as channel_code, " + DAY + " as utc_day, c.from_status, b.bucket,"
                + " count(*) as intervals, cast(sum(c.from_duration_seconds) as bigint) as total_seconds from " + rows
                + SourceRows.durationBucket("b", "c.from_duration_seconds") + " where "
                + SourceRows.closesOpenInterval("c") + " group by " + CHANNEL + ", " + DAY + ", c.from_status, b.bucket";
    }

    @Override
    public String allRows() {
        return "lead_status_change c";
    }

    /**
     * Each key's rows are one index range: of ix_status_change_cohort (from_status, lead_created_at,
     * from_duration_seconds: the status and the creation day, the channel checked on the rows), which PostgreSQL
     * chose at 100,000 leads (0.3 ms for a key), or of ix_status_change_channel_duration (lead_channel_code,
     * from_status, from_duration_seconds, lead_created_at: the channel, status and bucket bounds).
     */
    @Override
    public String rowsOfKeys(int keys) {
        String key = "(cast(? as varchar(30)), cast(? as varchar(15)), cast(? as integer),"
                + " cast(? as timestamp(6) with time zone), cast(? as timestamp(6) with time zone))";
        return "(values " + String.join(", ", Collections.nCopies(keys, key)) + ")"
                + " k(channel_code, from_status, bucket, t0, t1)"
                + " join duration_bucket kb on kb.bucket = k.bucket"
                + " join lead_status_change c on " + CHANNEL + " = k.channel_code and c.from_status = k.from_status"
                + " and c.from_duration_seconds >= kb.lo and c.from_duration_seconds < kb.hi"
                + " and c.lead_created_at >= k.t0 and c.lead_created_at < k.t1";
    }

    @Override
    public List<Object> rangeParameters(List<Object> key) {
        long day = (Long) key.get(1);
        return List.of(key.get(0), key.get(2), key.get(3), HandoffDay.utc(day * SourceRows.DAY_SECONDS),
                HandoffDay.utc((day + 1) * SourceRows.DAY_SECONDS));
    }
}
