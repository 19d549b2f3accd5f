package app.ponte.stats.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.stats.FunnelStep;
import app.ponte.stats.query.StatsQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database written while lead_cohort_day was kept by triggers (migrated up to V40, as main left it before
 * decision 044) upgrades to the statistics feature's keeping with an exact rollup: V41 drops the triggers and
 * keeps their rows, which equal the definition's statement; the funnel and the channels' cohort figures read
 * after the upgrade are those read before it (and the funnel's steps are the leads' own counts), for a period of
 * whole UTC days and one that starts and ends inside a day; a plain SQL write is no longer counted. Runs on the
 * database under test, as {@link HandoffDayUpgradeTest}.
 */
@Tag("persistence")
class LeadCohortDayUpgradeTest {

    private static final List<Instant[]> PERIODS = List.of(
            new Instant[] {Instant.parse("2007-01-01T00:00:00Z"), Instant.parse("2007-02-01T00:00:00Z")},
            new Instant[] {Instant.parse("2007-01-10T11:00:00Z"), Instant.parse("2007-01-12T08:30:00Z")});

    @Test
    void a_database_written_under_the_triggers_upgrades_with_the_same_funnel() {
        try (UpgradeDatabase db = new UpgradeDatabase()) {
            JdbcClient jdbc = db.jdbc;
            String schema = db.schema;
            db.migrate("40");
            jdbc.sql("insert into app_user (username, full_name, created_at, updated_at) values"
                    + " (:u, 'Upgrade rep', current_timestamp, current_timestamp)").param("u", schema).update();
            long rep = jdbc.sql("select id from app_user where username = :u").param("u", schema).query(Long.class).single();
            // written under the triggers: leads on both sides of midnight and in two channels; moved up, won, lost
            // from two statuses, one reopened, one edited into the other channel, one deleted
            long a = lead(jdbc, rep, "TV", "2007-01-10T10:00:00Z");
            long b = lead(jdbc, rep, "TV", "2007-01-10T23:59:59Z");
            long c = lead(jdbc, rep, "TV", "2007-01-11T00:00:00Z");
            long d = lead(jdbc, rep, "RADIO", "2007-01-11T09:00:00Z");
            long e = lead(jdbc, rep, "RADIO", "2007-01-12T09:00:00Z");
            long gone = lead(jdbc, rep, "RADIO", "2007-01-12T10:00:00Z");
            lead(jdbc, rep, "TV", "2007-03-01T10:00:00Z");
            move(jdbc, a, "SQL", 2, null);
            move(jdbc, b, "WON", 4, null);
            move(jdbc, c, "MQL", 1, null);
            move(jdbc, c, "LOST", 1, "MQL");
            move(jdbc, d, "LOST", 0, "NEW");
            move(jdbc, e, "OPPORTUNITY", 3, null);
            move(jdbc, e, "LOST", 3, "OPPORTUNITY");
            move(jdbc, e, "NEW", 3, null);
            jdbc.sql("update lead set channel_code = 'TV' where id = :id").param("id", d).update();
            jdbc.sql("delete from lead where id = :id").param("id", gone).update();
            assertThat(db.differences(LeadCohortDay.ROLLUP)).isZero();
            List<String> before = figures(jdbc);
            // the funnel's steps are the leads' own: a lead counts at every status up to the highest it reached
            for (int rank = 0; rank <= 4; rank++) {
                assertThat(before.getFirst()).contains(" " + rank + ":" + db.count("select count(*) from lead"
                        + " where created_at >= timestamp with time zone '2007-01-01 00:00:00+00'"
                        + " and created_at < timestamp with time zone '2007-02-01 00:00:00+00'"
                        + " and max_status_rank >= " + rank) + " ");
            }

            db.migrate(null);

            assertThat(db.differences(LeadCohortDay.ROLLUP)).isZero();
            assertThat(figures(jdbc)).isEqualTo(before);
            // no trigger counts the cohort any more: plain SQL writes wait for a rebuild (a move, a new lead)
            move(jdbc, c, "NEW", 1, null);
            assertThat(db.differences(LeadCohortDay.ROLLUP)).isEqualTo(2);
            lead(jdbc, rep, "TV", "2007-01-20T12:00:00Z");
            assertThat(db.differences(LeadCohortDay.ROLLUP)).isEqualTo(3);
        }
    }

    /** The funnel (all channels and one) and the channels' cohort of each period, as StatsQuery reads them, as lines. */
    private static List<String> figures(JdbcClient jdbc) {
        StatsQuery stats = new StatsQuery(jdbc);
        List<String> lines = new ArrayList<>();
        for (Instant[] p : PERIODS) {
            for (String channel : new String[] {null, "TV", "RADIO"}) {
                StatsQuery.FunnelCounts f = stats.funnel(p[0], p[1], channel);
                StringBuilder line = new StringBuilder("funnel " + channel + " " + f.cohort() + " ");
                int rank = 0;
                for (FunnelStep step : f.steps()) {
                    line.append(rank++).append(':').append(step.reached()).append(' ');
                }
                lines.add(line + "lost " + f.lost());
            }
            LocalDate first = LocalDate.ofInstant(p[0], ZoneOffset.UTC);
            LocalDate last = LocalDate.ofInstant(p[1], ZoneOffset.UTC);
            stats.channels(p[0], p[1], first, last).stream().filter(c -> c.leads() > 0)
                    .forEach(c -> lines.add("channel " + c.channel() + " " + c.leads() + " " + c.mqls()));
        }
        return lines;
    }

    private static long lead(JdbcClient jdbc, long by, String channel, String at) {
        OffsetDateTime when = OffsetDateTime.parse(at);
        jdbc.sql("insert into lead (name, channel_code, status, max_status_rank, owner_id, created_by_id, created_at,"
                        + " status_changed_at, updated_at, version, at_risk, last_activity_at)"
                        + " values ('Upgrade lead', :channel, 'NEW', 0, :by, :by, :at, :at, :at, 0, false, :at)")
                .param("channel", channel).param("by", by).param("at", when).update();
        return jdbc.sql("select max(id) from lead").query(Long.class).single();
    }

    private static void move(JdbcClient jdbc, long lead, String status, int rank, String lostFrom) {
        jdbc.sql("update lead set status = :s, max_status_rank = :r, lost_from = :l where id = :id")
                .param("s", status).param("r", rank).param("l", lostFrom).param("id", lead).update();
    }
}
