package app.ponte.stats.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database written while lead_day and status_change_day were kept by triggers (migrated up to V37, as
 * main left it before decision 036) upgrades to the statistics feature's keeping with exact rollups: V38
 * drops the triggers and keeps their rows, which equal the definitions' statements; handoff.lead_won is
 * still kept (on H2 by the trigger of its new name); a plain SQL write is no longer counted. Runs on the
 * database under test: in-memory H2, or a schema of its own in the PostgreSQL test database.
 */
@Tag("persistence")
class LeadRollupsUpgradeTest {

    @Test
    void a_database_written_under_the_triggers_upgrades_with_exact_rollups() {
        try (UpgradeDatabase db = new UpgradeDatabase()) {
            JdbcClient jdbc = db.jdbc;
            String schema = db.schema;
            db.migrate("37");
            jdbc.sql("insert into app_user (username, full_name, created_at, updated_at) values"
                    + " (:u, 'Upgrade rep', current_timestamp, current_timestamp)").param("u", schema).update();
            long rep = jdbc.sql("select id from app_user where username = :u").param("u", schema).query(Long.class).single();
            // written under the triggers: three leads (one moved to another channel, one deleted), a path to WON
            // whose lead's value is then edited, a handoff of a lead that has not reached WON
            long won = lead(jdbc, rep, "TV", "2006-01-10T10:00:00Z", "400.00");
            long moved = lead(jdbc, rep, "TV", "2006-01-10T23:00:00Z", null);
            long gone = lead(jdbc, rep, "RADIO", "2006-01-11T01:00:00Z", null);
            long handedOff = lead(jdbc, rep, "RADIO", "2006-01-11T02:00:00Z", null);
            change(jdbc, won, rep, "NEW", "MQL", "2006-01-11T09:00:00Z");
            change(jdbc, won, rep, "MQL", "SQL", "2006-01-11T10:00:00Z");
            change(jdbc, won, rep, "SQL", "OPPORTUNITY", "2006-01-12T10:00:00Z");
            change(jdbc, won, rep, "OPPORTUNITY", "WON", "2006-01-12T11:00:00Z");
            jdbc.sql("update lead set status = 'WON', max_status_rank = 4, first_won_at = :at where id = :id")
                    .param("at", OffsetDateTime.parse("2006-01-12T11:00:00Z")).param("id", won).update();
            jdbc.sql("update lead set expected_value = 950.50 where id = :id").param("id", won).update();
            jdbc.sql("update lead set channel_code = 'RADIO' where id = :id").param("id", moved).update();
            jdbc.sql("delete from lead where id = :id").param("id", gone).update();
            jdbc.sql("insert into handoff (lead_id, from_user_id, to_user_id, state, created_at, pending_lead_id)"
                    + " values (:lead, :rep, :rep, 'PENDING', :at, :lead)").param("lead", handedOff).param("rep", rep)
                    .param("at", OffsetDateTime.parse("2006-01-11T03:00:00Z")).update();
            assertThat(db.count("select count(*) from lead_day where leads <> 0")).isEqualTo(3);
            assertThat(db.count("select count(*) from status_change_day where changes <> 0")).isEqualTo(4);

            // up to V41: handoff.lead_won was a trigger's job until V44 (decision 048; LeadRevenueUpgradeTest after)
            db.migrate("41");

            assertThat(db.differences(LeadDay.ROLLUP)).isZero();
            assertThat(db.differences(StatusChangeDay.ROLLUP)).isZero();
            assertThat(db.count("select count(*) from status_change_day where won_value = 950.50")).isEqualTo(1);
            // handoff.lead_won is still a trigger's job: the lead reaching WON marks its handoff
            jdbc.sql("update lead set status = 'WON', max_status_rank = 4 where id = :id").param("id", handedOff)
                    .update();
            assertThat(db.count("select count(*) from handoff where lead_won")).isEqualTo(1);
            // no trigger counts leads or status changes any more: a plain SQL write waits for a rebuild
            lead(jdbc, rep, "TV", "2006-01-10T12:00:00Z", null);
            change(jdbc, handedOff, rep, "NEW", "MQL", "2006-01-12T09:00:00Z");
            assertThat(db.differences(LeadDay.ROLLUP)).isEqualTo(2);
            assertThat(db.differences(StatusChangeDay.ROLLUP)).isEqualTo(1);
        }
    }

    private static long lead(JdbcClient jdbc, long by, String channel, String at, String value) {
        OffsetDateTime when = OffsetDateTime.parse(at);
        jdbc.sql("insert into lead (name, channel_code, status, max_status_rank, owner_id, created_by_id, created_at,"
                        + " status_changed_at, expected_value, updated_at, version, at_risk, last_activity_at)"
                        + " values ('Upgrade lead', :channel, 'NEW', 0, :by, :by, :at, :at, :value, :at, 0, false, :at)")
                .param("channel", channel).param("by", by).param("at", when)
                .param("value", value == null ? null : new java.math.BigDecimal(value)).update();
        return jdbc.sql("select max(id) from lead").query(Long.class).single();
    }

    private static void change(JdbcClient jdbc, long lead, long by, String from, String to, String at) {
        jdbc.sql("insert into lead_status_change (lead_id, from_status, to_status, changed_at, changed_by_id,"
                        + " from_duration_seconds, lead_created_at) select :lead, :from, :to, :at, :by, 60, l.created_at"
                        + " from lead l where l.id = :lead")
                .param("lead", lead).param("from", from).param("to", to).param("at", OffsetDateTime.parse(at))
                .param("by", by).update();
    }
}
