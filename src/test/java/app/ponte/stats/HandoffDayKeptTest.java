package app.ponte.stats;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.handoff.HandoffId;
import app.ponte.handoff.HandoffService;
import app.ponte.handoff.HandoffState;
import app.ponte.handoff.ImportedHandoff;
import app.ponte.handoff.NewHandoff;
import app.ponte.handoff.RejectReason;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadStatus;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserId;
import app.ponte.security.UserSummary;
import app.ponte.stats.rollup.HandoffDay;
import app.ponte.stats.rollup.HandoffDecisionDay;
import app.ponte.stats.rollup.HandoffRecipientDay;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * handoff_day, handoff_recipient_day and handoff_decision_day are kept by the statistics feature, without triggers (decision 040): from
 * the handoff feature's write path inside its transaction — a send to a person and to the queue, a claim, an
 * acceptance, a rejection, an import of a decided handoff — and from the lead feature's change into WON (its
 * handoffs count as won); eight writers on one key at once lose nothing; a rebuild counts rows written with plain
 * SQL. Each test has its own sender and recipient, and the rollups' rows of those people are compared with the
 * rollups' one statement over the handoffs (history in 1983, which no other test writes; live writes today).
 */
@PonteTest
@Tag("persistence")
class HandoffDayKeptTest {

    private static final Instant MARCH_1983 = Instant.parse("1983-03-01T00:00:00Z");
    private static final long DAY = 86_400;

    @Autowired
    StatsFixture data;

    @Autowired
    TestUsers testUsers;

    @Autowired
    HandoffService handoffs;

    @Autowired
    StatsRollups rollups;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void every_handoff_writer_and_a_won_lead_keep_the_rollups() {
        UserSummary marketer = testUsers.create("handoffday", Role.MARKETING, Role.MANAGER);
        UserSummary rep = testUsers.create("handoffday", Role.SALES);
        UserSummary claimer = testUsers.create("handoffday", Role.SALES);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        LeadId toRep = mql(channel, marketer.id());
        LeadId toQueue = mql(channel, marketer.id());
        long today = today();

        signIn(marketer);
        HandoffId first = handoffs.handOff(new NewHandoff(toRep, rep.id(), "call them"));
        HandoffId second = handoffs.handOff(NewHandoff.toQueue(toQueue, "anyone"));
        assertThat(sent(marketer)).containsExactly(today + " PENDING  2 0");
        assertThat(received(rep)).containsExactly(today + " PENDING 1 0");
        assertKept(marketer, rep, claimer);

        signIn(claimer);
        handoffs.claim(second);
        assertThat(received(claimer)).containsExactly(today + " PENDING 1 0");
        handoffs.reject(second, RejectReason.NO_BUDGET, "not this year", version(second));
        signIn(rep);
        handoffs.accept(first, version(first));
        assertThat(sent(marketer)).containsExactly(today + " ACCEPTED  1 0", today + " REJECTED NO_BUDGET 1 0");
        assertThat(received(rep)).containsExactly(today + " ACCEPTED 1 0");
        assertThat(received(claimer)).containsExactly(today + " REJECTED 1 0");
        assertThat(decided(rep)).hasSize(1);
        assertThat(decided(claimer)).hasSize(1);
        assertKept(marketer, rep, claimer);

        // the accepted lead is won later: its handoff counts as won (the lead's highest status, decision 048)
        Instant soon = Instant.now().plusSeconds(60);
        data.move(toRep, LeadStatus.OPPORTUNITY, soon, rep.id());
        data.move(toRep, LeadStatus.WON, soon.plusSeconds(60), rep.id());
        assertThat(sent(marketer)).containsExactly(today + " ACCEPTED  1 1", today + " REJECTED NO_BUDGET 1 0");
        assertThat(received(rep)).containsExactly(today + " ACCEPTED 1 1");
        assertKept(marketer, rep, claimer);

        // history: an imported decision on a day of 1983, 90 minutes and a half second after it was sent
        LeadId old = data.lead(channel, MARCH_1983, marketer.id());
        Instant sentAt = MARCH_1983.plusSeconds(3_600);
        SystemCaller.call(() -> handoffs.importHandoff(new ImportedHandoff(old, sentAt, marketer.id(), rep.id(),
                HandoffState.ACCEPTED, sentAt.plus(Duration.ofMillis(5_400_500)), null, null, null)));
        assertThat(sent(marketer)).startsWith(day(MARCH_1983) + " ACCEPTED  1 0");
        assertThat(received(rep)).startsWith(day(MARCH_1983) + " ACCEPTED 1 0");
        assertThat(decided(rep).getFirst()).startsWith(day(MARCH_1983) + " ").endsWith(" 1");
        assertKept(marketer, rep, claimer);
    }

