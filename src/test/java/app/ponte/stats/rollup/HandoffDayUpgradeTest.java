package app.ponte.stats.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.stats.HandoffFigures;
import app.ponte.stats.MarketerFigures;
import app.ponte.stats.RepFigures;
import app.ponte.stats.query.StatsQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database written before the handoff rollups (migrated up to V39, as main left it before decision 040)
 * upgrades to V40 with exact rollups: the backfills equal the rollups' statements, and the handoff figures of
 * the statistics — the period's counts, reasons, overdue ones and median decision time, each rep's and each
 * marketer's handoffs with the reps' medians — are exactly those the statements before V40 computed from the
 * handoffs (percentile_cont over the rows), for a period of whole UTC days and one that starts and ends inside
 * a day. A plain SQL write is not counted until a rebuild. Runs on the database under test, as
 * {@link LeadActivityUpgradeTest}.
 */
@Tag("persistence")
class HandoffDayUpgradeTest {

    @Test
    void a_database_of_v39_upgrades_with_the_same_handoff_figures() {
        try (UpgradeDatabase db = new UpgradeDatabase()) {
            JdbcClient jdbc = db.jdbc;
            String schema = db.schema;
            db.migrate("39");
            long marketer = user(jdbc, schema + "-m", "MARKETING");
            long other = user(jdbc, schema + "-n", "MARKETING");
            long repA = user(jdbc, schema + "-a", "SALES");
            long repB = user(jdbc, schema + "-b", "SALES");
            // written before V40: pending, in the queue, accepted, rejected, decided across midnight, fractions of
            // a second, an even count for repA's median, a lead won after its handoff, one outside the periods
            handoff(jdbc, marketer, repA, "PENDING", "2007-01-10T10:00:00Z", null, null);
            handoff(jdbc, marketer, null, "PENDING", "2007-01-11T23:30:00Z", null, null);
            handoff(jdbc, marketer, repA, "ACCEPTED", "2007-01-10T23:59:59.500Z", "2007-01-11T01:00:00.750Z", null);
            handoff(jdbc, other, repB, "REJECTED", "2007-01-12T00:00:00Z", "2007-01-12T02:00:00Z", "NO_BUDGET");
            handoff(jdbc, other, repB, "REJECTED", "2007-01-12T06:00:00Z", "2007-01-13T02:00:00Z", "NOT_A_FIT");
            handoff(jdbc, marketer, repB, "ACCEPTED", "2007-01-15T12:00:00Z", "2007-01-15T12:01:40Z", null);
            long won = handoff(jdbc, marketer, repA, "ACCEPTED", "2007-01-16T08:00:00Z", "2007-01-16T13:33:20.250Z", null);
            handoff(jdbc, other, repA, "ACCEPTED", "2007-01-16T09:00:00Z", "2007-01-17T09:00:00Z", null);
            handoff(jdbc, marketer, repA, "ACCEPTED", "2007-02-20T09:00:00Z", "2007-02-20T10:00:00Z", null);
            jdbc.sql("update lead set status = 'WON', max_status_rank = 4 where id = :id").param("id", won).update();
            List<Instant[]> periods = List.of(
                    new Instant[] {Instant.parse("2007-01-01T00:00:00Z"), Instant.parse("2007-02-01T00:00:00Z")},
                    new Instant[] {Instant.parse("2007-01-10T11:00:00Z"), Instant.parse("2007-01-16T08:30:00Z")},
                    new Instant[] {Instant.parse("2007-01-09T23:00:00Z"), Instant.parse("2007-01-16T23:00:00Z")});
            Instant overdueBefore = Instant.parse("2007-01-11T00:00:00Z");
            List<String> before = new ArrayList<>();
            for (Instant[] p : periods) {
                before.addAll(figuresBefore(jdbc, p[0], p[1], overdueBefore));
            }

            db.migrate(null);

            assertThat(db.differences(HandoffDay.ROLLUP)).isZero();
            assertThat(db.differences(HandoffRecipientDay.ROLLUP)).isZero();
            assertThat(db.differences(HandoffDecisionDay.ROLLUP)).isZero();
            List<String> after = new ArrayList<>();
            StatsQuery stats = new StatsQuery(jdbc);
            for (Instant[] p : periods) {
                after.addAll(figures(stats, p[0], p[1], overdueBefore));
            }
            assertThat(after).isEqualTo(before);
            // no trigger counts handoffs: a plain SQL write waits for a rebuild
            handoff(jdbc, marketer, repA, "PENDING", "2007-01-20T12:00:00Z", null, null);
            assertThat(db.differences(HandoffDay.ROLLUP)).isEqualTo(1);
        }
    }

