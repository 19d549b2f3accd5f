package app.ponte.stats;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.interaction.InteractionType;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadStatus;
import app.ponte.purchase.PurchaseService;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserId;
import app.ponte.stats.rollup.SourceRows;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The day rollups (decision 017) are kept by database triggers on every write, whoever writes: the
 * history import, plain SQL inserts, edits of the counted columns, deletes and edits of a won
 * lead's expected value. After each step the rollup rows of the test's own user equal the same
 * counts taken from the rows. Runs on H2 (Java trigger) and on PostgreSQL (PL/pgSQL).
 * interaction_day (decision 034), lead_day and status_change_day (decision 036) have no trigger any
 * more: the plain SQL writes here are followed by a rebuild, as every writer that bypasses the
 * services does ({@code InteractionDayKeptTest} and {@code LeadRollupsKeptTest} check their write path).
 */
@PonteTest
@Tag("persistence")
class DayRollupsTest {

    /** 2003-05-10 00:00 UTC is day 12,182 (epoch seconds 1,052,524,800 / 86,400). */
    private static final Instant DAY_12182 = Instant.parse("2003-05-10T00:00:00Z");

    @Autowired
    StatsFixture data;

    @Autowired
    PurchaseService purchases;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void held_interactions_per_utc_day_follow_inserts_edits_and_deletes() {
        UserId rep = testUsers.create("roll", Role.SALES).id();
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        LeadId lead = data.lead(channel, DAY_12182.minusSeconds(86_400), rep);

        data.interaction(lead, rep, InteractionType.CALL, DAY_12182.plusSeconds(10), 4);
        data.interaction(lead, rep, InteractionType.EMAIL, DAY_12182.plusSeconds(86_399), null);
        data.interaction(lead, rep, InteractionType.EMAIL, DAY_12182.plusSeconds(86_400), 2);
        long planned = insertInteraction(lead, rep, "MEETING", DAY_12182.plusSeconds(3_600), true, null);
        // the last second of day 12,182 and the first of 12,183 fall on different days; the planned one nowhere
        assertThat(rollup(rep)).containsExactly("12182 CALL 1 1 4", "12182 EMAIL 1 0 0", "12183 EMAIL 1 1 2");
        assertMatchesRows(rep);

        long plain = insertInteraction(lead, rep, "CALL", DAY_12182.plusSeconds(7_200), false, 5);
        data.rebuildRollups();
        assertThat(rollup(rep)).containsExactly("12182 CALL 2 2 9", "12182 EMAIL 1 0 0", "12183 EMAIL 1 1 2");

        jdbc.sql("update interaction set planned = false, outcome_score = 3 where id = :id").param("id", planned).update();
        jdbc.sql("update interaction set occurred_at = :at, type = 'VIDEO_CALL', outcome_score = null where id = :id")
                .param("at", utc(DAY_12182.plusSeconds(2 * 86_400))).param("id", plain).update();
        jdbc.sql("update interaction set summary = 'not counted' where id = :id").param("id", planned).update();
        data.rebuildRollups();
        assertThat(rollup(rep)).containsExactly("12182 CALL 1 1 4", "12182 EMAIL 1 0 0", "12182 MEETING 1 1 3",
                "12183 EMAIL 1 1 2", "12184 VIDEO_CALL 1 0 0");
        assertMatchesRows(rep);

        jdbc.sql("update interaction set planned = true where id = :id").param("id", planned).update();
        jdbc.sql("delete from interaction where id = :id").param("id", plain).update();
        data.rebuildRollups();
        assertThat(rollup(rep)).containsExactly("12182 CALL 1 1 4", "12182 EMAIL 1 0 0", "12183 EMAIL 1 1 2");
        assertMatchesRows(rep);
    }

