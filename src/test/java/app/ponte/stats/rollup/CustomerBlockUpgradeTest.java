package app.ponte.stats.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.stats.query.StatsQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database written while customer_block was kept by triggers (migrated up to V41, as main left it before
 * decision 047) upgrades to the statistics feature's keeping with an exact rollup: V43 drops the triggers and
 * keeps their rows, which equal the definition's statement; the time to customer read after the upgrade (count,
 * mean and median, overall and per channel) is the one read before it, for a period of whole 16-day blocks with
 * edges and one inside a block; V43 drops the customer triggers only; a plain SQL write is no longer counted. Runs
 * on the database under test, as {@link LeadCohortDayUpgradeTest}.
 */
@Tag("persistence")
class CustomerBlockUpgradeTest {

    /** Block 846 starts 2007-01-23 00:00 UTC, block 845 on 2007-01-07 (floor(epoch seconds / 1,382,400)). */
    private static final List<Instant[]> PERIODS = List.of(
            new Instant[] {Instant.parse("2007-01-01T00:00:00Z"), Instant.parse("2007-04-01T00:00:00Z")},
            new Instant[] {Instant.parse("2007-01-20T11:00:00Z"), Instant.parse("2007-01-24T08:30:00Z")});

    @Test
    void a_database_written_under_the_triggers_upgrades_with_the_same_time_to_customer() {
        try (UpgradeDatabase db = new UpgradeDatabase()) {
            JdbcClient jdbc = db.jdbc;
            String schema = db.schema;
            db.migrate("41");
            jdbc.sql("insert into app_user (username, full_name, created_at, updated_at) values"
                    + " (:u, 'Upgrade rep', current_timestamp, current_timestamp)").param("u", schema).update();
            long rep = jdbc.sql("select id from app_user where username = :u").param("u", schema).query(Long.class).single();
            // written under the triggers: leads on both sides of a block's edge and in two channels; won after
            // minutes, days and on a bucket's edge (491 s); one won lead edited into the other channel, one
            // re-dated into the block before, one deleted; leads not won count nowhere
            long a = lead(jdbc, rep, "TV", "2007-01-22T23:59:59.999999Z");
            long b = lead(jdbc, rep, "TV", "2007-01-23T00:00:00Z");
            long c = lead(jdbc, rep, "TV", "2007-01-23T10:00:00Z");
            long d = lead(jdbc, rep, "RADIO", "2007-01-24T09:00:00Z");
            long e = lead(jdbc, rep, "RADIO", "2007-02-10T09:00:00Z");
            long gone = lead(jdbc, rep, "RADIO", "2007-02-12T10:00:00Z");
            long moved = lead(jdbc, rep, "TV", "2007-03-01T10:00:00Z");
            lead(jdbc, rep, "TV", "2007-01-24T10:00:00Z");
            win(jdbc, a, "2007-01-24T23:59:59.999999Z");
            win(jdbc, b, "2007-01-23T00:08:11Z");
            win(jdbc, c, "2007-01-23T10:08:10.999999Z");
            win(jdbc, d, "2007-02-03T09:00:00Z");
            win(jdbc, e, "2007-02-10T12:30:00Z");
            win(jdbc, gone, "2007-02-20T10:00:00Z");
            win(jdbc, moved, "2007-03-05T10:00:00Z");
            jdbc.sql("update lead set channel_code = 'TV' where id = :id").param("id", d).update();
            jdbc.sql("update lead set created_at = timestamp with time zone '2007-01-20 10:00:00+00' where id = :id")
                    .param("id", moved).update();
            jdbc.sql("delete from lead where id = :id").param("id", gone).update();
            assertThat(db.count("select count(*) from customer_block where customers <> 0")).isPositive();
            assertThat(db.differences(CustomerBlock.ROLLUP)).isZero();
            List<String> before = figures(jdbc);
            assertThat(before.getFirst()).contains("count=6");
            // V42 drops the stage-interval triggers (decision 046), which the customers' data does not need: the
            // comparison below is V43's alone
            db.migrate("42");
            List<String> otherTriggers = triggers(db);

            // up to V43 only: V44 drops the revenue and won-handoff triggers (decision 048, LeadRevenueUpgradeTest)
            db.migrate("43");

            assertThat(db.differences(CustomerBlock.ROLLUP)).isZero();
            assertThat(figures(jdbc)).isEqualTo(before);
            // V43 dropped the customer triggers and nothing else
            assertThat(otherTriggers).anyMatch(t -> t.contains("customer"));
            assertThat(triggers(db)).isEqualTo(otherTriggers.stream().filter(t -> !t.contains("customer")).toList());
            // no trigger counts the customers any more: plain SQL writes wait for a rebuild
            long f = lead(jdbc, rep, "TV", "2007-01-25T10:00:00Z");
            win(jdbc, f, "2007-01-26T10:00:00Z");
            assertThat(db.differences(CustomerBlock.ROLLUP)).isEqualTo(1);
        }
    }

    /** The time to customer of each period, overall and per channel, as StatsQuery reads it, as lines. */
    private static List<String> figures(JdbcClient jdbc) {
        StatsQuery stats = new StatsQuery(jdbc);
        List<String> lines = new ArrayList<>();
        for (Instant[] p : PERIODS) {
            lines.add(String.valueOf(stats.timeToCustomer(p[0], p[1])));
        }
        return lines;
    }

    /** Every trigger of the schema by name, in lower case, sorted. */
    private static List<String> triggers(UpgradeDatabase db) {
        String sql = db.postgres
                ? "select distinct lower(trigger_name) from information_schema.triggers where trigger_schema = :s"
                : "select lower(trigger_name) from information_schema.triggers where trigger_schema = 'PUBLIC'";
        var statement = db.jdbc.sql(sql + " order by 1");
        return (db.postgres ? statement.param("s", db.schema) : statement).query(String.class).list();
    }

    private static long lead(JdbcClient jdbc, long by, String channel, String at) {
        OffsetDateTime when = OffsetDateTime.parse(at);
        jdbc.sql("insert into lead (name, channel_code, status, max_status_rank, owner_id, created_by_id, created_at,"
                        + " status_changed_at, updated_at, version, at_risk, last_activity_at)"
                        + " values ('Upgrade lead', :channel, 'NEW', 0, :by, :by, :at, :at, :at, 0, false, :at)")
                .param("channel", channel).param("by", by).param("at", when).update();
        return jdbc.sql("select max(id) from lead").query(Long.class).single();
    }

    /** The lead won at {@code at}, as the lead feature writes it (first_won_at once, the highest rank WON). */
    private static void win(JdbcClient jdbc, long lead, String at) {
        jdbc.sql("update lead set status = 'WON', max_status_rank = 4, first_won_at = :at, status_changed_at = :at"
                        + " where id = :id")
                .param("at", OffsetDateTime.parse(at)).param("id", lead).update();
    }
}
