package app.ponte.stats.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Set;
import org.h2.tools.TriggerAdapter;

/**
 * The stage-duration histogram's trigger on H2 (db/vendor/h2/V23; PostgreSQL has it in PL/pgSQL,
 * decision 018): a status change from an open status adds its closed interval to the row of its
 * lead's creation day (UTC), status and duration bucket. The day and the bucket are worked out by
 * the database, as in the V22 backfill (the bucket from the duration_bucket table, never in Java).
 */
public class H2StageIntervalTrigger extends TriggerAdapter {

    private static final Set<String> OPEN = Set.of("NEW", "MQL", "SQL", "OPPORTUNITY");
    private static final String ADD = "merge into stage_interval_day d using (select"
            + " cast(floor(extract(epoch from cast(? as timestamp(6) with time zone)) / 86400) as bigint) as utc_day,"
            + " cast(? as varchar(15)) as from_status, b.bucket, cast(? as bigint) as seconds"
            + " from duration_bucket b where b.lo <= ? and ? < b.hi) v"
            + " on d.utc_day = v.utc_day and d.from_status = v.from_status and d.bucket = v.bucket"
            + " when matched then update set intervals = d.intervals + 1, total_seconds = d.total_seconds + v.seconds"
            + " when not matched then insert (utc_day, from_status, bucket, intervals, total_seconds)"
            + " values (v.utc_day, v.from_status, v.bucket, 1, v.seconds)";

    @Override
    public void fire(Connection conn, ResultSet oldRow, ResultSet newRow) throws SQLException {
        if (oldRow != null || newRow == null) {
            return;
        }
        String status = newRow.getString("from_status");
        if (!OPEN.contains(status)) {
            return;
        }
        long seconds = newRow.getLong("from_duration_seconds");
        try (PreparedStatement ps = conn.prepareStatement(ADD)) {
            ps.setObject(1, newRow.getObject("lead_created_at", OffsetDateTime.class));
            ps.setString(2, status);
            ps.setLong(3, seconds);
            ps.setLong(4, seconds);
            ps.setLong(5, seconds);
            ps.executeUpdate();
        }
    }
}
