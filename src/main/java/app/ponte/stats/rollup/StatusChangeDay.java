package app.ponte.stats.rollup;

import app.ponte.lead.StatusChangesWritten;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/**
 * {@code status_change_day}: status changes per UTC day, person who made them and move, with the won
 * value — the current expected value of the leads of the changes into WON ({@link SourceRows#wonValue})
 * — (decision 017, V18; kept by the statistics feature since decision 036). A lead's edited value
 * changes the won value of its change into WON, so that change's key is recomputed too.
 */
public final class StatusChangeDay implements Rollup {

    public static final StatusChangeDay ROLLUP = new StatusChangeDay();

    private static final String DAY = SourceRows.utcDay("c.changed_at");

    private StatusChangeDay() {
    }

    /** The key of a written (or revalued) status change: its UTC day, who made it, the move. */
    static List<Object> key(StatusChangesWritten.Key key) {
        return List.of(Math.floorDiv(key.changedAt().getEpochSecond(), SourceRows.DAY_SECONDS), key.changedBy().value(),
                key.from().name(), key.to().name());
    }

    @Override
    public String table() {
        return "status_change_day";
    }

    @Override
    public List<String> keyColumns() {
        return List.of("utc_day", "changed_by_id", "from_status", "to_status");
    }

    @Override
    public List<String> keyTypes() {
        return List.of("bigint", "bigint", "varchar(15)", "varchar(15)");
    }

    @Override
    public List<String> valueColumns() {
        return List.of("changes", "won_value");
    }

    /** The won value cast to the column's type, so the check compares like with like on both databases. */
    @Override
    public String statement(String rows) {
        return "select " + DAY + " as utc_day, c.changed_by_id, c.from_status, c.to_status, count(*) as changes,"
                + " cast(coalesce(sum(" + SourceRows.wonValue("c", "l") + "), 0) as numeric(18, 2)) as won_value from "
                + rows + " group by " + DAY + ", c.changed_by_id, c.from_status, c.to_status";
    }

    @Override
    public String allRows() {
        return "lead_status_change c " + SourceRows.leadOfChange("c", "l");
    }

    /** Each key's rows are a range of ix_status_change_by (changed_by_id, changed_at), the move checked on them. */
    @Override
    public String rowsOfKeys(int keys) {
        String key = "(cast(? as bigint), cast(? as varchar(15)), cast(? as varchar(15)),"
                + " cast(? as timestamp(6) with time zone), cast(? as timestamp(6) with time zone))";
        return "(values " + String.join(", ", Collections.nCopies(keys, key)) + ")"
                + " k(changed_by_id, from_status, to_status, t0, t1)"
                + " join lead_status_change c on c.changed_by_id = k.changed_by_id and c.changed_at >= k.t0"
                + " and c.changed_at < k.t1 and c.from_status = k.from_status and c.to_status = k.to_status "
                + SourceRows.leadOfChange("c", "l");
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
