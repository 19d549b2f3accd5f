package app.ponte.stats;

import static app.ponte.stats.StatsFixture.rome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.base.BusinessRuleException;
import app.ponte.base.PonteProperties;
import app.ponte.interaction.InteractionType;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadStatus;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserId;
import app.ponte.security.UserSummary;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every statistic on a small hand-built data set with the expected figures worked out by hand.
 * The suite shares one database, so each test owns a calendar year nobody else writes to (the
 * global figures — handoffs, repeat purchases, volume, stalled — see only that test's rows) and
 * fresh channels and users (the stalled leads' year, 1985, lies before every other test's data, as
 * "stalled" looks at every open lead). The business zone of the tests is Europe/Rome: a period's edges are
 * local midnights (UTC+1 in winter, UTC+2 in summer), so "23:59:59 on {@code to}" counts and
 * "00:00 the next day" does not.
 */
@PonteTest
@Tag("persistence")
class StatsServiceTest {

    @Autowired
    StatsService stats;

    @Autowired
    StatsFixture data;

    @Autowired
    TestUsers testUsers;

    @Autowired
    PonteProperties properties;

    private static <T> T asManager(Supplier<T> work) {
        return SystemCaller.call(work);
    }

    private static Period year(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    private UserId user(String prefix, Role... roles) {
        return testUsers.create(prefix, roles).id();
    }

    private static Instant days(Instant from, long days) {
        return from.plus(Duration.ofDays(days));
    }

    @Test
    void the_tests_run_in_a_zone_that_is_not_utc() {
        assertThat(properties.zone()).isEqualTo(StatsFixture.ROME);
    }

    @Test
    void the_funnel_counts_the_cohort_by_max_status_and_the_lost_by_the_status_they_fell_from() {
        UserId m = user("st-funnel", Role.MARKETING, Role.SALES);
        String prefix = StatsFixture.prefix();
        String a = data.channel(prefix + "_A", "ONLINE");
        String b = data.channel(prefix + "_B", "OFFLINE");
        String empty = data.channel(prefix + "_C", "OFFLINE");
        // period 2011-01-01 .. 2011-03-31 (Rome); channel A:
        data.lead(a, rome("2011-01-01T00:00:00"), m);                         // L1 first instant: in, NEW
        LeadId l2 = data.lead(a, rome("2011-01-10T10:00:00"), m);             // L2 reaches WON
        data.win(l2, rome("2011-01-14T10:00:00"), m);
        LeadId l3 = data.lead(a, rome("2011-01-10T10:00:00"), m);             // L3 lost from NEW
        data.move(l3, LeadStatus.LOST, rome("2011-01-11T10:00:00"), m);
        LeadId l4 = data.lead(a, rome("2011-01-10T10:00:00"), m);             // L4 lost from MQL
        data.move(l4, LeadStatus.MQL, rome("2011-01-11T10:00:00"), m);
        data.move(l4, LeadStatus.LOST, rome("2011-01-12T10:00:00"), m);
        LeadId l5 = data.lead(a, rome("2011-01-10T10:00:00"), m);             // L5 lost from SQL
        data.move(l5, LeadStatus.MQL, rome("2011-01-11T10:00:00"), m);
        data.move(l5, LeadStatus.SQL, rome("2011-01-12T10:00:00"), m);
        data.move(l5, LeadStatus.LOST, rome("2011-01-13T10:00:00"), m);
        LeadId l6 = data.lead(a, rome("2011-01-10T10:00:00"), m);             // L6 lost from OPPORTUNITY
        data.move(l6, LeadStatus.MQL, rome("2011-01-11T10:00:00"), m);
        data.move(l6, LeadStatus.SQL, rome("2011-01-12T10:00:00"), m);
        data.move(l6, LeadStatus.OPPORTUNITY, rome("2011-01-13T10:00:00"), m);
        data.move(l6, LeadStatus.LOST, rome("2011-01-14T10:00:00"), m);
        LeadId l7 = data.lead(a, rome("2011-02-10T10:00:00"), m);             // L7 lost from MQL, reopened: not lost
        data.move(l7, LeadStatus.MQL, rome("2011-02-11T10:00:00"), m);
        data.move(l7, LeadStatus.LOST, rome("2011-02-12T10:00:00"), m);
        data.move(l7, LeadStatus.NEW, rome("2011-02-13T10:00:00"), m);
        LeadId l8 = data.lead(a, rome("2011-02-10T10:00:00"), m);             // L8 recycled MQL → NEW, then SQL
        data.move(l8, LeadStatus.MQL, rome("2011-02-11T10:00:00"), m);
        data.move(l8, LeadStatus.NEW, rome("2011-02-12T10:00:00"), m);
        data.move(l8, LeadStatus.MQL, rome("2011-02-13T10:00:00"), m);
        data.move(l8, LeadStatus.SQL, rome("2011-05-13T10:00:00"), m);       // after the period: still reached
        data.lead(a, rome("2011-03-31T23:59:59"), m);                         // L9 last second (summer time): in
        LeadId l10 = data.lead(a, rome("2011-04-01T00:00:00"), m);            // L10 next day: out
        data.move(l10, LeadStatus.MQL, rome("2011-04-02T00:00:00"), m);
        data.lead(a, rome("2010-12-31T23:59:59"), m);                         // L11 before: out
        LeadId m1 = data.lead(b, rome("2011-02-01T10:00:00"), m);             // channel B: one MQL
        data.move(m1, LeadStatus.MQL, rome("2011-02-02T10:00:00"), m);

        Period q1 = new Period(LocalDate.of(2011, 1, 1), LocalDate.of(2011, 3, 31));
        Funnel funnel = asManager(() -> stats.funnel(q1, a));
        // cohort A = L1..L9 = 9; MQL: L2 L4 L5 L6 L7 L8 = 6; SQL: L2 L5 L6 L8 = 4; OPPORTUNITY: L2 L6 = 2; WON: L2
        assertThat(funnel.cohort()).isEqualTo(9);
        assertThat(funnel.steps()).containsExactly(new FunnelStep("NEW", 9, null),
                new FunnelStep("MQL", 6, 6.0 / 9), new FunnelStep("SQL", 4, 4.0 / 6),
                new FunnelStep("OPPORTUNITY", 2, 0.5), new FunnelStep("WON", 1, 0.5));
        assertThat(funnel.leadToCustomer()).isEqualTo(1.0 / 9);
        // L3 NEW, L4 MQL, L5 SQL, L6 OPPORTUNITY; L7 was reopened
        assertThat(funnel.lost()).containsExactly(Map.entry("NEW", 1L), Map.entry("MQL", 1L), Map.entry("SQL", 1L),
                Map.entry("OPPORTUNITY", 1L));

        // all channels: B's lead joins the cohort (10) and MQL (7)
        Funnel all = asManager(() -> stats.funnel(q1, null));
        assertThat(all.cohort()).isEqualTo(10);
        assertThat(all.steps().get(1)).isEqualTo(new FunnelStep("MQL", 7, 0.7));

        // a channel without leads: zero counts, null ratios (0 / 0), all four lost keys
        Funnel none = asManager(() -> stats.funnel(q1, empty));
        assertThat(none.cohort()).isZero();
        assertThat(none.steps()).extracting(FunnelStep::conversion).containsOnlyNulls();
        assertThat(none.leadToCustomer()).isNull();
        assertThat(none.lost()).containsOnlyKeys("NEW", "MQL", "SQL", "OPPORTUNITY").allSatisfy((k, v) ->
                assertThat(v).isZero());
    }

    @Test
    void stage_durations_count_every_closed_interval_of_the_cohort_with_mean_and_median() {
        UserId m = user("st-stage", Role.MARKETING);
        String prefix = StatsFixture.prefix();
        String s = data.channel(prefix + "_S", "ONLINE");
        String other = data.channel(prefix + "_T", "ONLINE");
        Instant d1c = rome("2012-01-01T10:00:00");                  // D1: NEW 2, MQL 4, SQL 1, OPPORTUNITY 3 days
        LeadId d1 = data.lead(s, d1c, m);
        data.move(d1, LeadStatus.MQL, days(d1c, 2), m);
        data.move(d1, LeadStatus.SQL, days(d1c, 6), m);
        data.move(d1, LeadStatus.OPPORTUNITY, days(d1c, 7), m);
        data.move(d1, LeadStatus.WON, days(d1c, 10), m);            // time in WON is not reported
        Instant d2c = rome("2012-01-02T10:00:00");                  // D2 recycled: NEW 4, MQL 2, NEW 6, MQL open
        LeadId d2 = data.lead(s, d2c, m);
        data.move(d2, LeadStatus.MQL, days(d2c, 4), m);
        data.move(d2, LeadStatus.NEW, days(d2c, 6), m);
        data.move(d2, LeadStatus.MQL, days(d2c, 12), m);
        Instant d3c = rome("2012-01-03T10:00:00");                  // D3 lost and reopened: NEW 8, (LOST 10), NEW 1
        LeadId d3 = data.lead(s, d3c, m);
        data.move(d3, LeadStatus.LOST, days(d3c, 8), m);
        data.move(d3, LeadStatus.NEW, days(d3c, 18), m);
        data.move(d3, LeadStatus.MQL, days(d3c, 19), m);
        Instant d4c = rome("2012-12-31T12:00:00");                  // D4: NEW 20, closed after the period: counts
        LeadId d4 = data.lead(s, d4c, m);
        data.move(d4, LeadStatus.MQL, days(d4c, 20), m);
        LeadId d5 = data.lead(s, rome("2013-01-01T00:00:00"), m);   // D5 not in the cohort
        data.move(d5, LeadStatus.MQL, rome("2013-01-02T00:00:00"), m);

        StageDurations durations = asManager(() -> stats.stageDurations(year(2012), s));
        // NEW: 2, 4, 6, 8, 1, 20 → 6 intervals, mean 41/6, median of 1 2 [4 6] 8 20 = 5
        // MQL: 4 (D1), 2 (D2) → mean 3, median 3; SQL: 1; OPPORTUNITY: 3
        assertThat(durations.statuses()).extracting(StageDuration::status)
                .containsExactly("NEW", "MQL", "SQL", "OPPORTUNITY");
        StageDuration newStage = durations.statuses().get(0);
        assertThat(newStage.count()).isEqualTo(6);
        assertThat(newStage.meanDays()).isCloseTo(41.0 / 6, within(1e-9));
        assertThat(newStage.medianDays()).isCloseTo(5.0, within(1e-9));
        assertThat(durations.statuses().get(1)).isEqualTo(new StageDuration("MQL", 2, 3.0, 3.0));
        assertThat(durations.statuses().get(2)).isEqualTo(new StageDuration("SQL", 1, 1.0, 1.0));
        assertThat(durations.statuses().get(3)).isEqualTo(new StageDuration("OPPORTUNITY", 1, 3.0, 3.0));

        StageDurations nothing = asManager(() -> stats.stageDurations(year(2012), other));
        assertThat(nothing.statuses()).containsExactly(new StageDuration("NEW", 0, null, null),
                new StageDuration("MQL", 0, null, null), new StageDuration("SQL", 0, null, null),
                new StageDuration("OPPORTUNITY", 0, null, null));
    }

    @Test
    void time_to_customer_is_creation_to_first_won_per_cohort_lead_overall_and_by_channel() {
        UserId m = user("st-ttc", Role.MARKETING, Role.SALES);
        String prefix = StatsFixture.prefix();
        String x = data.channel(prefix + "_X", "ONLINE");
        String y = data.channel(prefix + "_Y", "OFFLINE");
        // channel X: 4, 10, 2, 6 days; channel Y: 7 days
        for (int[] lead : new int[][] {{1, 4}, {2, 10}, {5, 2}, {7, 6}}) {
            Instant created = rome("2013-02-0" + lead[0] + "T09:00:00");
            data.win(data.lead(x, created, m), days(created, lead[1]), m);
        }
        Instant created = rome("2013-03-01T09:00:00");
        data.win(data.lead(y, created, m), days(created, 7), m);
        data.win(data.lead(x, rome("2012-12-31T23:00:00"), m), rome("2013-01-05T00:00:00"), m); // not in the cohort
        data.lead(y, rome("2013-04-01T09:00:00"), m);                                           // not won

        TimeToCustomer ttc = asManager(() -> stats.timeToCustomer(year(2013)));
        // overall 4 10 2 6 7 → 5 leads, mean 29/5 = 5.8, median 6
        assertThat(ttc.overall().count()).isEqualTo(5);
        assertThat(ttc.overall().meanDays()).isCloseTo(5.8, within(1e-9));
        assertThat(ttc.overall().medianDays()).isCloseTo(6.0, within(1e-9));
        // X: 2 4 6 10 → mean 5.5, median (4 + 6) / 2 = 5 (even count); Y: 7
        assertThat(ttc.channels()).hasSize(2);
        assertThat(ttc.channels().get(0).channel()).isEqualTo(x);
        assertThat(ttc.channels().get(0).count()).isEqualTo(4);
        assertThat(ttc.channels().get(0).meanDays()).isCloseTo(5.5, within(1e-9));
        assertThat(ttc.channels().get(0).medianDays()).isCloseTo(5.0, within(1e-9));
        assertThat(ttc.channels().get(1)).isEqualTo(new ChannelDuration(y, 1, 7.0, 7.0));
        // the tiles' summary: the same overall figures, no channel read
        assertThat(asManager(() -> stats.timeToCustomerOverall(year(2013))))
                .isEqualTo(new TimeToCustomer(ttc.overall(), List.of()));

        TimeToCustomer empty = asManager(() -> stats.timeToCustomer(year(1997)));
        assertThat(empty).isEqualTo(new TimeToCustomer(new DurationFigures(0, null, null), List.of()));
    }

    @Test
    void reps_count_interactions_handoffs_received_and_deals_closed_by_each_salesperson() {
        UserSummary rep1 = testUsers.create("st-rep-a", Role.SALES);
        UserSummary rep2 = testUsers.create("st-rep-b", Role.SALES, Role.MARKETING);
        UserSummary rep3 = testUsers.create("st-rep-c", Role.SALES);
        UserSummary marketer = testUsers.create("st-rep-m", Role.MARKETING);
        UserId m = marketer.id();
        UserId r1 = rep1.id();
        String ch = data.channel(StatsFixture.prefix() + "_R", "ONLINE");
        LeadId lead = data.lead(ch, rome("2013-06-01T09:00:00"), m);
        // rep1's interactions in 2014: CALL 4, CALL 2, MEETING 3, EMAIL unscored, EMAIL 5 at the last second
        data.interaction(lead, r1, InteractionType.CALL, rome("2014-02-01T10:00:00"), 4);
        data.interaction(lead, r1, InteractionType.CALL, rome("2014-03-01T10:00:00"), 2);
        data.interaction(lead, r1, InteractionType.MEETING, rome("2014-04-01T10:00:00"), 3);
        data.interaction(lead, r1, InteractionType.EMAIL, rome("2014-05-01T10:00:00"), null);
        data.interaction(lead, r1, InteractionType.EMAIL, rome("2014-12-31T23:59:59"), 5);
        data.interaction(lead, r1, InteractionType.CALL, rome("2015-01-01T00:00:00"), 1);   // out
        data.interaction(lead, r1, InteractionType.CALL, rome("2013-12-31T23:59:59"), 1);   // out
        data.interaction(lead, rep2.id(), InteractionType.VIDEO_CALL, rome("2014-07-01T10:00:00"), 3);
        // handoffs to rep1 created in 2014, decided after 2, 5, 10 (rejected), 1, 4 (claimed from the queue), 6 h
        Instant t = rome("2014-03-03T09:00:00");
        Object[][] handoffs = {{"ACCEPTED", 2, null, r1}, {"ACCEPTED", 5, null, r1}, {"REJECTED", 10, "NOT_A_FIT", r1},
            {"ACCEPTED", 1, null, r1}, {"PENDING", 0, null, r1}, {"ACCEPTED", 4, null, r1},
            {"REJECTED", 6, "NO_BUDGET", r1}, {"PENDING", 0, null, null}};
        for (Object[] h : handoffs) {
            LeadId l = data.lead(ch, rome("2014-03-01T09:00:00"), m);
            int hours = (Integer) h[1];
            data.handoff(l, m, (UserId) h[3], (String) h[0], t, hours == 0 ? null : t.plus(Duration.ofHours(hours)),
                    (String) h[2]);
        }
        data.handoff(data.lead(ch, rome("2014-03-01T09:00:00"), m), m, r1, "ACCEPTED", rome("2015-01-01T00:00:00"),
                rome("2015-01-01T01:00:00"), null);                                          // out
        // deals: rep1 wins W1 (value 1000.50) and W2 (no value), loses W3 from OPPORTUNITY and W5 from MQL
        LeadId w1 = data.lead(ch, rome("2014-01-01T09:00:00"), m, m, new BigDecimal("1000.50"));
        toOpportunity(w1, rome("2014-01-02T09:00:00"), m);
        data.move(w1, LeadStatus.WON, rome("2014-06-01T09:00:00"), r1);
        LeadId w2 = data.lead(ch, rome("2014-01-01T09:00:00"), m);
        toOpportunity(w2, rome("2014-01-02T09:00:00"), m);
        data.move(w2, LeadStatus.WON, rome("2014-12-31T23:59:59"), r1);
        LeadId w3 = data.lead(ch, rome("2014-01-01T09:00:00"), m);
        toOpportunity(w3, rome("2014-01-02T09:00:00"), m);
        data.move(w3, LeadStatus.LOST, rome("2014-06-01T09:00:00"), r1);
        LeadId w4 = data.lead(ch, rome("2014-01-01T09:00:00"), m, m, new BigDecimal("7.00"));
        toOpportunity(w4, rome("2014-01-02T09:00:00"), m);
        data.move(w4, LeadStatus.WON, rome("2015-01-01T00:00:00"), r1);                     // out
        LeadId w5 = data.lead(ch, rome("2014-01-01T09:00:00"), m);
        data.move(w5, LeadStatus.MQL, rome("2014-01-02T09:00:00"), m);
        data.move(w5, LeadStatus.LOST, rome("2014-01-03T09:00:00"), r1);                    // not from OPPORTUNITY

        List<RepFigures> reps = asManager(() -> stats.reps(year(2014))).reps();
        assertThat(reps).extracting(RepFigures::username).isSorted()
                .contains(rep1.username(), rep2.username(), rep3.username()).doesNotContain(marketer.username());
        Map<String, RepFigures> byName = new LinkedHashMap<>();
        reps.forEach(r -> byName.put(r.username(), r));
        Map<String, Long> types = new LinkedHashMap<>();
        types.put("CALL", 2L);
        types.put("MEETING", 1L);
        types.put("EMAIL", 2L);
        // 5 interactions, 4 scored (4 2 3 5) → 3.5; handoffs: 7 received (the queue's pending one counts for nobody),
        // 4 accepted, 2 rejected, 1 pending → 4/6; decided 1 2 4 5 6 10 → median (4 + 5) / 2 = 4.5 h;
        // won W1 W2 = 2, value 1000.50 + 0; lost from OPPORTUNITY: W3 → win rate 2/3
        assertThat(byName.get(rep1.username())).isEqualTo(new RepFigures(rep1.username(), 5, types, 4, 3.5, 7, 4, 2,
                1, 4.0 / 6, 4.5, 2, new BigDecimal("1000.50"), 1, 2.0 / 3));
        assertThat(byName.get(rep2.username())).isEqualTo(new RepFigures(rep2.username(), 1,
                Map.of("VIDEO_CALL", 1L), 1, 3.0, 0, 0, 0, 0, null, null, 0, new BigDecimal("0.00"), 0, null));
        assertThat(byName.get(rep3.username())).isEqualTo(new RepFigures(rep3.username(), 0, Map.of(), 0, null, 0, 0,
                0, 0, null, null, 0, new BigDecimal("0.00"), 0, null));
        // a user with SALES and MARKETING is in both lists; a marketer only in the marketers' one
        assertThat(asManager(() -> stats.marketers(year(2014))).marketers()).extracting(MarketerFigures::username)
                .contains(rep2.username(), marketer.username()).doesNotContain(rep1.username());
    }

    private void toOpportunity(LeadId lead, Instant at, UserId by) {
        data.move(lead, LeadStatus.MQL, at, by);
        data.move(lead, LeadStatus.SQL, at.plus(Duration.ofHours(1)), by);
        data.move(lead, LeadStatus.OPPORTUNITY, at.plus(Duration.ofHours(2)), by);
    }

    @Test
    void marketers_count_leads_created_mql_changes_and_handoffs_sent_with_those_won() {
        UserSummary m1 = testUsers.create("st-mkt-a", Role.MARKETING);
        UserSummary m2 = testUsers.create("st-mkt-b", Role.MARKETING);
        UserId id1 = m1.id();
        UserId rep = user("st-mkt-rep", Role.SALES);
        String ch = data.channel(StatsFixture.prefix() + "_M", "ONLINE");
        LeadId k1 = data.lead(ch, rome("2015-01-01T00:00:00"), id1);        // in (first instant)
        LeadId k2 = data.lead(ch, rome("2015-06-01T10:00:00"), id1);        // in
        data.lead(ch, rome("2015-12-31T23:59:59"), id1);                    // in (last second)
        LeadId k4 = data.lead(ch, rome("2016-01-01T00:00:00"), id1);        // out
        LeadId k5 = data.lead(ch, rome("2014-12-31T23:59:59"), id1);        // out, but its MQL change is in
        // MQL changes by m1 in 2015: K1, K2 twice (recycled by a rep in between), K5 → 4
        data.move(k1, LeadStatus.MQL, rome("2015-01-02T10:00:00"), id1);
        data.move(k1, LeadStatus.SQL, rome("2015-01-03T10:00:00"), rep);
        data.move(k1, LeadStatus.OPPORTUNITY, rome("2015-01-04T10:00:00"), rep);
        data.move(k1, LeadStatus.WON, rome("2015-01-05T10:00:00"), rep);
        data.move(k2, LeadStatus.MQL, rome("2015-06-02T10:00:00"), id1);
        data.move(k2, LeadStatus.NEW, rome("2015-06-03T10:00:00"), rep);
        data.move(k2, LeadStatus.MQL, rome("2015-06-04T10:00:00"), id1);
        data.move(k4, LeadStatus.MQL, rome("2016-01-02T10:00:00"), id1);   // out
        data.move(k5, LeadStatus.MQL, rome("2015-01-05T10:00:00"), id1);
        // handoffs from m1 in 2015: K1 rejected then accepted (K1 won: both count), K2 accepted, K5 pending
        data.handoff(k1, id1, rep, "REJECTED", rome("2015-01-02T11:00:00"), rome("2015-01-02T12:00:00"), "NOT_A_FIT");
        data.handoff(k1, id1, rep, "ACCEPTED", rome("2015-01-02T13:00:00"), rome("2015-01-03T10:00:00"), null);
        data.handoff(k2, id1, rep, "ACCEPTED", rome("2015-06-02T11:00:00"), rome("2015-06-02T12:00:00"), null);
        data.handoff(k5, id1, null, "PENDING", rome("2015-01-05T11:00:00"), null, null);
        data.handoff(k4, id1, rep, "ACCEPTED", rome("2016-01-01T00:00:00"), rome("2016-01-02T00:00:00"), null); // out

        Map<String, MarketerFigures> byName = new LinkedHashMap<>();
        asManager(() -> stats.marketers(year(2015))).marketers().forEach(f -> byName.put(f.username(), f));
        assertThat(List.copyOf(byName.keySet())).isSorted();
        assertThat(byName.get(m1.username())).isEqualTo(
                new MarketerFigures(m1.username(), 3, 4, 4, 2, 1, 1, 2.0 / 3, 2));
        assertThat(byName.get(m2.username())).isEqualTo(
                new MarketerFigures(m2.username(), 0, 0, 0, 0, 0, 0, null, 0));
    }

    @Test
    void handoffs_of_a_period_by_state_with_median_decision_time_overdue_and_reasons() {
        UserId m = user("st-ho-m", Role.MARKETING);
        UserId rep = user("st-ho-r", Role.SALES);
        String ch = data.channel(StatsFixture.prefix() + "_H", "ONLINE");
        Instant asOf = Instant.parse("2008-12-31T12:00:00Z");
        Instant t = rome("2008-05-02T09:00:00");
        // decided after 2, 4, 3 (accepted) and 6, 8, 1 hours (rejected): 1 2 3 4 6 8 → median 3.5 h
        Object[][] decided = {{"ACCEPTED", 2, null}, {"ACCEPTED", 4, null}, {"ACCEPTED", 3, null},
            {"REJECTED", 6, "NOT_A_FIT"}, {"REJECTED", 8, "NO_BUDGET"}, {"REJECTED", 1, "NOT_A_FIT"}};
        for (Object[] d : decided) {
            data.handoff(data.lead(ch, t, m), m, rep, (String) d[0], t, t.plus(Duration.ofHours((Integer) d[1])),
                    (String) d[2]);
        }
        // pending: exactly 24 h before asOf (not overdue), 24 h + 1 s (overdue), 1 h (queue), and one after asOf
        data.handoff(data.lead(ch, t, m), m, rep, "PENDING", Instant.parse("2008-12-30T12:00:00Z"), null, null);
        data.handoff(data.lead(ch, t, m), m, rep, "PENDING", Instant.parse("2008-12-30T11:59:59Z"), null, null);
        data.handoff(data.lead(ch, t, m), m, null, "PENDING", Instant.parse("2008-12-31T11:00:00Z"), null, null);
        data.handoff(data.lead(ch, t, m), m, rep, "PENDING", rome("2008-12-31T23:59:59"), null, null);
        // outside the period
        data.handoff(data.lead(ch, t, m), m, rep, "PENDING", rome("2009-01-01T00:00:00"), null, null);
        data.handoff(data.lead(ch, t, m), m, rep, "REJECTED", rome("2007-12-31T23:59:59"),
                rome("2008-01-01T10:00:00"), "OTHER");

        HandoffFigures figures = asManager(() -> stats.handoffs(year(2008), asOf));
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put("NOT_A_FIT", 2L);
        reasons.put("NO_BUDGET", 1L);
        // sent 10 = 3 accepted + 3 rejected + 4 pending; acceptance 3/6
        assertThat(figures).isEqualTo(new HandoffFigures(10, 3, 3, 4, 0.5, 3.5, 24, 1, reasons));
        assertThat(figures.rejectionReasons().keySet()).containsExactly("NOT_A_FIT", "NO_BUDGET");
        // one second later the one created exactly 24 h before is overdue too
        assertThat(asManager(() -> stats.handoffs(year(2008), asOf.plusSeconds(1))).overduePending()).isEqualTo(2);
        assertThat(asManager(() -> stats.handoffs(year(1998), asOf))).isEqualTo(
                new HandoffFigures(0, 0, 0, 0, null, null, 24, 0, Map.of()));
    }

    @Test
    void channels_relate_spend_to_the_cohort_and_to_customers_first_won_in_the_period_with_all_their_revenue() {
        UserId m = user("st-ch", Role.MARKETING, Role.SALES);
        String prefix = StatsFixture.prefix();
        String c1 = data.channel(prefix + "_1", "ONLINE");
        String c2 = data.channel(prefix + "_2", "OFFLINE");
        String c3 = data.channel(prefix + "_3", "OFFLINE");
        LeadId q1 = data.lead(c1, rome("2017-01-10T10:00:00"), m);         // cohort, customer
        data.win(q1, rome("2017-02-01T10:00:00"), m);
        data.purchase(q1, "2017-02-05", "1000.00");
        data.purchase(q1, "2018-03-01", "500.00");                         // any date counts
        LeadId q2 = data.lead(c1, rome("2016-11-01T10:00:00"), m);         // not cohort, customer
        data.win(q2, rome("2017-01-15T10:00:00"), m);
        data.purchase(q2, "2016-12-01", "200.00");
        LeadId q3 = data.lead(c1, rome("2017-03-01T10:00:00"), m);         // cohort, MQL
        data.move(q3, LeadStatus.MQL, rome("2017-03-02T10:00:00"), m);
        data.lead(c1, rome("2017-04-01T10:00:00"), m);                     // cohort, NEW
        LeadId q5 = data.lead(c1, rome("2017-05-01T10:00:00"), m);         // cohort, MQL, won after the period
        data.win(q5, rome("2018-01-01T00:00:00"), m);
        data.purchase(q5, "2018-01-02", "999.00");
        LeadId q6 = data.lead(c1, rome("2016-06-01T10:00:00"), m);         // customer at the last second, no purchase
        data.win(q6, rome("2017-12-31T23:59:59"), m);
        data.spend(c1, "2016-12", "5000.00");                              // out
        data.spend(c1, "2017-01", "1000.00");
        data.spend(c1, "2017-06", "1000.00");
        data.spend(c1, "2017-12", "1000.01");
        data.spend(c1, "2018-01", "5000.00");                              // out
        data.lead(c2, rome("2017-02-01T10:00:00"), m);
        data.lead(c2, rome("2017-02-02T10:00:00"), m);
        data.spend(c2, "2017-03", "0.25");

        Map<String, ChannelFigures> byCode = new LinkedHashMap<>();
        List<ChannelFigures> channels = asManager(() -> stats.channels(year(2017))).channels();
        channels.forEach(c -> byCode.put(c.channel(), c));
        assertThat(List.copyOf(byCode.keySet())).isSorted().contains("WEBSITE", "TV", c1, c2, c3);
        // C1: cohort Q1 Q3 Q4 Q5 = 4, MQL Q1 Q3 Q5 = 3; customers Q1 Q2 Q6 = 3; spend 1000 + 1000 + 1000.01;
        // revenue 1500 + 200 + 0 = 1700; cpl 3000.01 / 4 = 750.0025 → 750.00; cac 3000.01 / 3 → 1000.00;
        // ltv 1700 / 3 = 566.666… → 566.67; ltvToCac = 1700 / 3000.01 (unrounded sums)
        ChannelFigures f1 = byCode.get(c1);
        assertThat(f1).usingRecursiveComparison().ignoringFields("ltvToCac").isEqualTo(new ChannelFigures(c1, "ONLINE",
                4, 3, 3, new BigDecimal("3000.01"), new BigDecimal("750.00"), new BigDecimal("1000.00"),
                new BigDecimal("1700.00"), new BigDecimal("566.67"), null));
        assertThat(f1.ltvToCac()).isCloseTo(1700 / 3000.01, within(1e-12));
        // C2: 2 leads, spend 0.25 → cpl 0.125 → 0.13 (half-up); no customers: cac, ltv, ltvToCac null
        assertThat(byCode.get(c2)).isEqualTo(new ChannelFigures(c2, "OFFLINE", 2, 0, 0, new BigDecimal("0.25"),
                new BigDecimal("0.13"), null, new BigDecimal("0.00"), null, null));
        assertThat(byCode.get(c3)).isEqualTo(new ChannelFigures(c3, "OFFLINE", 0, 0, 0, new BigDecimal("0.00"),
                null, null, new BigDecimal("0.00"), null, null));
    }

    @Test
    void repeat_purchases_count_buyers_by_their_purchases_dated_in_the_period() {
        UserId m = user("st-rp", Role.MARKETING);
        String ch = data.channel(StatsFixture.prefix() + "_P", "ONLINE");
        Instant created = rome("2009-01-01T10:00:00");
        LeadId b1 = data.lead(ch, created, m);
        data.purchase(b1, "2010-01-01", "100.00");                                     // 1 (first day)
        LeadId b2 = data.lead(ch, created, m);
        data.purchase(b2, "2010-02-01", "50.00");
        data.purchase(b2, "2010-12-31", "50.00");                                      // 2 (last day)
        LeadId b3 = data.lead(ch, created, m);
        for (String on : List.of("2010-03-01", "2010-03-02", "2010-03-03")) {
            data.purchase(b3, on, "10.00");
        }
        data.purchase(b3, "2011-01-01", "1000.00");                                    // out
        data.purchase(b3, "2009-12-31", "1000.00");                                    // out → b3 has 3
        LeadId b4 = data.lead(ch, created, m);
        for (int i = 1; i <= 5; i++) {
            data.purchase(b4, "2010-04-0" + i, "1.00");                                // 5
        }
        LeadId b5 = data.lead(ch, created, m);
        for (int i = 1; i <= 6; i++) {
            data.purchase(b5, "2010-05-0" + i, "1.00");                                // 6 → "5+"
        }
        data.purchase(data.lead(ch, created, m), "2011-01-01", "77.00");               // not a buyer of 2010

        RepeatPurchases repeat = asManager(() -> stats.repeatPurchases(year(2010)));
        Map<String, Long> histogram = new LinkedHashMap<>();
        histogram.put("1", 1L);
        histogram.put("2", 1L);
        histogram.put("3", 1L);
        histogram.put("4", 0L);
        histogram.put("5+", 2L);
        // revenue 100 + 100 + 30 + 5 + 6 = 241; repeat buyers' 100 + 30 + 5 + 6 = 141
        assertThat(repeat).usingRecursiveComparison().ignoringFields("repeatRevenueShare").isEqualTo(
                new RepeatPurchases(5, 1, 4, histogram, new BigDecimal("241.00"), null));
        assertThat(repeat.histogram().keySet()).containsExactly("1", "2", "3", "4", "5+");
        assertThat(repeat.repeatRevenueShare()).isCloseTo(141.0 / 241, within(1e-12));

        RepeatPurchases none = asManager(() -> stats.repeatPurchases(year(1999)));
        assertThat(none.buyers()).isZero();
        assertThat(none.revenue()).isEqualTo(new BigDecimal("0.00"));
        assertThat(none.repeatRevenueShare()).isNull();
        assertThat(none.histogram()).containsOnlyKeys("1", "2", "3", "4", "5+");
    }

    @Test
    void volume_per_week_and_month_clips_the_first_and_last_bucket_and_keeps_empty_ones() {
        UserId m = user("st-vol", Role.MARKETING, Role.SALES);
        String ch = data.channel(StatsFixture.prefix() + "_V", "ONLINE");
        LeadId v1 = data.lead(ch, rome("2019-12-25T00:00:00"), m);           // first instant
        data.move(v1, LeadStatus.MQL, rome("2019-12-31T10:00:00"), m);
        data.move(v1, LeadStatus.NEW, rome("2020-01-02T10:00:00"), m);
        data.move(v1, LeadStatus.MQL, rome("2020-01-07T10:00:00"), m);       // re-qualified: counts again
        LeadId v2 = data.lead(ch, rome("2019-12-24T23:59:59"), m);           // created before, changes inside
        data.move(v2, LeadStatus.MQL, rome("2019-12-26T10:00:00"), m);
        data.move(v2, LeadStatus.SQL, rome("2020-01-10T10:00:00"), m);
        data.move(v2, LeadStatus.OPPORTUNITY, rome("2020-01-11T10:00:00"), m);
        data.move(v2, LeadStatus.WON, rome("2020-01-14T10:00:00"), m);
        data.lead(ch, rome("2020-02-03T23:59:59"), m);                       // last second
        data.lead(ch, rome("2020-02-04T00:00:00"), m);                       // out
        LeadId v5 = data.lead(ch, rome("2020-01-08T10:00:00"), m);
        data.move(v5, LeadStatus.MQL, rome("2020-01-09T10:00:00"), m);
        data.move(v5, LeadStatus.SQL, rome("2020-01-10T10:00:00"), m);
        data.move(v5, LeadStatus.OPPORTUNITY, rome("2020-01-11T10:00:00"), m);
        data.move(v5, LeadStatus.WON, rome("2020-02-04T00:00:00"), m);       // out

        Period period = new Period(LocalDate.of(2019, 12, 25), LocalDate.of(2020, 2, 3));
        Volume weeks = asManager(() -> stats.volume(period, VolumeBucketKind.WEEK));
        assertThat(weeks.bucket()).isEqualTo("week");
        assertThat(weeks.series()).containsExactly(
                new VolumeBucket(LocalDate.of(2019, 12, 25), 1, 1, 0),   // Wednesday (clipped): V1; V2's MQL
                new VolumeBucket(LocalDate.of(2019, 12, 30), 0, 1, 0),   // V1's MQL
                new VolumeBucket(LocalDate.of(2020, 1, 6), 1, 2, 0),     // V5; V1's second MQL, V5's MQL
                new VolumeBucket(LocalDate.of(2020, 1, 13), 0, 0, 1),    // V2 won
                new VolumeBucket(LocalDate.of(2020, 1, 20), 0, 0, 0),
                new VolumeBucket(LocalDate.of(2020, 1, 27), 0, 0, 0),
                new VolumeBucket(LocalDate.of(2020, 2, 3), 1, 0, 0));    // one day (clipped)
        Volume months = asManager(() -> stats.volume(period, VolumeBucketKind.MONTH));
        assertThat(months.series()).containsExactly(
                new VolumeBucket(LocalDate.of(2019, 12, 25), 1, 2, 0),
                new VolumeBucket(LocalDate.of(2020, 1, 1), 1, 2, 1),
                new VolumeBucket(LocalDate.of(2020, 2, 1), 1, 0, 0));
    }

    @Test
    void stalled_leads_are_open_ones_without_activity_for_more_than_the_days_before_as_of() {
        UserId m = user("st-stall", Role.MARKETING, Role.SALES);
        UserSummary owner = testUsers.create("st-stall-owner", Role.SALES);
        String ch = data.channel(StatsFixture.prefix() + "_Z", "ONLINE");
        Instant asOf = Instant.parse("1985-06-30T12:00:00Z");                 // 14 days before: 06-16 12:00Z
        data.lead(ch, Instant.parse("1985-06-16T12:00:00Z"), m);              // exactly 14 days: not stalled
        LeadId s2 = data.lead(ch, Instant.parse("1985-06-16T11:59:59Z"), m);  // stalled since creation
        LeadId s3 = data.lead(ch, Instant.parse("1985-01-01T10:00:00Z"), m, owner.id(), null);
        data.move(s3, LeadStatus.MQL, Instant.parse("1985-02-01T10:00:00Z"), m);   // stalled since 02-01
        LeadId s4 = data.lead(ch, Instant.parse("1985-01-01T10:00:00Z"), m);
        toOpportunity(s4, Instant.parse("1985-01-02T10:00:00Z"), m);
        data.interaction(s4, m, InteractionType.CALL, Instant.parse("1985-06-20T10:00:00Z"), 3); // recent: not
        LeadId s5 = data.lead(ch, Instant.parse("1985-01-01T10:00:00Z"), m);
        toOpportunity(s5, Instant.parse("1985-01-02T10:00:00Z"), m);
        data.interaction(s5, m, InteractionType.CALL, Instant.parse("1985-03-01T10:00:00Z"), 3); // stalled since
        data.win(data.lead(ch, Instant.parse("1985-01-01T10:00:00Z"), m), Instant.parse("1985-01-05T10:00:00Z"), m);
        LeadId lost = data.lead(ch, Instant.parse("1985-01-01T10:00:00Z"), m);
        data.move(lost, LeadStatus.LOST, Instant.parse("1985-01-05T10:00:00Z"), m);
        data.lead(ch, Instant.parse("1985-07-10T10:00:00Z"), m);              // after asOf

        Stalled stalled = asManager(() -> stats.stalled(asOf, 14));
        assertThat(stalled.days()).isEqualTo(14);
        assertThat(stalled.byStatus()).containsExactly(Map.entry("NEW", 1L), Map.entry("MQL", 1L),
                Map.entry("SQL", 0L), Map.entry("OPPORTUNITY", 1L));
        assertThat(stalled.leads()).extracting(StalledLead::id).containsExactly(s3.value(), s5.value(), s2.value());
        assertThat(stalled.leads().get(0).owner()).isEqualTo(owner.username());
        assertThat(stalled.leads().get(0).status()).isEqualTo("MQL");
        assertThat(stalled.leads()).extracting(StalledLead::lastActivityAt).containsExactly(
                Instant.parse("1985-02-01T10:00:00Z"), Instant.parse("1985-03-01T10:00:00Z"),
                Instant.parse("1985-06-16T11:59:59Z"));
        // the tiles' summary: the same counts, no list read
        assertThat(asManager(() -> stats.stalledCounts(asOf, 14))).isEqualTo(new Stalled(14, stalled.byStatus(), List.of()));
    }

    @Test
    void marketing_and_sales_read_the_figures_without_money_and_a_caller_without_a_role_reads_nothing() {
        UserId m = user("st-money", Role.MARKETING, Role.SALES);
        String channel = data.channel(StatsFixture.prefix() + "_M", "ONLINE");
        LeadId won = data.lead(channel, rome("1979-01-10T10:00:00"), m);
        data.win(won, rome("1979-02-01T10:00:00"), m);
        data.purchase(won, "1979-02-05", "1000.00");
        data.spend(channel, "1979-01", "400.00");
        ChannelFigures managerView = asManager(() -> stats.channels(year(1979))).channels().stream()
                .filter(c -> c.channel().equals(channel)).findFirst().orElseThrow();
        assertThat(managerView.revenue()).isEqualByComparingTo("1000.00");
        for (String role : List.of("ROLE_SALES", "ROLE_MARKETING")) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "someone", null, List.of(new SimpleGrantedAuthority(role))));
            try {
                assertThat(stats.seesMoney()).isFalse();
                ChannelFigures seen = stats.channels(year(1979)).channels().stream()
                        .filter(c -> c.channel().equals(channel)).findFirst().orElseThrow();
                assertThat(seen).isEqualTo(managerView.withoutMoney());
                assertThat(seen.leads()).isEqualTo(1);
                assertThat(seen.spend()).isNull();
                assertThat(stats.reps(year(1979)).reps()).allSatisfy(r -> assertThat(r.wonValue()).isNull())
                        .anySatisfy(r -> assertThat(r.won()).isEqualTo(1));
                assertThat(stats.repeatPurchases(year(1979)).revenue()).isNull();
                assertThat(stats.funnel(year(1979), channel).cohort()).isEqualTo(1);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "nobody", null, List.of()));
        try {
            assertThatThrownBy(() -> stats.funnel(year(2011), null)).isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void bad_periods_and_channels_name_the_parameter() {
        assertThatThrownBy(() -> new Period(LocalDate.of(2011, 2, 1), LocalDate.of(2011, 1, 31)))
                .isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> assertThat(((BusinessRuleException) e).field()).contains("from"));
        assertThatThrownBy(() -> asManager(() -> stats.funnel(year(2011), "NO_SUCH_CHANNEL")))
                .isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> assertThat(((BusinessRuleException) e).field()).contains("channel"));
    }
}
