package app.ponte.stats.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database written while lead_activity_day was kept by triggers (migrated up to V38, as main left it before
 * decision 039) upgrades to the statistics feature's keeping with an exact rollup: V39 drops the triggers and
 * keeps their rows, which equal the definition's statement; the other rollups on lead stay on their triggers
 * (lead_cohort_day still follows a move; on H2 no trigger was re-created, so none counts twice); a plain SQL
 * write is no longer counted. Runs on the database under test, as {@link LeadRollupsUpgradeTest}.
 */
@Tag("persistence")
class LeadActivityUpgradeTest {

    @Test
    void a_database_written_under_the_triggers_upgrades_with_an_exact_rollup() {
        boolean postgres = "postgres".equals(System.getProperty("ponte.test.db"));
        String schema = "upgrade_" + Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
        SingleConnectionDataSource dataSource = postgres
                ? new SingleConnectionDataSource(env("DB_URL", "jdbc:postgresql://127.0.0.1:5432/ponte_test"),
                        env("DB_USER", "ponte"), env("DB_PASSWORD", "ponte"), true)
                // one connection: H2 2.4 breaks a CHECK constraint once the connection that made it closes (021)
                : new SingleConnectionDataSource("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1", "sa", "", true);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        try {
            if (postgres) {
                jdbc.sql("create schema " + schema).update();
            }
            migrate(dataSource, postgres, schema, "38");
            path(jdbc, postgres, schema);
            jdbc.sql("insert into app_user (username, full_name, created_at, updated_at) values"
                    + " (:u, 'Upgrade rep', current_timestamp, current_timestamp)").param("u", schema).update();
            long rep = jdbc.sql("select id from app_user where username = :u").param("u", schema).query(Long.class).single();
            // written under the triggers: four leads; one moved on, one active again later, one lost, one deleted
            long moved = lead(jdbc, rep, "TV", "2007-01-10T10:00:00Z");
            long called = lead(jdbc, rep, "TV", "2007-01-10T23:00:00Z");
            long lost = lead(jdbc, rep, "RADIO", "2007-01-11T01:00:00Z");
            long gone = lead(jdbc, rep, "RADIO", "2007-01-11T02:00:00Z");
            jdbc.sql("update lead set status = 'MQL', max_status_rank = 1, status_changed_at = :at, last_activity_at = :at"
                    + " where id = :id").param("at", OffsetDateTime.parse("2007-01-12T09:00:00Z")).param("id", moved)
                    .update();
            jdbc.sql("update lead set last_interaction_at = :at, last_activity_at = :at where id = :id")
                    .param("at", OffsetDateTime.parse("2007-01-13T09:00:00Z")).param("id", called).update();
            jdbc.sql("update lead set status = 'LOST', lost_from = 'NEW', status_changed_at = :at, last_activity_at = :at"
                    + " where id = :id").param("at", OffsetDateTime.parse("2007-01-13T10:00:00Z")).param("id", lost)
                    .update();
            jdbc.sql("delete from lead where id = :id").param("id", gone).update();
            assertThat(count(jdbc, "select count(*) from lead_activity_day where leads <> 0")).isEqualTo(2);
            long cohortMql = count(jdbc, "select coalesce(sum(leads), 0) from lead_cohort_day where max_status_rank = 1");

            migrate(dataSource, postgres, schema, null);
            path(jdbc, postgres, schema);

            assertThat(differences(jdbc, LeadActivityDay.ROLLUP)).isZero();
            // lead_cohort_day is still a trigger's job, counted once: a lead reaching MQL moves one count
            jdbc.sql("update lead set status = 'MQL', max_status_rank = 1 where id = :id").param("id", called).update();
            assertThat(count(jdbc, "select coalesce(sum(leads), 0) from lead_cohort_day where max_status_rank = 1"))
                    .isEqualTo(cohortMql + 1);
            assertThat(count(jdbc, "select coalesce(sum(leads), 0) from lead_cohort_day"))
                    .isEqualTo(count(jdbc, "select count(*) from lead"));
            // no trigger counts open leads any more: plain SQL writes wait for a rebuild (the move above, a new lead)
            assertThat(differences(jdbc, LeadActivityDay.ROLLUP)).isEqualTo(2);
            lead(jdbc, rep, "TV", "2007-01-20T12:00:00Z");
            assertThat(differences(jdbc, LeadActivityDay.ROLLUP)).isEqualTo(3);
        } finally {
            if (postgres) {
                jdbc.sql("set search_path to public").update();
                jdbc.sql("drop schema " + schema + " cascade").update();
            } else {
                jdbc.sql("shutdown").update();
            }
            dataSource.destroy();
        }
    }

    private static void migrate(SingleConnectionDataSource dataSource, boolean postgres, String schema, String target) {
        var config = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + (postgres ? "postgresql" : "h2"));
        if (postgres) {
            config.schemas(schema).defaultSchema(schema);
        }
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    /** On PostgreSQL the schema of this test first, then public (where pg_trgm lives). */
    private static void path(JdbcClient jdbc, boolean postgres, String schema) {
        if (postgres) {
            jdbc.sql("set search_path to " + schema + ", public").update();
        }
    }

    private static long lead(JdbcClient jdbc, long by, String channel, String at) {
        OffsetDateTime when = OffsetDateTime.parse(at);
        jdbc.sql("insert into lead (name, channel_code, status, max_status_rank, owner_id, created_by_id, created_at,"
                        + " status_changed_at, updated_at, version, at_risk, last_activity_at)"
                        + " values ('Upgrade lead', :channel, 'NEW', 0, :by, :by, :at, :at, :at, 0, false, :at)")
                .param("channel", channel).param("by", by).param("at", when).update();
        return jdbc.sql("select max(id) from lead").query(Long.class).single();
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** As RollupStore.differences: stored rows that count something against the statement, both ways. */
    private static long differences(JdbcClient jdbc, Rollup rollup) {
        String columns = String.join(", ", rollup.keyColumns()) + ", " + String.join(", ", rollup.valueColumns());
        String stored = "select " + columns + " from " + rollup.table() + " where "
                + rollup.valueColumns().stream().map(c -> c + " <> 0").collect(Collectors.joining(" or "));
        String computed = "select " + columns + " from (" + rollup.statement(rollup.allRows()) + ") c";
        return count(jdbc, "select count(*) from (" + stored + " except " + computed + ") x")
                + count(jdbc, "select count(*) from (" + computed + " except " + stored + ") x");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
