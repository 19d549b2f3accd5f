package app.ponte.stats.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.stats.query.StatsQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database written while the stage intervals' histograms and lead_status_change.lead_channel_code were kept by
 * triggers (migrated up to V41, as main left it before decision 046) upgrades to their keeping by the statistics
 * and lead features: V42 drops exactly the triggers (and on PostgreSQL the functions) of V23, V27 and V28, keeps
 * every other, and keeps the rows, which equal the definitions' statements; the stage durations read after the
 * upgrade (all channels and each, a period of whole UTC days and one that starts and ends inside a day) are those
 * read before it; every change carries its lead's channel; a plain SQL write is no longer counted. Runs on the
 * database under test, as {@link LeadCohortDayUpgradeTest}.
 */
@Tag("persistence")
class StageIntervalUpgradeTest {

    private static final List<Instant[]> PERIODS = List.of(
            new Instant[] {Instant.parse("2007-01-01T00:00:00Z"), Instant.parse("2007-02-01T00:00:00Z")},
            new Instant[] {Instant.parse("2007-01-10T11:00:00Z"), Instant.parse("2007-01-12T08:30:00Z")});

    /** The triggers V42 drops: V23, V27 and V28 on H2 (Java) and on PostgreSQL (PL/pgSQL). */
    private static final List<String> H2_DROPPED = List.of("TG_STAGE_INTERVAL_DAY", "TG_STAGE_INTERVAL_CHANNEL_DAY",
            "TG_LEAD_STAGE_INTERVAL_CHANNEL", "TG_STATUS_CHANGE_CHANNEL", "TG_LEAD_STATUS_CHANGE_CHANNEL");
    private static final List<String> PG_DROPPED = List.of("tg_stage_interval_day_insert",
            "tg_stage_interval_channel_day_insert", "tg_stage_interval_channel_day_move", "tg_status_change_channel",
            "tg_lead_status_change_channel");
    private static final List<String> PG_FUNCTIONS_DROPPED = List.of("ponte_stage_interval_day_add",
            "ponte_stage_interval_channel_day_add", "ponte_stage_interval_channel_day_move",
            "ponte_status_change_channel_set", "ponte_status_change_channel_follow");

    @Test
    void a_database_written_under_the_triggers_upgrades_with_the_same_stage_durations() {
        try (UpgradeDatabase db = new UpgradeDatabase()) {
            JdbcClient jdbc = db.jdbc;
            String schema = db.schema;
            db.migrate("41");
            jdbc.sql("insert into app_user (username, full_name, created_at, updated_at) values"
                    + " (:u, 'Upgrade rep', current_timestamp, current_timestamp)").param("u", schema).update();
            long rep = jdbc.sql("select id from app_user where username = :u").param("u", schema).query(Long.class).single();
            // written under the triggers: leads on both sides of midnight and in two channels, changes inserted
            // without their channel (the trigger set it), one lead edited into the other channel afterwards
            long a = lead(jdbc, rep, "TV", "2007-01-10T10:00:00Z");
            long b = lead(jdbc, rep, "TV", "2007-01-10T23:59:00Z");
            long c = lead(jdbc, rep, "RADIO", "2007-01-11T00:00:00Z");
            long d = lead(jdbc, rep, "RADIO", "2007-01-12T09:00:00Z");
            change(jdbc, rep, a, "NEW", "MQL", "2007-01-10T10:00:00Z", 100);
            change(jdbc, rep, a, "MQL", "SQL", "2007-01-10T10:01:40Z", 3_600);
            change(jdbc, rep, a, "SQL", "LOST", "2007-01-10T11:01:40Z", 86_400);
            change(jdbc, rep, b, "NEW", "MQL", "2007-01-10T23:59:00Z", 101);
            change(jdbc, rep, c, "NEW", "MQL", "2007-01-11T00:00:00Z", 59);
            change(jdbc, rep, c, "MQL", "NEW", "2007-01-11T00:00:59Z", 200);
            change(jdbc, rep, d, "NEW", "MQL", "2007-01-12T09:00:00Z", 7_200);
            jdbc.sql("update lead set channel_code = 'TV' where id = :id").param("id", c).update();
            change(jdbc, rep, c, "NEW", "MQL", "2007-01-11T00:04:19Z", 30);
            assertThat(db.differences(StageIntervalDay.ROLLUP)).isZero();
            assertThat(db.differences(StageIntervalChannelDay.ROLLUP)).isZero();
            assertThat(wrongChannels(db)).isZero();
            List<String> triggers = triggers(db);
            assertThat(triggers).containsAll(db.postgres ? PG_DROPPED : H2_DROPPED);
            assertThat(functions(db)).containsAll(db.postgres ? PG_FUNCTIONS_DROPPED : List.of());
            List<String> before = figures(jdbc);
            assertThat(before).anyMatch(line -> line.startsWith("TV NEW 4 "));

            // up to V42 alone: V43 (decision 047) drops the customers' triggers
            db.migrate("42");

            List<String> kept = new ArrayList<>(triggers);
            kept.removeAll(db.postgres ? PG_DROPPED : H2_DROPPED);
            assertThat(triggers(db)).containsExactlyElementsOf(kept);
            assertThat(functions(db)).doesNotContainAnyElementsOf(PG_FUNCTIONS_DROPPED);
            assertThat(db.differences(StageIntervalDay.ROLLUP)).isZero();
            assertThat(db.differences(StageIntervalChannelDay.ROLLUP)).isZero();
            assertThat(wrongChannels(db)).isZero();
            assertThat(figures(jdbc)).isEqualTo(before);
            // no trigger keeps them any more: a plain SQL change has no channel and waits for a rebuild, as does a
            // plain SQL channel edit
            change(jdbc, rep, b, "MQL", "SQL", "2007-01-11T00:00:41Z", 60);
            assertThat(db.count("select count(*) from lead_status_change where lead_channel_code is null")).isEqualTo(1);
            assertThat(db.differences(StageIntervalDay.ROLLUP)).isEqualTo(1);
            jdbc.sql("update lead set channel_code = 'RADIO' where id = :id").param("id", a).update();
            assertThat(wrongChannels(db)).isEqualTo(4);
        }
    }

