package app.ponte.stats.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

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
        try (UpgradeDatabase db = new UpgradeDatabase()) {
            JdbcClient jdbc = db.jdbc;
            String schema = db.schema;
            db.migrate("38");
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
            assertThat(db.count("select count(*) from lead_activity_day where leads <> 0")).isEqualTo(2);
            long cohortMql = db.count("select coalesce(sum(leads), 0) from lead_cohort_day where max_status_rank = 1");

            // up to V39 only: since V41 lead_cohort_day is no trigger's job either (LeadCohortDayUpgradeTest)
            db.migrate("39");

            assertThat(db.differences(LeadActivityDay.ROLLUP)).isZero();
            // lead_cohort_day is still a trigger's job at V39, counted once: a lead reaching MQL moves one count
            jdbc.sql("update lead set status = 'MQL', max_status_rank = 1 where id = :id").param("id", called).update();
            assertThat(db.count("select coalesce(sum(leads), 0) from lead_cohort_day where max_status_rank = 1"))
                    .isEqualTo(cohortMql + 1);
            assertThat(db.count("select coalesce(sum(leads), 0) from lead_cohort_day"))
                    .isEqualTo(db.count("select count(*) from lead"));
            // no trigger counts open leads any more: plain SQL writes wait for a rebuild (the move above, a new lead)
            assertThat(db.differences(LeadActivityDay.ROLLUP)).isEqualTo(2);
            lead(jdbc, rep, "TV", "2007-01-20T12:00:00Z");
            assertThat(db.differences(LeadActivityDay.ROLLUP)).isEqualTo(3);
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
}
