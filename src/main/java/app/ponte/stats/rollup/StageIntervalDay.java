package app.ponte.stats.rollup;

import app.ponte.lead.StatusChangesWritten;
import java.util.Collections;
import java.util.List;

/**
 * {@code stage_interval_day}: the closed stage intervals (a status change out of an open status closes one:
 * {@link SourceRows#closesOpenInterval}) per UTC day of their lead's creation, status left and duration bucket
 * ({@link SourceRows#durationBucket}), with their total seconds: the stage durations' histogram (decision 018,
 * V22; kept by triggers until V42, by the statistics feature since decision 046).
 */
public final class StageIntervalDay implements Rollup {

    public static final StageIntervalDay ROLLUP = new StageIntervalDay();

    private static final String DAY = SourceRows.utcDay("c.lead_created_at");

    private StageIntervalDay() {
    }

    /** The key of a written change's interval: its lead's UTC creation day, the status left, the duration bucket. */
    static List<Object> key(StatusChangesWritten.Key key, int bucket) {
        return List.of(Math.floorDiv(key.leadCreatedAt().getEpochSecond(), SourceRows.DAY_SECONDS), key.from().name(),
                bucket);
    }

    @Override
    public String table() {
        return "stage_interval_day";
    }

    @Override
    public List<String> keyColumns() {
        return List.of("utc_day", "from_status", "bucket");
    }

    @Override
    public List<String> keyTypes() {
        return List.of("bigint", "varchar(15)", "integer");
    }

    @Override
    public List<String> valueColumns() {
        return List.of("intervals", "total_seconds");
    }

    /** The seconds' sum cast to the column's type, so the check compares like with like on both databases. */
    @Override
    public String statement(String rows) {
        return "select " + DAY + " as utc_day, c.from_status, b.bucket, count(*) as intervals,"
                + " cast(sum(c.from_duration_seconds) as bigint) as total_seconds from " + rows
                + SourceRows.durationBucket("b", "c.from_duration_seconds") + " where "
                + SourceRows.closesOpenInterval("c") + " group by " + DAY + ", c.from_status, b.bucket";
    }

    @Override
    public String allRows() {
        return "lead_status_change c";
    }

    /**
     * Each key's rows are a range of ix_status_change_cohort (from_status, lead_created_at, from_duration_seconds):
     * the status and the creation day, the bucket's bounds checked on the index entries.
     */
    @Override
    public String rowsOfKeys(int keys) {
        String key = "(cast(? as varchar(15)), cast(? as integer), cast(? as timestamp(6) with time zone),"
                + " cast(? as timestamp(6) with time zone))";
        return "(values " + String.join(", ", Collections.nCopies(keys, key)) + ") k(from_status, bucket, t0, t1)"
                + " join duration_bucket kb on kb.bucket = k.bucket"
                + " join lead_status_change c on c.from_status = k.from_status and c.lead_created_at >= k.t0"
                + " and c.lead_created_at < k.t1 and c.from_duration_seconds >= kb.lo and c.from_duration_seconds < kb.hi";
    }

    @Override
    public List<Object> rangeParameters(List<Object> key) {
        long day = (Long) key.get(0);
        return List.of(key.get(1), key.get(2), HandoffDay.utc(day * SourceRows.DAY_SECONDS),
                HandoffDay.utc((day + 1) * SourceRows.DAY_SECONDS));
    }
}
