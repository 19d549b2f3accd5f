package app.ponte.stats.query;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * <b>A test fixture since decision 050</b>: no statistic is kept by a trigger any more (V37–V44 dropped them all),
 * and the application resolves this class's name to a trigger that does nothing (RetiredH2Triggers). The upgrade
 * tests keep it, unchanged, to write under the old triggers on H2 before they upgrade a database of that time.
 *
 * <p>The day rollups' triggers on H2 (db/vendor/h2/V19; PostgreSQL has them in PL/pgSQL, decision
 * 017): one row-level trigger class for the five tables it watches. Since V38 (decision 036) the
 * statistics feature keeps lead_day and status_change_day: V38 drops {@code tg_status_change_day} and
 * {@code tg_lead_rollups} and creates {@code tg_lead_won_handoffs} (a new name: only handoff.lead_won);
 * the branches of the dropped names stay as they were, because V19 to V37 still create and fire them on
 * a new database. {@code interaction}: a held
 * interaction adds to its day, person and type, an edit moves it, a delete takes it out — only
 * between V19 and V37, which drops {@code tg_interaction_day}: the statistics feature keeps
 * interaction_day since (decision 034); the branch stays because V19 still creates the trigger.
 * {@code lead_status_change}: a change adds to its day, person and move, with the lead's expected
 * value for a change into WON. {@code lead}: a lead adds to its creation day, creator and channel;
 * an edited expected value moves the won value of the lead's changes into WON. {@code purchase}:
 * the amount adds to its lead's revenue. {@code handoff} (before the write): whether its lead has
 * reached WON, which the lead's trigger sets on its handoffs when the lead first reaches WON.
 * {@code lead} again, as {@code tg_lead_cohort_day} (V30): a lead counts in lead_cohort_day under
 * its creation day, channel, highest status reached and lost-from while LOST; an edit of these moves
 * it — only between V30 and V41, which drops the trigger: the statistics feature keeps lead_cohort_day
 * since (decision 044); the branch stays because V30 still creates it. {@code lead} as {@code tg_customer_block} (V32): a lead with a time to customer counts in
 * customer_block under its creation block, channel and duration bucket; an edit moves it — only between V32
 * and V43, which drops the trigger: the statistics feature keeps customer_block since (decision 047); the
 * branch stays because V32 still creates it. {@code lead}
 * as {@code tg_lead_activity_day} (V34): an open lead counts in lead_activity_day under its status and
 * the UTC day of its last activity — only between V34 and V39, which drops the trigger: the statistics
 * feature keeps lead_activity_day since (decision 039); the branch stays because V34 still creates it. A
 * migration that alters a watched table drops its trigger first and creates it again afterwards (H2
 * copies the table).
 */
public class H2RollupTrigger implements Trigger {

    private static final String ADD_INTERACTION = "merge into interaction_day d using (values (cast(? as bigint),"
            + " cast(? as bigint), cast(? as varchar(20)), cast(? as bigint), cast(? as bigint), cast(? as bigint)))"
            + " v(utc_day, user_id, type, held, scored, score_sum)"
            + " on d.utc_day = v.utc_day and d.user_id = v.user_id and d.type = v.type"
            + " when matched then update set held = d.held + v.held, scored = d.scored + v.scored,"
            + " score_sum = d.score_sum + v.score_sum"
            + " when not matched then insert (utc_day, user_id, type, held, scored, score_sum)"
            + " values (v.utc_day, v.user_id, v.type, v.held, v.scored, v.score_sum)";
    private static final String ADD_CHANGE = "merge into status_change_day d using (values (cast(? as bigint),"
            + " cast(? as bigint), cast(? as varchar(15)), cast(? as varchar(15)),"
            + " (select case when cast(? as varchar(15)) = 'WON' then coalesce(l.expected_value, 0) else 0 end"
            + " from lead l where l.id = ?))) v(utc_day, changed_by_id, from_status, to_status, won_value)"
            + " on d.utc_day = v.utc_day and d.changed_by_id = v.changed_by_id and d.from_status = v.from_status"
            + " and d.to_status = v.to_status"
            + " when matched then update set changes = d.changes + 1, won_value = d.won_value + v.won_value"
            + " when not matched then insert (utc_day, changed_by_id, from_status, to_status, changes, won_value)"
            + " values (v.utc_day, v.changed_by_id, v.from_status, v.to_status, 1, v.won_value)";
    private static final String MOVE_WON_VALUE = "update status_change_day d set won_value = d.won_value"
            + " + cast(? as numeric(18, 2)) * (select count(*) from lead_status_change c where c.lead_id = ?"
            + " and c.to_status = 'WON' and c.changed_by_id = d.changed_by_id and c.from_status = d.from_status"
            + " and cast(floor(extract(epoch from c.changed_at) / 86400) as bigint) = d.utc_day)"
            + " where d.to_status = 'WON' and exists (select 1 from lead_status_change c where c.lead_id = ?"
            + " and c.to_status = 'WON' and c.changed_by_id = d.changed_by_id and c.from_status = d.from_status"
            + " and cast(floor(extract(epoch from c.changed_at) / 86400) as bigint) = d.utc_day)";