    @Test
    void status_changes_per_utc_day_carry_the_current_expected_value_of_won_leads() {
        UserId rep = testUsers.create("roll", Role.SALES).id();
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        LeadId won = data.lead(channel, DAY_12182.minusSeconds(86_400), rep, rep, new BigDecimal("1000.00"));
        LeadId other = data.lead(channel, DAY_12182.minusSeconds(86_400), rep, rep, new BigDecimal("300.00"));
        data.win(won, DAY_12182.plusSeconds(4 * 3_600), rep);
        data.win(other, DAY_12182.plusSeconds(5 * 3_600), rep);
        // win() moves NEW → MQL → SQL → OPPORTUNITY → WON one hour apart, all on day 12,182
        assertThat(changes(rep)).containsExactly("12182 MQL SQL 2 0.00", "12182 NEW MQL 2 0.00",
                "12182 OPPORTUNITY WON 2 1300.00", "12182 SQL OPPORTUNITY 2 0.00");

        jdbc.sql("update lead set expected_value = 2500 where id = :id").param("id", won.value()).update();
        jdbc.sql("update lead set name = 'renamed' where id = :id").param("id", other.value()).update();
        data.rebuildRollups();
        assertThat(changes(rep)).contains("12182 OPPORTUNITY WON 2 2800.00");
        jdbc.sql("update lead set expected_value = null where id = :id").param("id", other.value()).update();
        data.rebuildRollups();
        assertThat(changes(rep)).contains("12182 OPPORTUNITY WON 2 2500.00");
        assertThat(changes(rep)).isEqualTo(changesFromRows(rep));
    }

    @Test
    void leads_per_utc_day_creator_and_channel_follow_inserts_and_a_channel_change() {
        UserId marketer = testUsers.create("roll", Role.MARKETING).id();
        String codes = StatsFixture.prefix();
        String first = data.channel(codes + "_A", "ONLINE");
        String second = data.channel(codes + "_B", "OFFLINE");
        LeadId moved = data.lead(first, DAY_12182, marketer);
        data.lead(first, DAY_12182.plusSeconds(86_399), marketer);
        data.lead(first, DAY_12182.plusSeconds(86_400), marketer);
        assertThat(leads(marketer)).containsExactly("12182 " + first + " 2", "12183 " + first + " 1");

        jdbc.sql("update lead set channel_code = :c where id = :id").param("c", second).param("id", moved.value())
                .update();
        data.rebuildRollups();
        assertThat(leads(marketer)).containsExactly("12182 " + first + " 1", "12182 " + second + " 1",
                "12183 " + first + " 1");
    }

    @Test
    void the_cohort_per_utc_day_and_channel_follows_status_moves_losses_reopening_and_a_channel_change() {
        UserId rep = testUsers.create("roll", Role.SALES).id();
        String codes = StatsFixture.prefix();
        String first = data.channel(codes + "_A", "ONLINE");
        String second = data.channel(codes + "_B", "OFFLINE");
        LeadId a = data.lead(first, DAY_12182, rep);
        LeadId b = data.lead(first, DAY_12182.plusSeconds(86_399), rep);
        LeadId c = data.lead(first, DAY_12182.plusSeconds(86_400), rep);
        LeadId d = data.lead(second, DAY_12182.plusSeconds(86_400), rep);
        // key: day, channel, highest status reached (NEW = 0 .. WON = 4), lost-from while LOST ('-' here for '')
        assertThat(cohort(first, second)).containsExactly("12182 " + first + " 0 - 2", "12183 " + first + " 0 - 1",
                "12183 " + second + " 0 - 1");
        jdbc.sql("delete from lead where id = :id").param("id", d.value()).update();
        data.rebuildRollups(); // lead_day is not kept by a trigger any more (decision 036)

        data.move(a, LeadStatus.MQL, DAY_12182.plusSeconds(3_600), rep);
        data.move(a, LeadStatus.SQL, DAY_12182.plusSeconds(7_200), rep);
        data.move(a, LeadStatus.LOST, DAY_12182.plusSeconds(10_800), rep);
        data.move(b, LeadStatus.LOST, DAY_12182.plusSeconds(90_000), rep);
        data.win(c, DAY_12182.plusSeconds(3 * 86_400), rep);
        // a: reached SQL (2), lost from SQL; b: lost from NEW; c: reached WON
        assertThat(cohort(first, second)).containsExactly("12182 " + first + " 0 NEW 1",
                "12182 " + first + " 2 SQL 1", "12183 " + first + " 4 - 1");

        // a reopened (LOST → NEW): no longer LOST, still reached SQL; c moved to the other channel
        data.move(a, LeadStatus.NEW, DAY_12182.plusSeconds(14_400), rep);
        jdbc.sql("update lead set channel_code = :c where id = :id").param("c", second).param("id", c.value())
                .update();
        jdbc.sql("update lead set name = 'not counted' where id = :id").param("id", b.value()).update();
        data.rebuildRollups();
        assertThat(cohort(first, second)).containsExactly("12182 " + first + " 0 NEW 1",
                "12182 " + first + " 2 - 1", "12183 " + second + " 4 - 1");
        assertThat(cohort(first, second)).isEqualTo(cohortFromRows(first, second));

    }

