package app.ponte.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo leads cover every channel and status with a history the lifecycle allows. */
@PonteTest
class DemoLeadsTest {

    @Autowired
    DemoLeads demoLeads;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    /** Each of these people wrote texts of this kind, and every one of them is from the given list. */
    private void assertWrittenIn(java.util.List<String> texts, String sql, UserId... authors) {
        for (UserId author : authors) {
            java.util.List<String> written = jdbc.sql(sql).param("u", author.value()).query(String.class).list();
            assertThat(written).as(sql + " by " + author).isNotEmpty().allMatch(texts::contains);
        }
    }

    @Test
    void demo_leads_spread_over_every_channel_and_status_with_an_ordered_history() {
        List<UserId> marketers = List.of(testUsers.create("demo-mkt", Role.MARKETING).id());
        List<UserId> sellers = List.of(testUsers.create("demo-sales", Role.SALES).id(),
                testUsers.create("demo-sales", Role.SALES).id());
        List<UserId> managers = List.of(testUsers.create("demo-mgr", Role.MANAGER).id());
        // the marketer and the first salesperson write in Italian, the second salesperson and the manager in English
        java.util.Set<UserId> italian = java.util.Set.of(marketers.getFirst(), sellers.get(0));
        int changes = SystemCaller.call(() -> demoLeads.create(600, 42L, Instant.parse("2026-11-01T12:00:00Z"),
                marketers, sellers, managers, italian));
        assertThat(changes).isGreaterThan(600);

        Map<String, Long> byStatus = jdbc.sql("select status, count(*) as n from lead where external_id like 'demo-%'"
                        + " group by status").query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byStatus.keySet()).containsExactlyInAnyOrder("NEW", "MQL", "SQL", "OPPORTUNITY", "WON", "LOST");
        assertThat(byStatus.get("NEW")).isGreaterThan(byStatus.get("WON"));
        assertThat(jdbc.sql("select count(distinct channel_code) from lead where external_id like 'demo-%'")
                .query(Long.class).single()).isEqualTo(15);
        assertThat(jdbc.sql("select count(distinct lost_from) from lead where status = 'LOST' and external_id like 'demo-%'")
                .query(Long.class).single()).isEqualTo(4);
        // every opportunity and customer has a value; every loss has a reason
        assertThat(jdbc.sql("select count(*) from lead where status in ('OPPORTUNITY', 'WON') and expected_value is null"
                + " and external_id like 'demo-%'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from lead where status = 'LOST' and lost_reason is null"
                + " and external_id like 'demo-%'").query(Long.class).single()).isZero();
        // interactions of every type, calls and meetings always scored, overdue next steps for everyone
        String demoInteractions = " from interaction i join lead l on l.id = i.lead_id where l.external_id like 'demo-%'";
        assertThat(jdbc.sql("select count(distinct i.type)" + demoInteractions).query(Long.class).single()).isEqualTo(11);
        assertThat(jdbc.sql("select count(*)" + demoInteractions
                + " and i.type in ('CALL', 'VIDEO_CALL', 'MEETING') and i.outcome_score is null").query(Long.class)
                .single()).isZero();
        for (UserId user : List.of(marketers.getFirst(), sellers.get(0), sellers.get(1))) {
            assertThat(jdbc.sql("select count(*) from interaction where user_id = :u and next_step_done_at is null"
                    + " and next_step_due < :today").param("u", user.value())
                    .param("today", java.time.LocalDate.parse("2026-11-01")).query(Long.class).single())
                    .as("overdue next steps of a demo user").isPositive();
        }
        assertThat(jdbc.sql("select count(*) from lead where at_risk = true and external_id like 'demo-%'")
                .query(Long.class).single()).isPositive();
        // handoffs consistent with the leads' paths: accepted before each MQL → SQL, rejected before each
        // MQL → NEW, pending only on leads still at MQL, some of them past the SLA
        String demoHandoffs = " from handoff h join lead l on l.id = h.lead_id where l.external_id like 'demo-%'";
        String demoChanges = " from lead_status_change c join lead l on l.id = c.lead_id where l.external_id like 'demo-%'";
        long accepted = jdbc.sql("select count(*)" + demoHandoffs + " and h.state = 'ACCEPTED'").query(Long.class).single();
        long rejected = jdbc.sql("select count(*)" + demoHandoffs + " and h.state = 'REJECTED'").query(Long.class).single();
        assertThat(accepted).isPositive().isEqualTo(jdbc.sql("select count(*)" + demoChanges
                + " and c.from_status = 'MQL' and c.to_status = 'SQL'").query(Long.class).single());
        assertThat(rejected).isPositive().isEqualTo(jdbc.sql("select count(*)" + demoChanges
                + " and c.from_status = 'MQL' and c.to_status = 'NEW'").query(Long.class).single());
        assertThat(jdbc.sql("select count(*)" + demoHandoffs + " and h.state = 'PENDING' and l.status <> 'MQL'")
                .query(Long.class).single()).isZero();
        var sla = java.time.OffsetDateTime.parse("2026-11-01T12:00:00Z").minusHours(24);
        assertThat(jdbc.sql("select count(*)" + demoHandoffs + " and h.state = 'PENDING' and h.created_at < :sla")
                .param("sla", sla).query(Long.class).single()).as("overdue pending handoffs").isPositive();
        assertThat(jdbc.sql("select count(*)" + demoHandoffs + " and h.state = 'PENDING' and h.created_at >= :sla")
                .param("sla", sla).query(Long.class).single()).as("pending handoffs within the SLA").isPositive();
        assertThat(jdbc.sql("select count(*)" + demoHandoffs + " and h.state = 'PENDING' and h.to_user_id is null")
                .query(Long.class).single()).as("queue items").isPositive();
        assertThat(jdbc.sql("select count(distinct h.reason_code)" + demoHandoffs).query(Long.class).single())
                .as("rejection reasons").isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("select count(*)" + demoHandoffs + " and h.reason_code = 'NOT_READY'").query(Long.class)
                .single()).isGreaterThan(jdbc.sql("select count(*)" + demoHandoffs + " and h.reason_code = 'DUPLICATE'")
                .query(Long.class).single());
        assertThat(jdbc.sql("select count(*) from notification n join handoff h on n.once_key = concat('handoff-overdue-',"
                + " cast(h.id as varchar(20))) join lead l on l.id = h.lead_id where l.external_id like 'demo-%'")
                .query(Long.class).single()).as("imported history tells no one").isZero();
        assertThat(jdbc.sql("select count(*) from lead where created_at > :now and external_id like 'demo-%'")
                .param("now", java.time.OffsetDateTime.parse("2026-11-01T12:00:00Z")).query(Long.class).single()).isZero();
        // every customer bought at least once, some of them again (repeat buyers), never after "now"
        assertThat(jdbc.sql("select count(*) from lead l where l.status = 'WON' and l.external_id like 'demo-%'"
                + " and not exists (select 1 from purchase p where p.lead_id = l.id)").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from (select p.lead_id from purchase p join lead l on l.id = p.lead_id"
                + " where l.external_id like 'demo-%' group by p.lead_id having count(*) >= 2) r").query(Long.class)
                .single()).isPositive();
        assertThat(jdbc.sql("select count(*) from purchase p join lead l on l.id = p.lead_id where l.external_id like"
                + " 'demo-%' and p.purchased_on > :today").param("today", java.time.LocalDate.parse("2026-11-01"))
                .query(Long.class).single()).isZero();
        // the statistics follow the demo's purchases and handoffs (decision 048): each customer's revenue is the sum
        // of its purchases, and the marketer's handoffs count as won exactly when their lead has reached WON
        assertThat(jdbc.sql("select count(*) from lead l where l.external_id like 'demo-%' and l.revenue <> coalesce("
                + "(select sum(p.amount) from purchase p where p.lead_id = l.id), 0)").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from lead where external_id like 'demo-%' and revenue > 0")
                .query(Long.class).single()).isPositive();
        long won = jdbc.sql("select count(*) from handoff h join lead l on l.id = h.lead_id where h.from_user_id = :u"
                + " and l.max_status_rank = 4").param("u", marketers.getFirst().value()).query(Long.class).single();
        assertThat(won).isPositive();
        assertThat(jdbc.sql("select coalesce(sum(won), 0) from handoff_day where from_user_id = :u")
                .param("u", marketers.getFirst().value()).query(Long.class).single()).isEqualTo(won);
        // every text is in its author's language
        UserId italianMarketer = marketers.getFirst();
        UserId italianSeller = sellers.get(0);
        UserId englishSeller = sellers.get(1);
        assertWrittenIn(DemoTexts.SUMMARIES.italian(), "select distinct summary from interaction where user_id = :u",
                italianMarketer, italianSeller);
        assertWrittenIn(DemoTexts.SUMMARIES.english(), "select distinct summary from interaction where user_id = :u",
                englishSeller);
        assertWrittenIn(DemoTexts.NEXT_STEPS.italian(), "select distinct next_step from interaction where user_id = :u"
                + " and next_step is not null", italianMarketer, italianSeller);
        assertWrittenIn(DemoTexts.NEXT_STEPS.english(), "select distinct next_step from interaction where user_id = :u"
                + " and next_step is not null", englishSeller);
        assertWrittenIn(DemoTexts.HANDOFF_NOTES.italian(), "select distinct note from handoff where from_user_id = :u",
                italianMarketer);
        assertWrittenIn(DemoTexts.LOST_REASONS.italian(), "select distinct reason from lead_status_change"
                + " where changed_by_id = :u and to_status = 'LOST'", italianMarketer, italianSeller);
        assertWrittenIn(DemoTexts.LOST_REASONS.english(), "select distinct reason from lead_status_change"
                + " where changed_by_id = :u and to_status = 'LOST'", englishSeller);
        java.util.List<String> italianRejections = DemoTexts.REJECT_NOTES.values().stream()
                .flatMap(t -> t.italian().stream()).toList();
        java.util.List<String> englishRejections = DemoTexts.REJECT_NOTES.values().stream()
                .flatMap(t -> t.english().stream()).toList();
        assertWrittenIn(italianRejections, "select distinct decision_note from handoff where to_user_id = :u"
                + " and state = 'REJECTED'", italianSeller);
        assertWrittenIn(englishRejections, "select distinct decision_note from handoff where to_user_id = :u"
                + " and state = 'REJECTED'", englishSeller);
        // eighteen months of spend for each of the fifteen channels
        assertThat(SystemCaller.call(() -> demoLeads.createSpend(Instant.parse("2026-11-01T12:00:00Z"), 42L)))
                .isEqualTo(15 * 18);
        assertThat(jdbc.sql("select count(*) from marketing_spend where spend_month between :from and :to")
                .param("from", java.time.LocalDate.parse("2025-06-01")).param("to", java.time.LocalDate.parse("2026-11-01"))
                .query(Long.class).single()).isEqualTo(15 * 18);
    }
}