    private static final String ADD_LEAD = "merge into lead_day d using (values (cast(? as bigint),"
            + " cast(? as bigint), cast(? as varchar(30)), cast(? as bigint))) v(utc_day, created_by_id, channel_code, leads)"
            + " on d.utc_day = v.utc_day and d.created_by_id = v.created_by_id and d.channel_code = v.channel_code"
            + " when matched then update set leads = d.leads + v.leads"
            + " when not matched then insert (utc_day, created_by_id, channel_code, leads)"
            + " values (v.utc_day, v.created_by_id, v.channel_code, v.leads)";

    private static final String ADD_COHORT = "merge into lead_cohort_day d using (values (cast(? as bigint),"
            + " cast(? as varchar(30)), cast(? as smallint), cast(? as varchar(15)), cast(? as bigint)))"
            + " v(utc_day, channel_code, max_status_rank, lost_from, leads)"
            + " on d.utc_day = v.utc_day and d.channel_code = v.channel_code and d.max_status_rank = v.max_status_rank"
            + " and d.lost_from = v.lost_from"
            + " when matched then update set leads = d.leads + v.leads"
            + " when not matched then insert (utc_day, channel_code, max_status_rank, lost_from, leads)"
            + " values (v.utc_day, v.channel_code, v.max_status_rank, v.lost_from, v.leads)";

    /** A customer (sign 1) or its removal (-1) in customer_block; bucket and microseconds worked out in SQL (V31). */
    private static final String ADD_CUSTOMER = "merge into customer_block d using (select"
            + " cast(floor(extract(epoch from cast(? as timestamp(6) with time zone)) / 1382400) as bigint) as block,"
            + " cast(? as varchar(30)) as channel_code, b.bucket, cast(? as bigint) as customers,"
            + " cast(? as bigint) * cast(round(cast(? as double precision) * 1000000) as bigint) as total_micros"
            + " from duration_bucket b where b.lo <= cast(? as double precision) and cast(? as double precision) < b.hi) v"
            + " on d.block = v.block and d.channel_code = v.channel_code and d.bucket = v.bucket"
            + " when matched then update set customers = d.customers + v.customers,"
            + " total_micros = d.total_micros + v.total_micros"
            + " when not matched then insert (block, channel_code, bucket, customers, total_micros)"
            + " values (v.block, v.channel_code, v.bucket, v.customers, v.total_micros)";

    private static final String ADD_ACTIVITY = "merge into lead_activity_day d using (values (cast(? as varchar(15)),"
            + " cast(? as bigint), cast(? as bigint))) v(status, utc_day, leads)"
            + " on d.status = v.status and d.utc_day = v.utc_day"
            + " when matched then update set leads = d.leads + v.leads"
            + " when not matched then insert (status, utc_day, leads) values (v.status, v.utc_day, v.leads)";
    private static final List<String> OPEN = List.of("NEW", "MQL", "SQL", "OPPORTUNITY");