    @Test
    void customers_per_16_day_block_channel_and_duration_bucket_follow_wins_and_edits() {
        UserId rep = testUsers.create("roll", Role.SALES).id();
        String codes = StatsFixture.prefix();
        String first = data.channel(codes + "_A", "ONLINE");
        String second = data.channel(codes + "_B", "OFFLINE");
        // DAY_12182 is in block 761 (12,182 / 16 = 761.4); 16 days later is block 762
        LeadId a = data.lead(first, DAY_12182, rep);
        LeadId b = data.lead(first, DAY_12182.plusSeconds(3_600), rep);
        LeadId c = data.lead(first, DAY_12182.plusSeconds(16 * 86_400), rep);
        data.lead(first, DAY_12182, rep);
        assertThat(customers(first, second)).isEmpty();

        // a: 2 days (172,800 s); b: 2 days less an hour (169,200 s); c: 4 hours (14,400 s); the fourth
        // lead, not won, counts nowhere. Totals in microseconds: 342,000 s and 14,400 s
        data.win(a, DAY_12182.plusSeconds(172_800), rep);
        data.win(b, DAY_12182.plusSeconds(172_800), rep);
        data.win(c, DAY_12182.plusSeconds(16 * 86_400 + 4 * 3_600), rep);
        assertThat(customers(first, second)).isEqualTo(customersFromRows(first, second));
        assertThat(customers(first, second)).containsExactly("761 " + first + " 2 342000000000",
                "762 " + first + " 1 14400000000");

        jdbc.sql("update lead set channel_code = :c where id = :id").param("c", second).param("id", b.value()).update();
        jdbc.sql("update lead set created_at = :at where id = :id").param("at", utc(DAY_12182.minusSeconds(86_400)))
                .param("id", c.value()).update();
        jdbc.sql("update lead set name = 'not counted' where id = :id").param("id", a.value()).update();
        data.rebuildRollups();
        assertThat(customers(first, second)).isEqualTo(customersFromRows(first, second));
        // c now created 17 days and 4 hours before its WON: 1,483,200 s, block 761 (day 12,181):
        // a + c = 1,656,000 s; b moved to the other channel
        assertThat(customers(first, second)).containsExactly("761 " + first + " 2 1656000000000",
                "761 " + second + " 1 169200000000");
    }

    @Test
    void open_leads_per_status_and_day_of_last_activity_follow_moves_interactions_and_closing() {
        UserId rep = testUsers.create("roll", Role.SALES).id();
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        // 1989-03-01 00:00 UTC is day 6,999; no other test has activity in 1989
        Instant day6999 = Instant.parse("1989-03-01T00:00:00Z");
        LeadId a = data.lead(channel, day6999, rep);
        LeadId b = data.lead(channel, day6999.plusSeconds(86_399), rep);
        assertThat(activity(6_999, 7_001)).containsExactly("NEW 6999 2");

        data.move(a, LeadStatus.MQL, day6999.plusSeconds(86_400), rep);
        data.interaction(b, rep, InteractionType.CALL, day6999.plusSeconds(2 * 86_400 + 60), 3);
        // a: MQL since day 7,000; b: still NEW, last active (its call) on day 7,001
        assertThat(activity(6_999, 7_001)).containsExactly("MQL 7000 1", "NEW 7001 1");

        data.move(a, LeadStatus.LOST, day6999.plusSeconds(86_400 + 60), rep);
        assertThat(activity(6_999, 7_001)).containsExactly("NEW 7001 1");
        assertThat(activity(Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(activityFromRows());
    }

    private List<String> activity(long firstDay, long lastDay) {
        return jdbc.sql("select status, utc_day, leads from lead_activity_day where utc_day between :a and :b"
                        + " and leads <> 0 order by status, utc_day")
                .param("a", firstDay).param("b", lastDay)
                .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3))
                .list();
    }