    @Test
    void eight_writers_on_one_key_lose_no_handoff() throws Exception {
        UserSummary marketer = testUsers.create("handoffday", Role.MARKETING, Role.MANAGER);
        UserSummary rep = testUsers.create("handoffday", Role.SALES);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        int writers = 8;
        int each = 3;
        List<LeadId> leads = new ArrayList<>();
        for (int i = 0; i <= writers * each; i++) {
            leads.add(mql(channel, marketer.id()));
        }
        // the rollups still kept by triggers (stage intervals) have keys shared by every acceptance here,
        // and H2's trigger merge races on a new key: one handoff accepted first makes them
        signIn(marketer);
        HandoffId warmUp = handoffs.handOff(new NewHandoff(leads.removeLast(), rep.id(), null));
        handoffs.accept(warmUp, version(warmUp));
        SecurityContextHolder.clearContext();
        List<HandoffId> sentIds = java.util.Collections.synchronizedList(new ArrayList<>());
        // all sent to one person on one day: one key (today, marketer, rep, PENDING); then all accepted at once
        parallel(writers, writer -> {
            for (LeadId lead : leads.subList(writer * each, (writer + 1) * each)) {
                sentIds.add(handoffs.handOff(new NewHandoff(lead, rep.id(), null)));
            }
        }, marketer);
        assertThat(sent(marketer)).containsExactly(today() + " ACCEPTED  1 0", today() + " PENDING  24 0");
        assertThat(received(rep)).containsExactly(today() + " ACCEPTED 1 0", today() + " PENDING 24 0");
        assertKept(marketer, rep);
        List<HandoffId> all = List.copyOf(sentIds);
        parallel(writers, writer -> {
            for (HandoffId id : all.subList(writer * each, (writer + 1) * each)) {
                handoffs.accept(id, version(id));
            }
        }, marketer);
        assertThat(sent(marketer)).containsExactly(today() + " ACCEPTED  25 0");
        assertThat(received(rep)).containsExactly(today() + " ACCEPTED 25 0");
        assertThat(decided(rep).stream().mapToLong(r -> Long.parseLong(r.substring(r.lastIndexOf(' ') + 1))).sum())
                .isEqualTo(25);
        assertKept(marketer, rep);
    }

    @Test
    void a_rebuild_after_plain_sql_inserts_makes_the_rollups_equal_their_definitions() {
        UserSummary marketer = testUsers.create("handoffday", Role.MARKETING);
        UserSummary rep = testUsers.create("handoffday", Role.SALES);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        LeadId lead = data.lead(channel, MARCH_1983.plusSeconds(20 * DAY), marketer.id());
        // a writer that bypasses the services (benchmark generator, SQL fixture): nothing counts these rows
        Instant at = MARCH_1983.plusSeconds(20 * DAY + 3_600);
        jdbc.sql("insert into handoff (lead_id, from_user_id, to_user_id, via_queue, state, created_at, decided_at,"
                        + " decided_by_id, reason_code, pending_lead_id) values (:lead, :from, :to, false, 'REJECTED',"
                        + " :at, :decided, :to, 'DUPLICATE', null)")
                .param("lead", lead.value()).param("from", marketer.id().value()).param("to", rep.id().value())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("decided", OffsetDateTime.ofInstant(at.plusSeconds(7_200), ZoneOffset.UTC))
                .update();
        assertThat(sent(marketer)).isEmpty();
        assertThat(SystemCaller.call(rollups::differences).get("handoff_day")).isPositive();
        assertThat(SystemCaller.call(rollups::differences).get("handoff_decision_day")).isPositive();

        StatsRollups.Rebuilt rebuilt = SystemCaller.call(rollups::rebuild);

        assertThat(rebuilt.rows().get("handoff_day")).isPositive();
        assertThat(sent(marketer)).containsExactly(day(at) + " REJECTED DUPLICATE 1 0");
        assertThat(received(rep)).containsExactly(day(at) + " REJECTED 1 0");
        assertKept(marketer, rep);
        assertThat(SystemCaller.call(rollups::differences)).containsEntry("handoff_day", 0L)
                .containsEntry("handoff_recipient_day", 0L).containsEntry("handoff_decision_day", 0L);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A lead in MQL, created and moved in history by {@code by}. */
    private LeadId mql(String channel, UserId by) {
        Instant created = Instant.now().minus(Duration.ofDays(2));
        LeadId lead = data.lead(channel, created, by);
        data.move(lead, LeadStatus.MQL, created.plusSeconds(60), by);
        return lead;
    }

    @FunctionalInterface
    private interface Writer {

        void write(int writer) throws Exception;
    }

    private static void parallel(int writers, Writer work, UserSummary as) throws Exception {
        ParallelWriters.run(as, writers, writer -> {
            work.write(writer);
            return null;
        });
    }

    private long version(HandoffId id) {
        return handoffs.get(id).orElseThrow().version();
    }

    private static long today() {
        return day(Instant.now());
    }

    private static long day(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), DAY);
    }

    /** The sender's handoff_day rows that count something: "day state reason handoffs won". */
    private List<String> sent(UserSummary marketer) {
        return data.rollupRows(HandoffDay.ROLLUP, "from_user_id", marketer.id());
    }

    /** The recipient's handoff_recipient_day rows that count something: "day state handoffs won". */
    private List<String> received(UserSummary rep) {
        return data.rollupRows(HandoffRecipientDay.ROLLUP, "to_user_id", rep.id());
    }

    /** The recipient's handoff_decision_day rows that count something: "day bucket decided". */
    private List<String> decided(UserSummary rep) {
        return data.rollupRows(HandoffDecisionDay.ROLLUP, "to_user_id", rep.id());
    }

    /** Both rollups' rows of these people equal the rollups' statements over the handoffs (the definitions). */
    private void assertKept(UserSummary marketer, UserSummary... reps) {
        assertThat(sent(marketer)).isEqualTo(data.definitionRows(HandoffDay.ROLLUP, "from_user_id", marketer.id()));
        for (UserSummary rep : reps) {
            assertThat(received(rep)).isEqualTo(data.definitionRows(HandoffRecipientDay.ROLLUP, "to_user_id", rep.id()));
            assertThat(decided(rep)).isEqualTo(data.definitionRows(HandoffDecisionDay.ROLLUP, "to_user_id", rep.id()));
        }
    }

    private static void signIn(UserSummary user) {
        ParallelWriters.signIn(user);
    }
}
