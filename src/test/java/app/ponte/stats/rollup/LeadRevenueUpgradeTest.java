package app.ponte.stats.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.stats.ChannelFigures;
import app.ponte.stats.MarketerFigures;
import app.ponte.stats.query.StatsQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database written under the triggers of lead.revenue and handoff.lead_won (migrated up to V41, as main left it
 * before decision 048) upgrades to V44.1 with the same figures: lead.revenue (kept by the lead feature since) is
 * unchanged, the sum of each lead's purchases; the handoff rollups' rows, built with lead_won, are unchanged and equal
 * their statements, which now read the lead; the channels' customers and revenue and the marketers' handoffs and
 * won handoffs are those the statements before V44 computed from lead.revenue and handoff.lead_won, for a year of
 * whole UTC days and a period starting and ending inside a day. handoff.lead_won is gone, and no trigger writes
 * lead.revenue any more: a plain SQL purchase waits for a recompute. Runs on the database under test, as
 * {@link HandoffDayUpgradeTest}.
 */
@Tag("persistence")
class LeadRevenueUpgradeTest {

    @Test
    void a_database_of_v41_upgrades_with_the_same_channel_revenue_and_won_handoffs() {
        try (UpgradeDatabase db = new UpgradeDatabase()) {
            JdbcClient jdbc = db.jdbc;
            String schema = db.schema;
            db.migrate("41");
            long marketer = user(jdbc, schema + "-m", "MARKETING");
            long other = user(jdbc, schema + "-n", "MARKETING");
            long rep = user(jdbc, schema + "-r", "SALES");
            // written under the triggers: customers in two channels, one lead never won; purchases recorded,
            // one edited, one moved to another lead, one deleted; handoffs before and after their lead's win
            long a = lead(jdbc, marketer, "TV", "1964-01-10T09:00:00Z");
            long b = lead(jdbc, marketer, "TV", "1964-01-11T09:00:00Z");
            long c = lead(jdbc, other, "RADIO", "1964-01-12T09:00:00Z");
            long d = lead(jdbc, other, "RADIO", "1964-01-13T09:00:00Z");
            handoff(jdbc, a, marketer, rep, "1964-01-10T12:00:00Z");
            handoff(jdbc, c, other, rep, "1964-01-20T10:00:00Z");
            handoff(jdbc, d, other, null, "1964-01-25T10:00:00Z");
            win(jdbc, a, "1964-02-01T10:00:00Z");
            win(jdbc, b, "1964-02-15T10:00:00Z");
            win(jdbc, c, "1964-12-31T23:30:00Z");
            handoff(jdbc, b, marketer, rep, "1964-03-01T02:00:00Z");
            long first = purchase(jdbc, a, "100.50");
            long edited = purchase(jdbc, a, "20.00");
            long moved = purchase(jdbc, b, "7.25");
            purchase(jdbc, c, "3.00");
            jdbc.sql("update purchase set amount = 30 where id = :id").param("id", edited).update();
            jdbc.sql("update purchase set lead_id = :c where id = :id").param("c", c).param("id", moved).update();
            jdbc.sql("delete from purchase where id = :id").param("id", first).update();
            // the handoff rollups as the running application kept them: V40's statements, with lead_won
            rebuildHandoffRollupsAsV40(jdbc);
            assertThat(db.count("select count(*) from handoff where lead_won")).isEqualTo(3);

            List<Instant[]> periods = List.of(
                    new Instant[] {Instant.parse("1964-01-01T00:00:00Z"), Instant.parse("1965-01-01T00:00:00Z")},
                    new Instant[] {Instant.parse("1964-01-10T11:00:00Z"), Instant.parse("1964-03-01T05:00:00Z")});
            List<String> before = new ArrayList<>();
            for (Instant[] p : periods) {
                before.addAll(figuresBefore(jdbc, p[0], p[1]));
            }
            List<String> revenueBefore = rows(jdbc, "select id, revenue from lead where revenue <> 0 order by id");
            assertThat(revenueBefore).containsExactly(a + " 30.00", c + " 10.25");
            List<String> handoffDaysBefore = rows(jdbc, "select utc_day, from_user_id, state, reason_code, handoffs, won"
                    + " from handoff_day order by utc_day, from_user_id, state, reason_code");
            List<String> recipientDaysBefore = rows(jdbc, "select utc_day, to_user_id, state, handoffs, won"
                    + " from handoff_recipient_day order by utc_day, to_user_id, state");

            db.migrate(null);

            assertThat(db.differences(HandoffDay.ROLLUP)).isZero();
            assertThat(db.differences(HandoffRecipientDay.ROLLUP)).isZero();
            assertThat(rows(jdbc, "select id, revenue from lead where revenue <> 0 order by id")).isEqualTo(revenueBefore);
            assertThat(rows(jdbc, "select lead_id, sum(amount) from purchase group by lead_id having sum(amount) <> 0"
                    + " order by lead_id")).isEqualTo(revenueBefore);
            assertThat(rows(jdbc, "select utc_day, from_user_id, state, reason_code, handoffs, won"
                    + " from handoff_day order by utc_day, from_user_id, state, reason_code")).isEqualTo(handoffDaysBefore);
            assertThat(rows(jdbc, "select utc_day, to_user_id, state, handoffs, won"
                    + " from handoff_recipient_day order by utc_day, to_user_id, state")).isEqualTo(recipientDaysBefore);
            StatsQuery stats = new StatsQuery(jdbc);
            List<String> after = new ArrayList<>();
            for (Instant[] p : periods) {
                after.addAll(figures(stats, p[0], p[1]));
            }
            assertThat(after).isEqualTo(before);

            assertThatThrownBy(() -> db.count("select count(*) from handoff where lead_won")).isNotNull();
            // no trigger writes lead.revenue: a plain SQL purchase waits for a recompute
            purchase(jdbc, b, "1.00");
            assertThat(db.count("select count(*) from lead where revenue <> 0")).isEqualTo(2);
        }
    }

