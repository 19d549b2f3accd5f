package app.ponte.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.TestClock;
import app.ponte.TestUsers;
import app.ponte.base.BusinessRuleException;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusMove;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Handoffs: every transition and who may make it, races with one winner, the SLA and its notice. */
@PonteTest
@Tag("persistence")
class HandoffServiceTest {

    @Autowired
    HandoffService handoffs;

    @Autowired
    LeadService leads;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    static void signIn(UserSummary user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.username(), null, user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
    }

    /** A lead created by the marketer (who stays signed in) and moved to MQL. */
    private LeadId mql(UserSummary marketer) {
        signIn(marketer);
        LeadId lead = leads.create(new NewLead(TestUsers.uniqueName("Handoff lead"), "Acme", null, null, "WEBSITE",
                null, null, null));
        leads.move(lead, StatusMove.to(LeadStatus.MQL, leads.get(lead).orElseThrow().version()));
        return lead;
    }

    private long notifications(UserSummary user, String key) {
        return jdbc.sql("select count(*) from notification where recipient_id = :u and text_key = :k")
                .param("u", user.id().value()).param("k", key).query(Long.class).single();
    }

    private long overdueNotices(UserSummary user, HandoffId id) {
        return jdbc.sql("select count(*) from notification where recipient_id = :u and once_key = :k"
                        + " and text_key = 'notification.handoff.overdue'")
                .param("u", user.id().value()).param("k", "handoff-overdue-" + id.value()).query(Long.class).single();
    }

    private LeadDetails lead(LeadId id) {
        return SystemCaller.call(() -> leads.get(id).orElseThrow());
    }

    private HandoffEntry handoff(HandoffId id) {
        return SystemCaller.call(() -> handoffs.get(id).orElseThrow());
    }

    @Test
    void a_marketer_hands_an_mql_to_a_salesperson_who_is_told_at_once() {
        UserSummary marketer = testUsers.create("ho-mkt", Role.MARKETING);
        UserSummary seller = testUsers.create("ho-sales", Role.SALES);
        LeadId lead = mql(marketer);
        HandoffId id = handoffs.handOff(new NewHandoff(lead, seller.id(), "  Wants the premium plan  "));

        HandoffEntry entry = handoff(id);
        assertThat(entry.state()).isEqualTo(HandoffState.PENDING);
        assertThat(entry.from().id()).isEqualTo(marketer.id());
        assertThat(entry.to().id()).isEqualTo(seller.id());
        assertThat(entry.viaQueue()).isFalse();
        assertThat(entry.note()).isEqualTo("Wants the premium plan");
        assertThat(notifications(seller, "notification.handoff.received")).isEqualTo(1);
        // handing off changes nothing on the lead yet
        assertThat(lead(lead).status()).isEqualTo(LeadStatus.MQL);
        assertThat(lead(lead).owner().id()).isEqualTo(marketer.id());
        assertThat(handoffs.pendingFor(lead)).map(HandoffEntry::id).contains(id);
    }

    @Test
    void only_marketing_or_managers_hand_off_and_only_mqls_to_active_salespeople() {
        UserSummary marketer = testUsers.create("ho-mkt", Role.MARKETING);
        UserSummary seller = testUsers.create("ho-sales", Role.SALES);
        UserSummary otherMarketer = testUsers.create("ho-mkt2", Role.MARKETING);
        LeadId lead = mql(marketer);

        assertThatThrownBy(() -> handoffs.handOff(new NewHandoff(lead, otherMarketer.id(), "note")))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("handoff.error.not-sales");
        LeadId fresh = leads.create(new NewLead(TestUsers.uniqueName("New lead"), null, null, null, "WEBSITE", null,
                null, null));
        assertThatThrownBy(() -> handoffs.handOff(new NewHandoff(fresh, seller.id(), "note")))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("handoff.error.not-mql");

        signIn(seller);
        assertThatThrownBy(() -> handoffs.handOff(new NewHandoff(lead, seller.id(), "note")))
                .isInstanceOf(AccessDeniedException.class);

        UserSummary manager = testUsers.create("ho-mgr", Role.MANAGER);
        signIn(manager);
        assertThat(handoffs.handOff(new NewHandoff(lead, seller.id(), null))).isNotNull();
    }

