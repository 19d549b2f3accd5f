package app.ponte.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.interaction.InteractionChanges;
import app.ponte.interaction.InteractionEntry;
import app.ponte.interaction.InteractionId;
import app.ponte.interaction.InteractionService;
import app.ponte.interaction.InteractionType;
import app.ponte.interaction.InteractionsChanged;
import app.ponte.interaction.NewInteraction;
import app.ponte.lead.LeadId;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserId;
import app.ponte.security.UserSummary;
import app.ponte.stats.rollup.InteractionDay;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * interaction_day is kept by the statistics feature, without triggers (decision 034): from the
 * interaction write path inside its transaction (a log, an edit that moves the interaction, a delete,
 * parallel writers of one key) and by a rebuild after writers that bypass the services. After each
 * step the test user's rollup rows equal the rollup's own statement over the rows.
 */
@PonteTest
@Tag("persistence")
class InteractionDayKeptTest {

    /** 2004-03-01 00:00 UTC is day 12,478 (epoch seconds 1,078,099,200 / 86,400). */
    private static final Instant DAY_12478 = Instant.parse("2004-03-01T00:00:00Z");

    @Autowired
    StatsFixture data;

    @Autowired
    TestUsers testUsers;

    @Autowired
    InteractionService interactions;

    @Autowired
    StatsRollups rollups;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_edit_that_moves_an_interaction_to_another_day_and_type_updates_both_keys() {
        UserSummary rep = testUsers.create("kept", Role.SALES);
        LeadId lead = lead(rep.id());
        signIn(rep);
        InteractionId moved = interactions.log(call(lead, DAY_12478.plusSeconds(3_600), 4));
        interactions.log(call(lead, DAY_12478.plusSeconds(7_200), 2));
        assertThat(rollup(rep.id())).containsExactly("12478 CALL 2 2 6");

        InteractionEntry entry = interactions.forLead(lead).stream().filter(e -> e.id().equals(moved)).findFirst()
                .orElseThrow();
        interactions.edit(moved, new InteractionChanges(InteractionType.MEETING, DAY_12478.plusSeconds(86_400 + 60),
                false, null, 5, null, null, entry.version()));
        assertThat(rollup(rep.id())).containsExactly("12478 CALL 1 1 2", "12479 MEETING 1 1 5");
        assertMatchesDefinition(rep.id());
    }