    /** The stage durations (all channels and each) of each period, as StatsQuery reads them, as lines. */
    private static List<String> figures(JdbcClient jdbc) {
        StatsQuery stats = new StatsQuery(jdbc);
        List<String> lines = new ArrayList<>();
        for (Instant[] p : PERIODS) {
            for (String channel : new String[] {null, "TV", "RADIO"}) {
                stats.stageDurations(p[0], p[1], channel).forEach(s -> lines.add(channel + " " + s.status() + " "
                        + s.count() + " " + s.meanDays() + " " + s.medianDays()));
            }
        }
        return lines;
    }

    /** Changes whose lead_channel_code is not their lead's channel (or none). */
    private static long wrongChannels(UpgradeDatabase db) {
        return db.count("select count(*) from lead_status_change c join lead l on l.id = c.lead_id"
                + " where c.lead_channel_code is null or c.lead_channel_code <> l.channel_code");
    }

    /** The schema's triggers, by name, in name order. */
    private static List<String> triggers(UpgradeDatabase db) {
        String sql = db.postgres
                ? "select t.tgname from pg_trigger t join pg_class r on r.oid = t.tgrelid join pg_namespace n"
                        + " on n.oid = r.relnamespace where not t.tgisinternal and n.nspname = :schema order by 1"
                : "select trigger_name from information_schema.triggers where trigger_schema = 'PUBLIC' order by 1";
        var statement = db.jdbc.sql(sql);
        if (db.postgres) {
            statement = statement.param("schema", db.schema);
        }
        return statement.query(String.class).list();
    }

    /** The schema's functions (PostgreSQL; none on H2), by name. */
    private static List<String> functions(UpgradeDatabase db) {
        if (!db.postgres) {
            return List.of();
        }
        return db.jdbc.sql("select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                + " where n.nspname = :schema order by 1").param("schema", db.schema).query(String.class).list();
    }

    private static long lead(JdbcClient jdbc, long by, String channel, String at) {
        OffsetDateTime when = OffsetDateTime.parse(at);
        jdbc.sql("insert into lead (name, channel_code, status, max_status_rank, owner_id, created_by_id, created_at,"
                        + " status_changed_at, updated_at, version, at_risk, last_activity_at)"
                        + " values ('Upgrade lead', :channel, 'NEW', 0, :by, :by, :at, :at, :at, 0, false, :at)")
                .param("channel", channel).param("by", by).param("at", when).update();
        return jdbc.sql("select max(id) from lead").query(Long.class).single();
    }

    /** A change by plain SQL, without lead_channel_code, {@code seconds} after {@code fromStart}. */
    private static void change(JdbcClient jdbc, long by, long lead, String from, String to, String fromStart,
            long seconds) {
        OffsetDateTime created = jdbc.sql("select created_at from lead where id = :id").param("id", lead)
                .query(OffsetDateTime.class).single();
        jdbc.sql("insert into lead_status_change (lead_id, from_status, to_status, changed_at, changed_by_id, reason,"
                        + " from_duration_seconds, lead_created_at)"
                        + " values (:lead, :from, :to, :at, :by, :reason, :seconds, :created)")
                .param("lead", lead).param("from", from).param("to", to)
                .param("at", OffsetDateTime.parse(fromStart).plusSeconds(seconds))
                .param("by", by).param("reason", "LOST".equals(to) ? "lost" : null).param("seconds", seconds)
                .param("created", created.withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }
}
