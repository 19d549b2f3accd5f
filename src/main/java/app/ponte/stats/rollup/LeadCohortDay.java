package app.ponte.stats.rollup;

import app.ponte.lead.LeadsWritten;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/**
 * {@code lead_cohort_day}: leads per UTC day of creation, channel, highest status reached and, while LOST, the
 * status they were lost from ('' otherwise) (decision 019, V29; kept by triggers until V41, by the statistics
 * feature since decision 044). The funnel and the channels' cohort read it for a period's whole UTC days and
 * the leads of its partial first and last day with the same {@link SourceRows#highestStatusRank} and
 * {@link SourceRows#lostFromWhileLost}.
 */
public final class LeadCohortDay implements Rollup {

    public static final LeadCohortDay ROLLUP = new LeadCohortDay();

    private static final String DAY = SourceRows.utcDay("l.created_at");
    private static final String RANK = SourceRows.highestStatusRank("l");
    private static final String LOST_FROM = SourceRows.lostFromWhileLost("l");

    private LeadCohortDay() {
    }

    /** The key of a written lead: its UTC day of creation, channel, highest status's rank, lost-from ('' if none). */
    static List<Object> key(LeadsWritten.Key key) {
        return List.of(Math.floorDiv(key.createdAt().getEpochSecond(), SourceRows.DAY_SECONDS), key.channelCode(),
                key.reached().rank(), key.lostFrom() == null ? "" : key.lostFrom().name());
    }

    @Override
    public String table() {
        return "lead_cohort_day";
    }

    @Override
    public List<String> keyColumns() {
        return List.of("utc_day", "channel_code", "max_status_rank", "lost_from");
    }

    @Override
    public List<String> keyTypes() {
        return List.of("bigint", "varchar(30)", "smallint", "varchar(15)");
    }

    @Override
    public List<String> valueColumns() {
        return List.of("leads");
    }

    @Override
    public String statement(String rows) {
        return "select " + DAY + " as utc_day, l.channel_code, " + RANK + " as max_status_rank, " + LOST_FROM
                + " as lost_from, count(*) as leads from " + rows + " group by " + DAY + ", l.channel_code, " + RANK
                + ", " + LOST_FROM;
    }

    @Override
    public String allRows() {
        return "lead l";
    }

    /**
     * Each key's rows are a range of ix_lead_cohort (created_at, channel_code, max_status_rank, status, lost_from,
     * …): the key's day, the rest checked on the index entries.
     */
    @Override
    public String rowsOfKeys(int keys) {
        String key = "(cast(? as varchar(30)), cast(? as smallint), cast(? as varchar(15)),"
                + " cast(? as timestamp(6) with time zone), cast(? as timestamp(6) with time zone))";
        return "(values " + String.join(", ", Collections.nCopies(keys, key)) + ")"
                + " k(channel_code, max_status_rank, lost_from, t0, t1)"
                + " join lead l on l.created_at >= k.t0 and l.created_at < k.t1 and l.channel_code = k.channel_code"
                + " and " + RANK + " = k.max_status_rank and " + LOST_FROM + " = k.lost_from";
    }

    @Override
    public List<Object> rangeParameters(List<Object> key) {
        long day = (Long) key.get(0);
        return List.of(key.get(1), key.get(2), key.get(3), utc(day * SourceRows.DAY_SECONDS),
                utc((day + 1) * SourceRows.DAY_SECONDS));
    }

    private static OffsetDateTime utc(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