    private List<String> activityFromRows() {
        return jdbc.sql("select x.status, x.utc_day, count(*) from (select l.status,"
                        + " cast(floor(extract(epoch from l.last_activity_at) / 86400) as bigint) as utc_day from lead l"
                        + " where l.status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY')) x group by x.status, x.utc_day"
                        + " order by x.status, x.utc_day")
                .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3))
                .list();
    }

    private List<String> customers(String... channels) {
        return jdbc.sql("select block, channel_code, sum(customers), sum(total_micros) from customer_block"
                        + " where channel_code in (:c) group by block, channel_code having sum(customers) <> 0"
                        + " order by block, channel_code")
                .param("c", List.of(channels))
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4))
                .list();
    }

    private List<String> customersFromRows(String... channels) {
        return jdbc.sql("select x.block, x.channel_code, count(*), sum(x.micros) from ("
                        + "select cast(floor(extract(epoch from l.created_at) / 1382400) as bigint) as block,"
                        + " l.channel_code, cast(round(l.to_customer_seconds * 1000000) as bigint) as micros"
                        + " from lead l where l.channel_code in (:c) and l.to_customer_seconds is not null) x"
                        + " group by x.block, x.channel_code order by x.block, x.channel_code")
                .param("c", List.of(channels))
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4))
                .list();
    }

    private List<String> cohort(String... channels) {
        return jdbc.sql("select utc_day, channel_code, max_status_rank, lost_from, leads from lead_cohort_day"
                        + " where channel_code in (:c) and leads <> 0 order by utc_day, channel_code, max_status_rank,"
                        + " lost_from")
                .param("c", List.of(channels))
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " "
                        + (rs.getString(4).isEmpty() ? "-" : rs.getString(4)) + " " + rs.getLong(5))
                .list();
    }

    private List<String> cohortFromRows(String... channels) {
        return jdbc.sql("select x.utc_day, x.channel_code, x.max_status_rank, x.lost_from, count(*) from ("
                        + "select cast(floor(extract(epoch from l.created_at) / 86400) as bigint) as utc_day,"
                        + " l.channel_code, l.max_status_rank,"
                        + " case when l.status = 'LOST' then l.lost_from else '' end as lost_from"
                        + " from lead l where l.channel_code in (:c)) x"
                        + " group by x.utc_day, x.channel_code, x.max_status_rank, x.lost_from"
                        + " order by x.utc_day, x.channel_code, x.max_status_rank, x.lost_from")
                .param("c", List.of(channels))
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " "
                        + (rs.getString(4).isEmpty() ? "-" : rs.getString(4)) + " " + rs.getLong(5))
                .list();
    }

    @Test
    void a_lead_revenue_is_the_sum_of_its_purchases_and_its_time_to_customer_is_generated() {
        UserId rep = testUsers.create("roll", Role.SALES).id();
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        LeadId lead = data.lead(channel, DAY_12182, rep);
        assertThat(revenueAndSeconds(lead)).isEqualTo("0.00 null");
        // first WON at DAY_12182 + 2 days + 4 hours: 187,200 seconds after creation
        data.win(lead, DAY_12182.plusSeconds(187_200), rep);
        data.purchase(lead, "2003-05-12", "100.50");
        data.purchase(lead, "2003-06-01", "20.00");
        assertThat(revenueAndSeconds(lead)).isEqualTo("120.50 187200.0");

        // plain SQL is counted by a recompute since decision 048 (no trigger: the purchase feature's write path)
        jdbc.sql("update purchase set amount = 30 where lead_id = :lead and amount = 20").param("lead", lead.value())
                .update();
        assertThat(revenueAndSeconds(lead)).isEqualTo("120.50 187200.0");
        SystemCaller.run(purchases::recomputeRevenues);
        assertThat(revenueAndSeconds(lead)).isEqualTo("130.50 187200.0");
        jdbc.sql("delete from purchase where lead_id = :lead and amount = 30").param("lead", lead.value()).update();
        SystemCaller.run(purchases::recomputeRevenues);
        assertThat(revenueAndSeconds(lead)).isEqualTo("100.50 187200.0");
    }

    @Test
    void a_handoff_knows_whether_its_lead_has_reached_won_and_how_long_its_decision_took() {
        UserId marketer = testUsers.create("roll", Role.MARKETING).id();
        UserId rep = testUsers.create("roll", Role.SALES).id();
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        LeadId lead = data.lead(channel, DAY_12182, marketer);
        data.handoff(lead, marketer, rep, "REJECTED", DAY_12182.plusSeconds(60), DAY_12182.plusSeconds(5_460),
                "NOT_A_FIT");
        assertThat(handoffs(lead)).containsExactly("false 5400.0");

        data.win(lead, DAY_12182.plusSeconds(86_400), rep);
        data.handoff(lead, marketer, rep, "PENDING", DAY_12182.plusSeconds(90_000), null, null);
        assertThat(handoffs(lead)).containsExactly("true 5400.0", "true null");
    }

    private List<String> handoffs(LeadId lead) {
        // whether its lead has reached WON: read from the lead since decision 048 (handoff.lead_won before)
        return jdbc.sql("select " + SourceRows.wonLead("l") + ", h.decision_seconds from handoff h "
                        + SourceRows.leadOfHandoff("h", "l") + " where h.lead_id = :id order by h.created_at")
                .param("id", lead.value())
                .query((rs, n) -> rs.getBoolean(1) + " " + rs.getObject(2))
                .list();
    }

    private List<String> leads(UserId user) {
        return jdbc.sql("select utc_day, channel_code, leads from lead_day where created_by_id = :user and leads <> 0"
                        + " order by utc_day, channel_code")
                .param("user", user.value())
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3))
                .list();
    }

    private String revenueAndSeconds(LeadId lead) {
        return jdbc.sql("select revenue, to_customer_seconds from lead where id = :id").param("id", lead.value())
                .query((rs, n) -> rs.getBigDecimal(1).setScale(2) + " " + rs.getObject(2))
                .single();
    }

    private long insertInteraction(LeadId lead, UserId user, String type, Instant at, boolean planned, Integer score) {
        jdbc.sql("insert into interaction (lead_id, type, occurred_at, planned, user_id, logged_by_id, outcome_score,"
                        + " lead_status, created_at, updated_at, version) values (:lead, :type, :at, :planned, :user,"
                        + " :user, :score, 'NEW', :at, :at, 0)")
                .param("lead", lead.value()).param("type", type).param("at", utc(at)).param("planned", planned)
                .param("user", user.value()).param("score", score).update();
        return jdbc.sql("select max(id) from interaction where user_id = :user").param("user", user.value())
                .query(Long.class).single();
    }

    private List<String> rollup(UserId user) {
        return data.interactionDay(user);
    }

    private void assertMatchesRows(UserId user) {
        List<String> fromRows = jdbc.sql("select d.utc_day, d.type, count(*), count(d.outcome_score),"
                        + " coalesce(sum(d.outcome_score), 0) from (select cast(floor(extract(epoch from i.occurred_at)"
                        + " / 86400) as bigint) as utc_day, i.type, i.outcome_score from interaction i"
                        + " where i.user_id = :user and i.planned = false) d group by d.utc_day, d.type"
                        + " order by d.utc_day, d.type")
                .param("user", user.value())
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4)
                        + " " + rs.getLong(5))
                .list();
        assertThat(rollup(user)).isEqualTo(fromRows);
    }

    private List<String> changes(UserId user) {
        return jdbc.sql("select utc_day, from_status, to_status, changes, won_value from status_change_day"
                        + " where changed_by_id = :user and changes <> 0 order by utc_day, from_status, to_status")
                .param("user", user.value())
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4)
                        + " " + rs.getBigDecimal(5).setScale(2))
                .list();
    }

    private List<String> changesFromRows(UserId user) {
        return jdbc.sql("select d.utc_day, d.from_status, d.to_status, count(*), coalesce(sum(d.won_value), 0) from ("
                        + "select cast(floor(extract(epoch from c.changed_at) / 86400) as bigint) as utc_day,"
                        + " c.from_status, c.to_status, case when c.to_status = 'WON' then coalesce(l.expected_value, 0)"
                        + " else 0 end as won_value from lead_status_change c join lead l on l.id = c.lead_id"
                        + " where c.changed_by_id = :user) d group by d.utc_day, d.from_status, d.to_status"
                        + " order by d.utc_day, d.from_status, d.to_status")
                .param("user", user.value())
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4)
                        + " " + rs.getBigDecimal(5).setScale(2))
                .list();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