    /** V40's backfill of handoff_day and handoff_recipient_day: whether a handoff's lead was won from lead_won. */
    private static void rebuildHandoffRollupsAsV40(JdbcClient jdbc) {
        String day = "cast(floor(extract(epoch from h.created_at) / 86400) as bigint)";
        jdbc.sql("delete from handoff_day").update();
        jdbc.sql("insert into handoff_day (utc_day, from_user_id, state, reason_code, handoffs, won) select " + day
                + ", h.from_user_id, h.state, coalesce(h.reason_code, ''), count(*),"
                + " cast(sum(case when h.lead_won then 1 else 0 end) as bigint) from handoff h group by " + day
                + ", h.from_user_id, h.state, coalesce(h.reason_code, '')").update();
        jdbc.sql("delete from handoff_recipient_day").update();
        jdbc.sql("insert into handoff_recipient_day (utc_day, to_user_id, state, handoffs, won) select " + day
                + ", coalesce(h.to_user_id, 0), h.state, count(*), cast(sum(case when h.lead_won then 1 else 0 end)"
                + " as bigint) from handoff h group by " + day + ", coalesce(h.to_user_id, 0), h.state").update();
    }

    /** The statements before V44: customers and revenue per channel from lead.revenue, handoffs won from lead_won. */
    private static List<String> figuresBefore(JdbcClient jdbc, Instant from, Instant to) {
        Map<String, Object> period = Map.of("from", utc(from), "to", utc(to));
        List<String> lines = new ArrayList<>();
        lines.addAll(jdbc.sql("select c.code, count(l.id), coalesce(sum(l.revenue), 0) from channel c left join lead l"
                        + " on l.channel_code = c.code and l.first_won_at >= :from and l.first_won_at < :to"
                        + " where c.code in ('TV', 'RADIO') group by c.code order by c.code")
                .params(period)
                .query((rs, n) -> "channel " + rs.getString(1) + " " + rs.getLong(2) + " " + money(rs.getBigDecimal(3)))
                .list());
        lines.addAll(jdbc.sql("select u.username, count(h.id), coalesce(sum(case when h.lead_won then 1 else 0 end), 0)"
                        + " from app_user u join app_user_role r on r.user_id = u.id and r.role = 'MARKETING'"
                        + " left join handoff h on h.from_user_id = u.id and h.created_at >= :from and h.created_at < :to"
                        + " group by u.username order by u.username")
                .params(period)
                .query((rs, n) -> "marketer " + rs.getString(1) + " " + rs.getLong(2) + " won " + rs.getLong(3))
                .list());
        return lines;
    }