    /**
     * The watched table, or "lead_cohort" / "lead_customer" / "lead_activity" / "lead_won" for lead's further
     * triggers.
     */
    private String table;
    private final Map<String, Integer> columns = new HashMap<>();

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        // told apart by the trigger's name: H2 re-creates a table's triggers on its working copy when it
        // alters the table ("LEAD_COPY_4_12"), so the table's name is not stable, the trigger's is
        table = switch (triggerName.toLowerCase(Locale.ROOT)) {
            case "tg_interaction_day" -> "interaction";
            case "tg_status_change_day" -> "lead_status_change";
            case "tg_lead_rollups" -> "lead";
            case "tg_lead_won_handoffs" -> "lead_won";
            case "tg_handoff_lead_won" -> "handoff";
            case "tg_lead_revenue" -> "purchase";
            case "tg_lead_cohort_day" -> "lead_cohort";
            case "tg_customer_block" -> "lead_customer";
            case "tg_lead_activity_day" -> "lead_activity";
            default -> throw new SQLException("no rollup for trigger " + triggerName);
        };
        try (PreparedStatement ps = conn.prepareStatement("select column_name, ordinal_position"
                + " from information_schema.columns where table_schema = ? and table_name = ?")) {
            ps.setString(1, schemaName);
            ps.setString(2, tableName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1).toLowerCase(), rs.getInt(2) - 1);
                }
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        switch (table) {
            case "interaction" -> {
                if (oldRow != null && newRow != null
                        && same(oldRow, newRow, "occurred_at", "user_id", "type", "planned", "outcome_score")) {
                    return;
                }
                if (oldRow != null) {
                    interaction(conn, oldRow, -1);
                }
                if (newRow != null) {
                    interaction(conn, newRow, 1);
                }
            }
            case "lead_status_change" -> {
                if (oldRow == null && newRow != null) {
                    change(conn, newRow);
                }
            }
            case "lead" -> {
                if (oldRow != null && newRow != null) {
                    BigDecimal before = money(value(oldRow, "expected_value"));
                    BigDecimal after = money(value(newRow, "expected_value"));
                    if (before.compareTo(after) != 0) {
                        try (PreparedStatement ps = conn.prepareStatement(MOVE_WON_VALUE)) {
                            ps.setBigDecimal(1, after.subtract(before));
                            ps.setLong(2, number(value(newRow, "id")));
                            ps.setLong(3, number(value(newRow, "id")));
                            ps.executeUpdate();
                        }
                    }
                    leadWon(conn, oldRow, newRow);
                    if (same(oldRow, newRow, "created_at", "created_by_id", "channel_code")) {
                        return;
                    }
                }
                if (oldRow != null) {
                    lead(conn, oldRow, -1);
                }
                if (newRow != null) {
                    lead(conn, newRow, 1);
                }
            }
            case "lead_won" -> {
                if (oldRow != null && newRow != null) {
                    leadWon(conn, oldRow, newRow);
                }
            }
            case "lead_cohort" -> {
                if (oldRow != null && newRow != null && cohortKey(oldRow).equals(cohortKey(newRow))) {
                    return;
                }
                if (oldRow != null) {
                    cohort(conn, oldRow, -1);
                }
                if (newRow != null) {
                    cohort(conn, newRow, 1);
                }
            }
            case "lead_customer" -> {
                if (oldRow != null && newRow != null
                        && same(oldRow, newRow, "created_at", "channel_code", "to_customer_seconds")) {
                    return;
                }
                if (oldRow != null) {
                    customer(conn, oldRow, -1);
                }
                if (newRow != null) {
                    customer(conn, newRow, 1);
                }
            }
            case "lead_activity" -> {
                if (oldRow != null && newRow != null && Objects.equals(value(oldRow, "status"), value(newRow, "status"))
                        && day(value(oldRow, "last_activity_at")) == day(value(newRow, "last_activity_at"))) {
                    return;
                }
                if (oldRow != null) {
                    activity(conn, oldRow, -1);
                }
                if (newRow != null) {
                    activity(conn, newRow, 1);
                }
            }
            case "handoff" -> {
                // before insert or update: whether the handoff's lead has reached WON
                if (newRow != null && (oldRow == null || !same(oldRow, newRow, "lead_id"))) {
                    try (PreparedStatement ps = conn.prepareStatement(
                            "select max_status_rank from lead where id = ?")) {
                        ps.setLong(1, number(value(newRow, "lead_id")));
                        try (ResultSet rs = ps.executeQuery()) {
                            newRow[columns.get("lead_won")] = rs.next() && rs.getInt(1) == 4;
                        }
                    }
                }
            }
            case "purchase" -> {
                if (oldRow != null && newRow != null && same(oldRow, newRow, "lead_id", "amount")) {
                    return;
                }
                if (oldRow != null) {
                    revenue(conn, oldRow, -1);
                }
                if (newRow != null) {
                    revenue(conn, newRow, 1);
                }
            }
            default -> throw new IllegalStateException(table);
        }
    }

    /** A lead that first reaches WON: its handoffs know it (handoff.lead_won, V24). */
    private void leadWon(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (number(value(newRow, "max_status_rank")) == 4 && number(value(oldRow, "max_status_rank")) < 4) {
            try (PreparedStatement ps = conn.prepareStatement(
                    "update handoff set lead_won = true where lead_id = ? and not lead_won")) {
                ps.setLong(1, number(value(newRow, "id")));
                ps.executeUpdate();
            }
        }
    }

    /** Whether the counted columns are equal in both rows (an edit of other columns changes no rollup). */
    private boolean same(Object[] oldRow, Object[] newRow, String... counted) {
        for (String column : counted) {
            if (!Objects.equals(value(oldRow, column), value(newRow, column))) {
                return false;
            }
        }
        return true;
    }

    private void lead(Connection conn, Object[] row, int sign) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(ADD_LEAD)) {
            ps.setLong(1, day(value(row, "created_at")));
            ps.setLong(2, number(value(row, "created_by_id")));
            ps.setString(3, (String) value(row, "channel_code"));
            ps.setLong(4, sign);
            ps.executeUpdate();
        }
    }

    /** A lead's key in lead_cohort_day: creation day, channel, highest status, lost-from while LOST ('' else). */
    private List<Object> cohortKey(Object[] row) {
        Object lostFrom = value(row, "lost_from");
        return List.of(day(value(row, "created_at")), value(row, "channel_code"), number(value(row, "max_status_rank")),
                "LOST".equals(value(row, "status")) && lostFrom != null ? lostFrom : "");
    }

    private void cohort(Connection conn, Object[] row, int sign) throws SQLException {
        List<Object> key = cohortKey(row);
        try (PreparedStatement ps = conn.prepareStatement(ADD_COHORT)) {
            ps.setLong(1, (Long) key.get(0));
            ps.setString(2, (String) key.get(1));
            ps.setLong(3, (Long) key.get(2));
            ps.setString(4, (String) key.get(3));
            ps.setLong(5, sign);
            ps.executeUpdate();
        }
    }

    private void customer(Connection conn, Object[] row, int sign) throws SQLException {
        Object seconds = value(row, "to_customer_seconds");
        if (seconds == null) {
            return;
        }
        double value = ((Number) seconds).doubleValue();
        try (PreparedStatement ps = conn.prepareStatement(ADD_CUSTOMER)) {
            ps.setObject(1, value(row, "created_at"));
            ps.setString(2, (String) value(row, "channel_code"));
            ps.setLong(3, sign);
            ps.setLong(4, sign);
            ps.setDouble(5, value);
            ps.setDouble(6, value);
            ps.setDouble(7, value);
            ps.executeUpdate();
        }
    }

    private void activity(Connection conn, Object[] row, int sign) throws SQLException {
        if (!OPEN.contains(value(row, "status"))) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement(ADD_ACTIVITY)) {
            ps.setString(1, (String) value(row, "status"));
            ps.setLong(2, day(value(row, "last_activity_at")));
            ps.setLong(3, sign);
            ps.executeUpdate();
        }
    }

    private void revenue(Connection conn, Object[] row, int sign) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("update lead set revenue = revenue + ? where id = ?")) {
            ps.setBigDecimal(1, money(value(row, "amount")).multiply(BigDecimal.valueOf(sign)));
            ps.setLong(2, number(value(row, "lead_id")));
            ps.executeUpdate();
        }
    }

    private void interaction(Connection conn, Object[] row, int sign) throws SQLException {
        if (Boolean.TRUE.equals(value(row, "planned"))) {
            return;
        }
        Object score = value(row, "outcome_score");
        try (PreparedStatement ps = conn.prepareStatement(ADD_INTERACTION)) {
            ps.setLong(1, day(value(row, "occurred_at")));
            ps.setLong(2, number(value(row, "user_id")));
            ps.setString(3, (String) value(row, "type"));
            ps.setLong(4, sign);
            ps.setLong(5, score == null ? 0 : sign);
            ps.setLong(6, score == null ? 0 : sign * number(score));
            ps.executeUpdate();
        }
    }

    private void change(Connection conn, Object[] row) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(ADD_CHANGE)) {
            ps.setLong(1, day(value(row, "changed_at")));
            ps.setLong(2, number(value(row, "changed_by_id")));
            ps.setString(3, (String) value(row, "from_status"));
            ps.setString(4, (String) value(row, "to_status"));
            ps.setString(5, (String) value(row, "to_status"));
            ps.setLong(6, number(value(row, "lead_id")));
            ps.executeUpdate();
        }
    }

    private Object value(Object[] row, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalStateException("no column " + column + " in " + table);
        }
        return row[index];
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static BigDecimal money(Object value) {
        return value == null ? BigDecimal.ZERO : (BigDecimal) value;
    }

    /** The UTC day of an instant: floor(epoch seconds / 86400), as the SQL backfill computes it. */
    static long day(Object timestamp) {
        Instant instant = switch (timestamp) {
            case OffsetDateTime t -> t.toInstant();
            case ZonedDateTime t -> t.toInstant();
            case Instant t -> t;
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("not an instant: " + timestamp.getClass());
        };
        return Math.floorDiv(instant.getEpochSecond(), 86400);
    }

    @Override
    public void close() {
    }

    @Override
    public void remove() {
    }
}
