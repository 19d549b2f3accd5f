package app.ponte.stats.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.h2.tools.TriggerAdapter;

/**
 * <b>A test fixture since decision 050</b>: no statistic is kept by a trigger any more (V37–V44 dropped them all),
 * and the application resolves this class's name to a trigger that does nothing (RetiredH2Triggers). The upgrade
 * tests keep it, unchanged, to write under the old triggers on H2 before they upgrade a database of that time.
 *
 * <p>The stage-duration histograms' triggers on H2 (db/vendor/h2/V23 and V27; PostgreSQL has them in
 * PL/pgSQL, decision 018), told apart by the trigger's name. {@code tg_stage_interval_day}: a status
 * change from an open status adds its closed interval to the row of its lead's creation day (UTC),
 * status and duration bucket. {@code tg_stage_interval_channel_day}: the same per channel of the
 * lead. {@code tg_lead_stage_interval_channel} (on lead): a lead moved to another channel moves all
 * its intervals from the old channel's rows to the new channel's (emptied rows deleted). The day and
 * the bucket are worked out by the database, as in the V22 and V26 backfills (the bucket from the
 * duration_bucket table, never in Java). {@code tg_status_change_channel} (before insert, V28): the
 * change's {@code lead_channel_code} set to its lead's channel; {@code tg_lead_status_change_channel}
 * (on lead): a lead moved to another channel, its changes follow.
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
    private static final String ADD_TO_CHANNEL = "merge into stage_interval_channel_day d using (select l.channel_code,"
            + " cast(floor(extract(epoch from cast(? as timestamp(6) with time zone)) / 86400) as bigint) as utc_day,"
            + " cast(? as varchar(15)) as from_status, b.bucket, cast(? as bigint) as seconds"
            + " from lead l join duration_bucket b on b.lo <= ? and ? < b.hi where l.id = ?) v"
            + " on d.channel_code = v.channel_code and d.utc_day = v.utc_day and d.from_status = v.from_status"
            + " and d.bucket = v.bucket"
            + " when matched then update set intervals = d.intervals + 1, total_seconds = d.total_seconds + v.seconds"
            + " when not matched then insert (channel_code, utc_day, from_status, bucket, intervals, total_seconds)"
            + " values (v.channel_code, v.utc_day, v.from_status, v.bucket, 1, v.seconds)";
    /** A lead's intervals added to (sign 1) or taken from (sign -1) one channel's rows. */
    private static final String MOVE = "merge into stage_interval_channel_day d using (select x.utc_day,"
            + " x.from_status, x.bucket, count(*) as intervals, sum(x.seconds) as total_seconds from (select"
            + " cast(floor(extract(epoch from c.lead_created_at) / 86400) as bigint) as utc_day, c.from_status,"
            + " b.bucket, c.from_duration_seconds as seconds from lead_status_change c join duration_bucket b"
            + " on b.lo <= c.from_duration_seconds and c.from_duration_seconds < b.hi"
            + " where c.lead_id = ? and c.from_status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY')) x"
            + " group by x.utc_day, x.from_status, x.bucket) v"
            + " on d.channel_code = cast(? as varchar(30)) and d.utc_day = v.utc_day and d.from_status = v.from_status"
            + " and d.bucket = v.bucket"
            + " when matched then update set intervals = d.intervals + cast(? as bigint) * v.intervals,"
            + " total_seconds = d.total_seconds + cast(? as bigint) * v.total_seconds"
            + " when not matched then insert (channel_code, utc_day, from_status, bucket, intervals, total_seconds)"
            + " values (cast(? as varchar(30)), v.utc_day, v.from_status, v.bucket, cast(? as bigint) * v.intervals,"
            + " cast(? as bigint) * v.total_seconds)";
    private static final String DELETE_EMPTIED = "delete from stage_interval_channel_day d"
            + " where d.channel_code = ? and d.intervals = 0 and d.utc_day in (select"
            + " cast(floor(extract(epoch from c.lead_created_at) / 86400) as bigint) from lead_status_change c"
            + " where c.lead_id = ?)";

    @Override
    public void fire(Connection conn, ResultSet oldRow, ResultSet newRow) throws SQLException {
        String trigger = triggerName.toLowerCase(Locale.ROOT);
        if (trigger.equals("tg_status_change_channel")) {
            if (newRow != null) {
                try (PreparedStatement ps = conn.prepareStatement("select channel_code from lead where id = ?")) {
                    ps.setLong(1, newRow.getLong("lead_id"));
                    try (ResultSet rs = ps.executeQuery()) {
                        // a change of no lead keeps null: the foreign key or the not-null check refuses it
                        newRow.updateString("lead_channel_code", rs.next() ? rs.getString(1) : null);
                    }
                }
            }
            return;
        }
        if (trigger.equals("tg_lead_status_change_channel")) {
            if (oldRow != null && newRow != null
                    && !Objects.equals(oldRow.getString("channel_code"), newRow.getString("channel_code"))) {
                try (PreparedStatement ps = conn.prepareStatement(
                        "update lead_status_change set lead_channel_code = ? where lead_id = ?")) {
                    ps.setString(1, newRow.getString("channel_code"));
                    ps.setLong(2, newRow.getLong("id"));
                    ps.executeUpdate();
                }
            }
            return;
        }
        if (trigger.equals("tg_lead_stage_interval_channel")) {
            if (oldRow != null && newRow != null
                    && !Objects.equals(oldRow.getString("channel_code"), newRow.getString("channel_code"))) {
                long lead = newRow.getLong("id");
                move(conn, lead, oldRow.getString("channel_code"), -1);
                try (PreparedStatement ps = conn.prepareStatement(DELETE_EMPTIED)) {
                    ps.setString(1, oldRow.getString("channel_code"));
                    ps.setLong(2, lead);
                    ps.executeUpdate();
                }
                move(conn, lead, newRow.getString("channel_code"), 1);
            }
            return;
        }
        if (oldRow != null || newRow == null) {
            return;
        }
        String status = newRow.getString("from_status");
        if (!OPEN.contains(status)) {
            return;
        }
        boolean perChannel = trigger.equals("tg_stage_interval_channel_day");
        long seconds = newRow.getLong("from_duration_seconds");
        try (PreparedStatement ps = conn.prepareStatement(perChannel ? ADD_TO_CHANNEL : ADD)) {
            ps.setObject(1, newRow.getObject("lead_created_at", OffsetDateTime.class));
            ps.setString(2, status);
            ps.setLong(3, seconds);
            ps.setLong(4, seconds);
            ps.setLong(5, seconds);
            if (perChannel) {
                ps.setLong(6, newRow.getLong("lead_id"));
            }
            ps.executeUpdate();
        }
    }

    private static void move(Connection conn, long lead, String channel, int sign) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(MOVE)) {
            ps.setLong(1, lead);
            ps.setString(2, channel);
            ps.setInt(3, sign);
            ps.setInt(4, sign);
            ps.setString(5, channel);
            ps.setInt(6, sign);
            ps.setInt(7, sign);
            ps.executeUpdate();
        }
    }
}