    @Test
    void a_second_pending_handoff_of_the_same_lead_is_refused() {
        UserSummary marketer = testUsers.create("ho-mkt", Role.MARKETING);
        UserSummary seller = testUsers.create("ho-sales", Role.SALES);
        LeadId lead = mql(marketer);
        handoffs.handOff(new NewHandoff(lead, seller.id(), "first"));
        assertThatThrownBy(() -> handoffs.handOff(NewHandoff.toQueue(lead, "second")))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("handoff.error.already-pending");
        assertThat(handoffs.forLead(lead)).hasSize(1);
    }

    @Test
    void two_hand_offs_of_one_lead_at_the_same_moment_store_exactly_one() throws Exception {
        UserSummary marketer = testUsers.create("ho-mkt", Role.MARKETING);
        UserSummary seller = testUsers.create("ho-sales", Role.SALES);
        LeadId lead = mql(marketer);
        List<Object> outcomes = race(marketer, marketer,
                () -> handoffs.handOff(new NewHandoff(lead, seller.id(), "one")),
                () -> handoffs.handOff(NewHandoff.toQueue(lead, "two")));
        assertThat(outcomes).filteredOn(o -> o instanceof HandoffId).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof BusinessRuleException).singleElement()
                .extracting(o -> ((BusinessRuleException) o).messageKey()).isEqualTo("handoff.error.already-pending");
        assertThat(handoffs.forLead(lead)).hasSize(1);
    }

    @Test
    void the_queue_tells_every_salesperson_and_a_claim_makes_it_mine() {
        UserSummary marketer = testUsers.create("ho-mkt", Role.MARKETING);
        UserSummary anna = testUsers.create("ho-sales", Role.SALES);
        UserSummary bruno = testUsers.create("ho-sales", Role.SALES);
        LeadId lead = mql(marketer);
        HandoffId id = handoffs.handOff(NewHandoff.toQueue(lead, "anyone free?"));
        assertThat(notifications(anna, "notification.handoff.queued")).isEqualTo(1);
        assertThat(notifications(bruno, "notification.handoff.queued")).isEqualTo(1);

        assertThatThrownBy(() -> handoffs.claim(id)).isInstanceOf(AccessDeniedException.class);
        signIn(anna);
        assertThat(handoffs.inbox()).extracting(i -> i.handoff().id()).contains(id);
        // deciding needs a claim first
        assertThatThrownBy(() -> handoffs.accept(id, handoff(id).version()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("handoff.error.claim-first");
        HandoffEntry claimed = handoffs.claim(id);
        assertThat(claimed.to().id()).isEqualTo(anna.id());
        assertThat(claimed.viaQueue()).isTrue();
        assertThat(claimed.claimedAt()).isNotNull();

        signIn(bruno);
        assertThatThrownBy(() -> handoffs.claim(id)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("handoff.error.already-claimed");
        assertThat(handoffs.inbox()).extracting(i -> i.handoff().id()).doesNotContain(id);
        assertThatThrownBy(() -> handoffs.accept(id, claimed.version())).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("handoff.error.not-yours");
    }

    @Test
    void two_salespeople_claiming_at_once_one_wins_the_other_is_told() throws Exception {
        UserSummary marketer = testUsers.create("ho-mkt", Role.MARKETING);
        UserSummary anna = testUsers.create("ho-sales", Role.SALES);
        UserSummary bruno = testUsers.create("ho-sales", Role.SALES);
        LeadId lead = mql(marketer);
        HandoffId id = handoffs.handOff(NewHandoff.toQueue(lead, null));
        List<Object> outcomes = race(anna, bruno, () -> handoffs.claim(id), () -> handoffs.claim(id));
        assertThat(outcomes).filteredOn(o -> o instanceof HandoffEntry).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof BusinessRuleException).singleElement()
                .extracting(o -> ((BusinessRuleException) o).messageKey())
                .isIn("handoff.error.already-claimed", "handoff.error.claimed-meanwhile");
        HandoffEntry winner = (HandoffEntry) outcomes.stream().filter(o -> o instanceof HandoffEntry).findFirst()
                .orElseThrow();
        assertThat(handoff(id).to().id()).isEqualTo(winner.to().id()).isIn(anna.id(), bruno.id());
    }

    @Test
    void accepting_makes_the_lead_an_sql_owned_by_the_salesperson_and_tells_the_marketer() {
        UserSummary marketer = testUsers.create("ho-mkt", Role.MARKETING);
        UserSummary seller = testUsers.create("ho-sales", Role.SALES);
        UserSummary other = testUsers.create("ho-sales", Role.SALES);
        LeadId lead = mql(marketer);
        HandoffId id = handoffs.handOff(new NewHandoff(lead, seller.id(), "ready"));
        long version = handoff(id).version();

        assertThatThrownBy(() -> handoffs.accept(id, version)).isInstanceOf(AccessDeniedException.class);
        signIn(other);
        assertThatThrownBy(() -> handoffs.accept(id, version)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("handoff.error.not-yours");
        signIn(seller);
        HandoffEntry accepted = handoffs.accept(id, version);
        assertThat(accepted.state()).isEqualTo(HandoffState.ACCEPTED);
        assertThat(accepted.decidedBy().id()).isEqualTo(seller.id());
        assertThat(accepted.decidedAt()).isNotNull();
        assertThat(lead(lead).status()).isEqualTo(LeadStatus.SQL);
        assertThat(lead(lead).owner().id()).isEqualTo(seller.id());
        assertThat(notifications(marketer, "notification.handoff.accepted")).isEqualTo(1);
        assertThatThrownBy(() -> handoffs.reject(id, RejectReason.OTHER, "late", accepted.version()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("handoff.error.already-decided");
        assertThat(handoffs.pendingFor(lead)).isEmpty();
    }

    @Test
    void a_manager_decides_any_handoff() {
        UserSummary marketer = testUsers.create("ho-mkt", Role.MARKETING);
        UserSummary seller = testUsers.create("ho-sales", Role.SALES);
        UserSummary manager = testUsers.create("ho-mgr", Role.MANAGER);
        LeadId lead = mql(marketer);
        HandoffId id = handoffs.handOff(new NewHandoff(lead, seller.id(), null));
        signIn(manager);
        handoffs.accept(id, handoff(id).version());
        assertThat(lead(lead).status()).isEqualTo(LeadStatus.SQL);
        assertThat(lead(lead).owner().id()).isEqualTo(seller.id());
        assertThat(handoff(id).decidedBy().id()).isEqualTo(manager.id());
    }

    @Test
    void rejecting_needs_a_reason_and_a_note_and_sends_the_lead_back_to_the_marketer() {
        UserSummary marketer = testUsers.create("ho-mkt", Role.MARKETING);
        UserSummary seller = testUsers.create("ho-sales", Role.SALES);
        LeadId lead = mql(marketer);
        HandoffId id = handoffs.handOff(new NewHandoff(lead, seller.id(), "hot"));
        long version = handoff(id).version();
        signIn(seller);
        assertThatThrownBy(() -> handoffs.reject(id, null, "no", version)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("handoff.error.reason-required");
        assertThatThrownBy(() -> handoffs.reject(id, RejectReason.NO_BUDGET, "  ", version))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("handoff.error.decision-note-required");
        assertThat(handoff(id).state()).isEqualTo(HandoffState.PENDING);

        HandoffEntry rejected = handoffs.reject(id, RejectReason.NO_BUDGET, "Budget frozen until Q3", version);
        assertThat(rejected.state()).isEqualTo(HandoffState.REJECTED);
        assertThat(rejected.reason()).isEqualTo(RejectReason.NO_BUDGET);
        assertThat(rejected.decisionNote()).isEqualTo("Budget frozen until Q3");
        assertThat(lead(lead).status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead(lead).owner().id()).isEqualTo(marketer.id());
        assertThat(SystemCaller.call(() -> leads.history(lead)).getLast().reason())
                .isEqualTo("NO_BUDGET: Budget frozen until Q3");
        assertThat(notifications(marketer, "notification.handoff.rejected")).isEqualTo(1);

        // requalified, the lead may be handed off again
        signIn(marketer);
        leads.move(lead, StatusMove.to(LeadStatus.MQL, lead(lead).version()));
        assertThat(handoffs.handOff(NewHandoff.toQueue(lead, "second try"))).isNotNull();
        assertThat(handoffs.forLead(lead)).extracting(HandoffEntry::state)
                .containsExactly(HandoffState.REJECTED, HandoffState.PENDING);
    }

    @Test
    void two_deciders_at_once_one_wins_the_other_is_told() throws Exception {
        UserSummary marketer = testUsers.create("ho-mkt", Role.MARKETING);
        UserSummary seller = testUsers.create("ho-sales", Role.SALES);
        UserSummary manager = testUsers.create("ho-mgr", Role.MANAGER);
        LeadId lead = mql(marketer);
        HandoffId id = handoffs.handOff(new NewHandoff(lead, seller.id(), null));
        long version = handoff(id).version();
        List<Object> outcomes = race(seller, manager, () -> handoffs.accept(id, version),
                () -> handoffs.reject(id, RejectReason.DUPLICATE, "Same as another lead", version));
        assertThat(outcomes).filteredOn(o -> o instanceof HandoffEntry).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof BusinessRuleException).singleElement()
                .extracting(o -> ((BusinessRuleException) o).messageKey())
                .isIn("handoff.error.already-decided", "handoff.error.decided-meanwhile",
                        "handoff.error.changed-meanwhile");
        HandoffEntry stored = handoff(id);
        LeadStatus expected = stored.state() == HandoffState.ACCEPTED ? LeadStatus.SQL : LeadStatus.NEW;
        assertThat(lead(lead).status()).isEqualTo(expected);
        assertThat(SystemCaller.call(() -> leads.history(lead))).hasSize(2);
    }

    @Test
    void overdue_means_older_than_the_sla_exactly_at_the_limit_is_not_yet() {
        Instant created = Instant.parse("2026-11-20T09:00:00Z");
        assertThat(HandoffService.overdue(created, created.plus(Duration.ofHours(24)), 24)).isFalse();
        assertThat(HandoffService.overdue(created, created.plus(Duration.ofHours(24)).plusSeconds(1), 24)).isTrue();
        assertThat(HandoffService.overdue(created, created.plus(Duration.ofHours(8)).plusSeconds(1), 8)).isTrue();
        assertThat(HandoffService.overdue(created, created.plus(Duration.ofHours(8)), 8)).isFalse();
    }

    @Test
    void the_inbox_lists_oldest_first_with_time_left_and_overdue_ones_marked() {
        UserSummary marketer = testUsers.create("ho-mkt", Role.MARKETING);
        UserSummary seller = testUsers.create("ho-sales", Role.SALES);
        LeadId fresh = mql(marketer);
        LeadId old = mql(marketer);
        Instant now = clock.instant();
        int sla = handoffs.slaHours();
        HandoffId young = SystemCaller.call(() -> handoffs.importHandoff(new ImportedHandoff(fresh,
                now.minus(Duration.ofHours(sla)).plus(Duration.ofMinutes(10)), marketer.id(), seller.id(), null, null,
                null, "young", null)));
        HandoffId late = SystemCaller.call(() -> handoffs.importHandoff(new ImportedHandoff(old,
                now.minus(Duration.ofHours(sla)).minusSeconds(1), marketer.id(), seller.id(), null, null, null,
                "late", null)));
        signIn(seller);
        // other tests leave queue items, which every salesperson's inbox shows too: look at these two
        List<InboxItem> inbox = handoffs.inbox().stream()
                .filter(i -> i.handoff().id().equals(late) || i.handoff().id().equals(young)).toList();
        assertThat(inbox).extracting(i -> i.handoff().id()).containsExactly(late, young);
        assertThat(inbox.get(0).overdue()).isTrue();
        assertThat(inbox.get(0).timeLeft()).isNegative();
        assertThat(inbox.get(1).overdue()).isFalse();
        assertThat(inbox.get(1).timeLeft()).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
        assertThat(inbox.get(1).dueAt()).isEqualTo(inbox.get(1).handoff().createdAt().plus(Duration.ofHours(sla)));
        assertThat(handoffs.myPendingCount()).isEqualTo(2);
    }

    @Test
    void the_sweep_announces_an_overdue_handoff_once_to_the_recipient_and_the_managers() {
        UserSummary marketer = testUsers.create("ho-mkt", Role.MARKETING);
        UserSummary seller = testUsers.create("ho-sales", Role.SALES);
        UserSummary manager = testUsers.create("ho-mgr", Role.MANAGER);
        LeadId lead = mql(marketer);
        HandoffId id = handoffs.handOff(new NewHandoff(lead, seller.id(), null));
        SystemCaller.run(handoffs::sweepOverdue);
        // (other tests' queue items may be overdue and reach every salesperson: count this handoff's)
        assertThat(overdueNotices(seller, id)).isZero();

        clock.advance(Duration.ofHours(handoffs.slaHours()).plusSeconds(1));
        assertThat(SystemCaller.call(handoffs::sweepOverdue)).isPositive();
        assertThat(SystemCaller.call(handoffs::sweepOverdue)).isZero();
        // other tests' queue items reach every salesperson too: count this handoff's notice
        assertThat(overdueNotices(seller, id)).isEqualTo(1);
        assertThat(overdueNotices(manager, id)).isEqualTo(1);
        assertThat(overdueNotices(marketer, id)).isZero();
        // the notice does not stand in the way of a decision
        signIn(seller);
        assertThat(handoffs.accept(id, handoff(id).version()).state()).isEqualTo(HandoffState.ACCEPTED);
    }

    @Test
    void imported_history_changes_no_lead_and_tells_no_one() {
        UserSummary marketer = testUsers.create("ho-mkt", Role.MARKETING);
        UserSummary seller = testUsers.create("ho-sales", Role.SALES);
        LeadId lead = mql(marketer);
        Instant created = Instant.parse("2026-01-10T10:00:00Z");
        ImportedHandoff rejected = new ImportedHandoff(lead, created, marketer.id(), seller.id(),
                HandoffState.REJECTED, created.plus(Duration.ofHours(5)), RejectReason.NOT_READY, "note", null);
        assertThatThrownBy(() -> handoffs.importHandoff(rejected)).isInstanceOf(AccessDeniedException.class);
        HandoffId id = SystemCaller.call(() -> handoffs.importHandoff(rejected));
        // another time than the first: the same lead, time and sender would be refused as a duplicate first
        assertThatThrownBy(() -> SystemCaller.call(() -> handoffs.importHandoff(new ImportedHandoff(lead,
                created.plusSeconds(1), marketer.id(), null, HandoffState.REJECTED, created.plusSeconds(60), null, null,
                null))))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("handoff.error.reason-required");
        HandoffEntry entry = handoff(id);
        assertThat(entry.imported()).isTrue();
        assertThat(entry.state()).isEqualTo(HandoffState.REJECTED);
        assertThat(entry.decidedAt()).isEqualTo(created.plus(Duration.ofHours(5)));
        assertThat(lead(lead).status()).isEqualTo(LeadStatus.MQL);
        assertThat(notifications(seller, "notification.handoff.received")).isZero();
        assertThat(notifications(marketer, "notification.handoff.rejected")).isZero();
    }

    @Test
    void the_marketer_sees_their_handoffs_and_this_month_s_acceptance_rate() {
        UserSummary marketer = testUsers.create("ho-mkt", Role.MARKETING);
        UserSummary seller = testUsers.create("ho-sales", Role.SALES);
        List<HandoffId> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(handoffs.handOff(new NewHandoff(mql(marketer), seller.id(), "n" + i)));
        }
        signIn(seller);
        handoffs.accept(ids.get(0), handoff(ids.get(0)).version());
        handoffs.accept(ids.get(1), handoff(ids.get(1)).version());
        handoffs.reject(ids.get(2), RejectReason.NOT_A_FIT, "Wrong industry", handoff(ids.get(2)).version());
        signIn(marketer);
        assertThat(handoffs.sent(false, 0, 50)).extracting(HandoffEntry::id)
                .containsExactly(ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(handoffs.sent(false, 1, 2)).extracting(HandoffEntry::id).containsExactly(ids.get(2), ids.get(1));
        HandoffRate rate = handoffs.acceptanceThisMonth(false);
        assertThat(rate).isEqualTo(new HandoffRate(2, 1, 67));
        assertThat(HandoffRate.of(0, 0).percent()).isNull();
        assertThat(HandoffRate.of(1, 1).percent()).isEqualTo(50);
    }

    /** Runs two calls at the same moment, each signed in as its user; returns each result or exception. */
    private List<Object> race(UserSummary first, UserSummary second, Callable<Object> a, Callable<Object> b)
            throws Exception {
        var barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = List.of(pool.submit(attempt(first, barrier, a)),
                    pool.submit(attempt(second, barrier, b)));
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<Object> attempt(UserSummary user, CyclicBarrier barrier, Callable<Object> call) {
        return () -> {
            signIn(user);
            try {
                barrier.await(10, TimeUnit.SECONDS);
                return call.call();
            } catch (BusinessRuleException e) {
                return e;
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
    }
}