    /** The same figures from StatsQuery as it reads them since V44. */
    private static List<String> figures(StatsQuery stats, Instant from, Instant to) {
        List<String> lines = new ArrayList<>();
        LocalDate fromDate = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate toDate = LocalDate.ofInstant(to, ZoneOffset.UTC).minusDays(1);
        for (ChannelFigures c : stats.channels(from, to, fromDate, toDate)) {
            if (c.channel().equals("TV") || c.channel().equals("RADIO")) {
                lines.add("channel " + c.channel() + " " + c.customers() + " " + money(c.revenue()));
            }
        }
        lines.sort(null);
        List<String> marketers = new ArrayList<>();
        for (MarketerFigures m : stats.marketers(from, to)) {
            marketers.add("marketer " + m.username() + " " + m.handoffsSent() + " won " + m.handoffsWon());
        }
        marketers.sort(null);
        lines.addAll(marketers);
        return lines;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    private static List<String> rows(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query((rs, n) -> {
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object value = rs.getObject(i);
                cells.add(value instanceof BigDecimal money ? money(money) : String.valueOf(value));
            }
            return String.join(" ", cells);
        }).list();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static long user(JdbcClient jdbc, String username, String role) {
        jdbc.sql("insert into app_user (username, full_name, created_at, updated_at) values"
                + " (:u, 'Upgrade user', current_timestamp, current_timestamp)").param("u", username).update();
        long id = jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
        jdbc.sql("insert into app_user_role (user_id, role) values (:id, :role)").param("id", id).param("role", role)
                .update();
        return id;
    }

    /** An MQL lead of the creator's. */
    private static long lead(JdbcClient jdbc, long by, String channel, String created) {
        OffsetDateTime at = OffsetDateTime.parse(created);
        jdbc.sql("insert into lead (name, channel_code, status, max_status_rank, owner_id, created_by_id, created_at,"
                        + " status_changed_at, updated_at, version, at_risk, last_activity_at)"
                        + " values ('Upgrade lead', :channel, 'MQL', 1, :by, :by, :at, :at, :at, 0, false, :at)")
                .param("channel", channel).param("by", by).param("at", at).update();
        return jdbc.sql("select max(id) from lead").query(Long.class).single();
    }

    private static void win(JdbcClient jdbc, long lead, String at) {
        jdbc.sql("update lead set status = 'WON', max_status_rank = 4, first_won_at = :at where id = :id")
                .param("at", OffsetDateTime.parse(at)).param("id", lead).update();
    }

    /** A pending handoff ({@code to} null: in the queue). */
    private static void handoff(JdbcClient jdbc, long lead, long from, Long to, String created) {
        jdbc.sql("insert into handoff (lead_id, from_user_id, to_user_id, via_queue, state, created_at, pending_lead_id)"
                        + " values (:lead, :from, :to, :queue, 'PENDING', :created, :lead)")
                .param("lead", lead).param("from", from).param("to", to).param("queue", to == null)
                .param("created", OffsetDateTime.parse(created)).update();
    }

    private static long purchase(JdbcClient jdbc, long lead, String amount) {
        jdbc.sql("insert into purchase (lead_id, purchased_on, amount, created_at, version)"
                        + " values (:lead, date '1964-06-01', :amount, current_timestamp, 0)")
                .param("lead", lead).param("amount", new BigDecimal(amount)).update();
        return jdbc.sql("select max(id) from purchase").query(Long.class).single();
    }
}