    @Test
    void a_deleted_interaction_leaves_its_key() {
        UserSummary rep = testUsers.create("kept", Role.SALES);
        LeadId lead = lead(rep.id());
        signIn(rep);
        interactions.log(call(lead, DAY_12478.plusSeconds(60), 3));
        InteractionId gone = interactions.log(call(lead, DAY_12478.plusSeconds(120), 5));
        assertThat(rollup(rep.id())).containsExactly("12478 CALL 2 2 8");

        // no screen deletes interactions yet; a writer that does publishes the old key in its transaction
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from interaction where id = :id").param("id", gone.value()).update();
            events.publishEvent(InteractionsChanged.deleted(new InteractionsChanged.Key(
                    DAY_12478.plusSeconds(120), rep.id(), InteractionType.CALL)));
        });
        assertThat(rollup(rep.id())).containsExactly("12478 CALL 1 1 3");
        assertMatchesDefinition(rep.id());
    }

    @Test
    void eight_parallel_writers_of_one_key_lose_no_count() throws Exception {
        UserSummary rep = testUsers.create("kept", Role.SALES);
        int writers = 8;
        int each = 5;
        List<LeadId> leads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            leads.add(lead(rep.id()));   // one lead per writer: the lead rows do not serialize them
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                LeadId lead = leads.get(w);
                int writer = w;
                done.add(pool.submit(() -> {
                    signIn(rep);
                    start.await();
                    for (int n = 0; n < each; n++) {
                        // one key: the same person, type and UTC day; the first writes all find it missing
                        interactions.log(call(lead, DAY_12478.plusSeconds(600 + writer * 60L + n), 1 + n % 5));
                    }
                    SecurityContextHolder.clearContext();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // 40 calls scored 1, 2, 3, 4, 5 by each writer: 8 × 15
        assertThat(rollup(rep.id())).containsExactly("12478 CALL 40 40 120");
        assertMatchesDefinition(rep.id());
    }

    /**
     * Decision 049: each transaction publishes two writes, one per key, in opposite orders, and waits for
     * the other between them. A refresh at each event would lock key A in the first and key B in the
     * second, and then each would wait for the other's key: a deadlock (PostgreSQL aborts one; H2 times
     * out). Refreshed once before the commit, in key order, both commit and both keys count both rows.
     */
    @Test
    void two_writers_of_two_keys_in_opposite_orders_both_commit() throws Exception {
        UserId rep = testUsers.create("kept", Role.SALES).id();
        LeadId lead = lead(rep);
        Instant dayA = DAY_12478.plusSeconds(3 * 86_400L + 60);
        Instant dayB = DAY_12478.plusSeconds(4 * 86_400L + 60);
        CountDownLatch firstWritten = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> forward = pool.submit(() -> writeTwo(lead, rep, dayA, dayB, firstWritten));
            Future<?> backward = pool.submit(() -> writeTwo(lead, rep, dayB.plusSeconds(1), dayA.plusSeconds(1),
                    firstWritten));
            forward.get(60, TimeUnit.SECONDS);
            backward.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rollup(rep)).containsExactly("12481 CALL 2 2 6", "12482 CALL 2 2 6");
        assertMatchesDefinition(rep);
    }

    /** One transaction: a call at {@code first}, its event, a wait for the other writer, the same at {@code second}. */
    private Void writeTwo(LeadId lead, UserId rep, Instant first, Instant second, CountDownLatch firstWritten) {
        transactions.executeWithoutResult(status -> {
            insert(lead, rep, "CALL", first, false, 3);
            events.publishEvent(InteractionsChanged.inserted(List.of(
                    new InteractionsChanged.Key(first, rep, InteractionType.CALL))));
            firstWritten.countDown();
            try {
                assertThat(firstWritten.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            insert(lead, rep, "CALL", second, false, 3);
            events.publishEvent(InteractionsChanged.inserted(List.of(
                    new InteractionsChanged.Key(second, rep, InteractionType.CALL))));
        });
        return null;
    }

    @Test
    void a_rebuild_after_plain_sql_inserts_makes_the_rollup_equal_its_definition() {
        UserId rep = testUsers.create("kept", Role.SALES).id();
        LeadId lead = lead(rep);
        // a writer that bypasses the services (benchmark generator, SQL fixture): nothing counts these rows
        insert(lead, rep, "EMAIL", DAY_12478.plusSeconds(86_399), false, null);
        insert(lead, rep, "CALL", DAY_12478.plusSeconds(86_400), false, 4);
        insert(lead, rep, "MEETING", DAY_12478.plusSeconds(86_400), true, null);
        assertThat(rollup(rep)).isEmpty();
        assertThat(SystemCaller.call(rollups::differences).get("interaction_day")).isPositive();

        StatsRollups.Rebuilt rebuilt = SystemCaller.call(rollups::rebuild);

        assertThat(rebuilt.rows().get("interaction_day")).isPositive();
        assertThat(rollup(rep)).containsExactly("12478 EMAIL 1 0 0", "12479 CALL 1 1 4");
        assertMatchesDefinition(rep);
        assertThat(SystemCaller.call(rollups::differences)).containsEntry("interaction_day", 0L);
    }

    @Test
    void only_an_administrator_rebuilds() {
        signIn(testUsers.create("kept", Role.MANAGER, Role.SALES, Role.MARKETING));
        assertThatThrownBy(rollups::rebuild).isInstanceOf(AccessDeniedException.class);
    }

    private LeadId lead(UserId owner) {
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        return data.lead(channel, DAY_12478.minusSeconds(86_400), owner);
    }

    private static NewInteraction call(LeadId lead, Instant at, int score) {
        return new NewInteraction(lead, InteractionType.CALL, at, false, null, null, score, null, null);
    }

    private static void signIn(UserSummary user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.username(), null, user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
    }

    private void insert(LeadId lead, UserId user, String type, Instant at, boolean planned, Integer score) {
        jdbc.sql("insert into interaction (lead_id, type, occurred_at, planned, user_id, logged_by_id, outcome_score,"
                        + " lead_status, created_at, updated_at, version) values (:lead, :type, :at, :planned, :user,"
                        + " :user, :score, 'NEW', :at, :at, 0)")
                .param("lead", lead.value()).param("type", type)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("planned", planned)
                .param("user", user.value()).param("score", score).update();
    }

    /** The user's rollup rows that count something ("day type held scored score_sum"). */
    private List<String> rollup(UserId user) {
        return data.interactionDay(user);
    }

    /** The rollup's rows of the user equal its one statement over the rows (the definition, not a copy of it). */
    private void assertMatchesDefinition(UserId user) {
        List<String> fromRows = jdbc.sql("select utc_day, type, held, scored, score_sum from ("
                        + InteractionDay.ROLLUP.statement(InteractionDay.ROLLUP.allRows())
                        + ") c where c.user_id = :user order by utc_day, type")
                .param("user", user.value())
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4)
                        + " " + rs.getLong(5))
                .list();
        assertThat(rollup(user)).isEqualTo(fromRows);
    }
}