    /** The statements of StatsQuery before V40 (one scan of the rows each, percentile_cont), as lines. */
    private static List<String> figuresBefore(JdbcClient jdbc, Instant from, Instant to, Instant overdueBefore) {
        Map<String, Object> period = Map.of("from", utc(from), "to", utc(to), "overdueBefore", utc(overdueBefore));
        String decided = "case when h.state <> 'PENDING' then h.decision_seconds end";
        List<String> lines = new ArrayList<>();
        lines.add(jdbc.sql("select count(*), coalesce(sum(case when h.state = 'ACCEPTED' then 1 else 0 end), 0),"
                        + " coalesce(sum(case when h.state = 'REJECTED' then 1 else 0 end), 0),"
                        + " coalesce(sum(case when h.state = 'PENDING' then 1 else 0 end), 0),"
                        + " coalesce(sum(case when h.state = 'PENDING' and h.created_at < :overdueBefore then 1 else 0 end), 0),"
                        + " percentile_cont(0.5) within group (order by " + decided + ")"
                        + " from handoff h where h.created_at >= :from and h.created_at < :to")
                .params(period)
                .query((rs, n) -> "all " + rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " "
                        + rs.getLong(4) + " overdue " + rs.getLong(5) + " median " + hours(rs.getObject(6)))
                .single());
        lines.add("reasons " + new TreeMap<>(jdbc.sql("select h.reason_code, count(*) from handoff h where"
                        + " h.state = 'REJECTED' and h.created_at >= :from and h.created_at < :to group by h.reason_code")
                .params(period)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        for (String column : List.of("to_user_id", "from_user_id")) {
            jdbc.sql("select u.username, count(h.id), coalesce(sum(case when h.state = 'ACCEPTED' then 1 else 0 end), 0),"
                            + " coalesce(sum(case when h.state = 'REJECTED' then 1 else 0 end), 0),"
                            + " coalesce(sum(case when h.state = 'PENDING' then 1 else 0 end), 0),"
                            + " coalesce(sum(case when h.lead_won then 1 else 0 end), 0),"
                            + " percentile_cont(0.5) within group (order by " + decided + ")"
                            + " from app_user u join app_user_role r on r.user_id = u.id and r.role = :role"
                            + " left join handoff h on h." + column + " = u.id and h.created_at >= :from and h.created_at < :to"
                            + " group by u.username order by u.username")
                    .params(period)
                    .param("role", column.equals("to_user_id") ? "SALES" : "MARKETING")
                    .query((rs, n) -> (column.equals("to_user_id") ? "rep " : "marketer ") + rs.getString(1) + " "
                            + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4) + " " + rs.getLong(5) + " "
                            + (column.equals("to_user_id") ? "median " + hours(rs.getObject(7)) : "won " + rs.getLong(6)))
                    .list()
                    .forEach(lines::add);
        }
        return lines;
    }

    /** The same figures from StatsQuery as it reads them since V40. */
    private static List<String> figures(StatsQuery stats, Instant from, Instant to, Instant overdueBefore) {
        HandoffFigures f = stats.handoffs(from, to, overdueBefore, 48);
        List<String> lines = new ArrayList<>();
        lines.add("all " + f.sent() + " " + f.accepted() + " " + f.rejected() + " " + f.pending() + " overdue "
                + f.overduePending() + " median " + hours(f.medianDecisionHours() == null ? null
                        : f.medianDecisionHours() * 3600.0));
        lines.add("reasons " + new TreeMap<>(f.rejectionReasons()));
        for (RepFigures r : stats.reps(from, to)) {
            lines.add("rep " + r.username() + " " + r.handoffsReceived() + " " + r.accepted() + " " + r.rejected() + " "
                    + r.pending() + " median " + hours(r.medianDecisionHours() == null ? null
                            : r.medianDecisionHours() * 3600.0));
        }
        for (MarketerFigures m : stats.marketers(from, to)) {
            lines.add("marketer " + m.username() + " " + m.handoffsSent() + " " + m.accepted() + " " + m.rejected()
                    + " " + m.pending() + " won " + m.handoffsWon());
        }
        return lines;
    }

    /** Seconds shown to the microsecond (the timestamps' precision; percentile_cont and Java may differ in the last bit). */
    private static String hours(Object seconds) {
        return seconds == null ? "none" : String.format(Locale.ROOT, "%.6f", ((Number) seconds).doubleValue());
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

    /** A lead of the sender's and its handoff; returns the lead's id. */
    private static long handoff(JdbcClient jdbc, long from, Long to, String state, String created, String decided,
            String reason) {
        OffsetDateTime at = OffsetDateTime.parse(created);
        jdbc.sql("insert into lead (name, channel_code, status, max_status_rank, owner_id, created_by_id, created_at,"
                        + " status_changed_at, updated_at, version, at_risk, last_activity_at)"
                        + " values ('Upgrade lead', 'TV', 'MQL', 1, :by, :by, :at, :at, :at, 0, false, :at)")
                .param("by", from).param("at", at).update();
        long lead = jdbc.sql("select max(id) from lead").query(Long.class).single();
        jdbc.sql("insert into handoff (lead_id, from_user_id, to_user_id, via_queue, state, created_at, decided_at,"
                        + " decided_by_id, reason_code, pending_lead_id) values (:lead, :from, :to, :queue, :state,"
                        + " :created, :decided, :to, :reason, :pending)")
                .param("lead", lead).param("from", from).param("to", to).param("queue", to == null)
                .param("state", state).param("created", at)
                .param("decided", decided == null ? null : OffsetDateTime.parse(decided))
                .param("reason", reason).param("pending", "PENDING".equals(state) ? lead : null)
                .update();
        return lead;
    }
}
