package app.ponte.stats.rollup;

import app.ponte.lead.LeadActivityWritten;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/**
 * {@code lead_activity_day}: open leads per status and UTC day of their last activity (V33, kept by
 * triggers until V39; by the statistics feature since decision 039). The stalled leads are counted from it:
 * the whole days before a cutoff's day from here, that day from the rows. Both read a lead's last activity
 * and openness through {@link SourceRows#lastActivity} and {@link SourceRows#openLead}.
 */
public final class LeadActivityDay implements Rollup {

    public static final LeadActivityDay ROLLUP = new LeadActivityDay();

    private static final String DAY = SourceRows.utcDay(SourceRows.lastActivity("l"));

    private LeadActivityDay() {
    }

    /** Whether a lead with this key counts here at all (only open leads do). */
    static boolean counted(LeadActivityWritten.Key key) {
        return key.status().isOpen();
    }

    /** The key of a written lead: its status and the UTC day of its last activity. */
    static List<Object> key(LeadActivityWritten.Key key) {
        return List.of(key.status().name(), Math.floorDiv(key.lastActivityAt().getEpochSecond(), SourceRows.DAY_SECONDS));
    }

    @Override
    public String table() {
        return "lead_activity_day";
    }

    @Override
    public List<String> keyColumns() {
        return List.of("status", "utc_day");
    }

    @Override
    public List<String> keyTypes() {
        return List.of("varchar(15)", "bigint");
    }

    @Override
    public List<String> valueColumns() {
        return List.of("leads");
    }

    @Override
    public String statement(String rows) {
        return "select l.status, " + DAY + " as utc_day, count(*) as leads from " + rows + " where "
                + SourceRows.openLead("l") + " group by l.status, " + DAY;
    }

    @Override
    public String allRows() {
        return "lead l";
    }

    /** Each key's rows are a range of ix_lead_last_activity (status, last_activity_at, id). */
    @Override
    public String rowsOfKeys(int keys) {
        String key = "(cast(? as varchar(15)), cast(? as timestamp(6) with time zone),"
                + " cast(? as timestamp(6) with time zone))";
        String activity = SourceRows.lastActivity("l");
        return "(values " + String.join(", ", Collections.nCopies(keys, key)) + ") k(status, t0, t1)"
                + " join lead l on l.status = k.status and " + activity + " >= k.t0 and " + activity + " < k.t1";
    }

    @Override
    public List<Object> rangeParameters(List<Object> key) {
        long day = (Long) key.get(1);
        return List.of(key.get(0), utc(day * SourceRows.DAY_SECONDS), utc((day + 1) * SourceRows.DAY_SECONDS));
    }

    private static OffsetDateTime utc(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
