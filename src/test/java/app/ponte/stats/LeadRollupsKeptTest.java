package app.ponte.stats;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.dataimport.ImportKind;
import app.ponte.dataimport.ImportProgress;
import app.ponte.dataimport.ImportResult;
import app.ponte.dataimport.ImportService;
import app.ponte.lead.LeadActivityWritten;
import app.ponte.lead.LeadChanges;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.LeadsWritten;
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusChangesWritten;
import app.ponte.lead.StatusMove;
import app.ponte.lead.WebLead;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserId;
import app.ponte.security.UserSummary;
import app.ponte.stats.rollup.LeadDay;
import app.ponte.stats.rollup.StatusChangeDay;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * lead_day and status_change_day (with its won value) are kept by the statistics feature, without
 * triggers (decision 036): from the lead write path inside its transaction — a lead created (live, by a
 * web form, imported), edited into another channel, a move, a decided handoff, an edited value of a won
 * lead, an import batch (one event per batch), parallel writers of one key — and by a rebuild after
 * writers that bypass the services. After each step the test user's rollup rows equal the rollup's own
 * statement over the rows. Live writes happen now, so their keys are today's UTC day, read back from the
 * lead.
 */
@PonteTest
@Tag("persistence")
class LeadRollupsKeptTest {

    /**
     * 1987-06-01 00:00 UTC is day 6,360 (epoch seconds 549,504,000 / 86,400). No other test writes 1987,
     * and it is after StatsServiceTest's stalled leads (June 1985), which count every open lead before.
     */
    private static final Instant DAY_6360 = Instant.parse("1987-06-01T00:00:00Z");

    @Autowired
    StatsFixture data;

    @Autowired
    TestUsers testUsers;

    @Autowired
    LeadService leads;

    @Autowired
    ImportService imports;

    @Autowired
    StatsRollups rollups;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ConfigurableApplicationContext context;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_created_lead_counts_on_its_day_and_an_edit_into_another_channel_moves_it() {
        UserSummary marketer = testUsers.create("kept", Role.MARKETING);
        String codes = StatsFixture.prefix();
        String first = data.channel(codes + "_A", "ONLINE");
        String second = data.channel(codes + "_B", "OFFLINE");
        signIn(marketer);
        LeadId moved = leads.create(newLead(first));
        leads.create(newLead(first));
        LeadDetails lead = leads.get(moved).orElseThrow();
        long day = day(lead.createdAt());
        assertThat(leadDay(marketer.id())).containsExactly(day + " " + first + " 2");

        leads.update(moved, new LeadChanges(lead.name(), "Another company", lead.email(), lead.phone(), second,
                lead.intent(), lead.expectedValue(), null, lead.version()));
        assertThat(leadDay(marketer.id())).containsExactly(day + " " + first + " 1", day + " " + second + " 1");
        assertMatchesDefinition(marketer.id());

        // an edit that keeps the channel moves nothing
        LeadDetails again = leads.get(moved).orElseThrow();
        leads.update(moved, new LeadChanges("Renamed", again.company(), again.email(), again.phone(), second,
                again.intent(), again.expectedValue(), null, again.version()));
        assertThat(leadDay(marketer.id())).containsExactly(day + " " + first + " 1", day + " " + second + " 1");
    }

    @Test
    void a_lead_from_a_web_form_counts_under_its_owner() {
        UserSummary marketer = testUsers.create("kept", Role.MARKETING);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        signIn(marketer);
        LeadId id = leads.intake(new WebLead("Form lead", null, TestUsers.uniqueName("form") + "@example.com", null,
                channel, null), marketer.id(), Duration.ofMinutes(5)).id();
        long day = day(leads.get(id).orElseThrow().createdAt());
        assertThat(leadDay(marketer.id())).containsExactly(day + " " + channel + " 1");
        assertMatchesDefinition(marketer.id());
    }

    @Test
    void moves_and_a_decided_handoff_count_and_a_won_lead_s_new_value_moves_its_won_value() {
        UserSummary manager = testUsers.create("kept", Role.MANAGER, Role.SALES, Role.MARKETING);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        signIn(manager);
        LeadId id = leads.create(new NewLead("Won lead", null, null, null, channel, null, new BigDecimal("1000.00"),
                null));
        LeadId other = leads.create(newLead(channel));
        leads.move(other, StatusMove.to(LeadStatus.MQL, version(other)));
        leads.move(id, StatusMove.to(LeadStatus.MQL, version(id)));
        leads.acceptedByHandoff(id, manager.id());
        leads.move(id, StatusMove.to(LeadStatus.OPPORTUNITY, version(id)));
        leads.move(id, StatusMove.to(LeadStatus.WON, version(id)));
        long day = day(leads.get(id).orElseThrow().statusChangedAt());
        assertThat(statusChangeDay(manager.id())).containsExactly(day + " MQL SQL 1 0.00", day + " NEW MQL 2 0.00",
                day + " OPPORTUNITY WON 1 1000.00", day + " SQL OPPORTUNITY 1 0.00");

        LeadDetails won = leads.get(id).orElseThrow();
        leads.update(id, new LeadChanges(won.name(), won.company(), won.email(), won.phone(), won.channelCode(),
                won.intent(), new BigDecimal("2500.50"), null, won.version()));
        assertThat(statusChangeDay(manager.id())).contains(day + " OPPORTUNITY WON 1 2500.50");
        assertMatchesDefinition(manager.id());
    }

    @Test
    void an_import_counts_its_leads_and_changes_with_one_event_per_batch() {
        UserSummary marketer = testUsers.create("kept", Role.MARKETING);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        String ext = StatsFixture.prefix().toLowerCase(Locale.ROOT);
        signIn("kept-admin", Role.ADMIN, Role.MANAGER);
        String by = marketer.username();
        List<Object> published = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && (payload.getPayload() instanceof LeadsWritten
                    || payload.getPayload() instanceof StatusChangesWritten)) {
                published.add(payload.getPayload());
            }
        };
        context.addApplicationListener(listener);
        try {
            // two leads on day 6,360 and one on 6,361; four moves on 6,360 and one on 6,361
            imported(ImportKind.LEADS, "external_id,created_at,created_by,owner,name,channel,value\n"
                    + ext + "-1,1987-06-01T08:00:00Z," + by + "," + by + ",One," + channel + ",\n"
                    + ext + "-2,1987-06-01T08:30:00Z," + by + "," + by + ",Two," + channel + ",700.00\n"
                    + ext + "-3,1987-06-02T00:00:00Z," + by + "," + by + ",Three," + channel + ",\n");
            imported(ImportKind.STATUS_CHANGES, "lead,changed_at,to_status,changed_by,lost_reason\n"
                    + ext + "-1,1987-06-01T09:00:00Z,MQL," + by + ",\n"
                    + ext + "-2,1987-06-01T10:00:00Z,MQL," + by + ",\n"
                    + ext + "-1,1987-06-01T11:00:00Z,LOST," + by + ",no budget\n"
                    + ext + "-2,1987-06-01T12:00:00Z,SQL," + by + ",\n"
                    + ext + "-3,1987-06-02T09:00:00Z,MQL," + by + ",\n");
        } finally {
            context.removeApplicationListener(listener);
        }
        // one event per kind and batch: the leads; then the changes' leads moved in their cohort (decision 044)
        // and the changes
        assertThat(published).hasSize(3);
        assertThat(((LeadsWritten) published.get(0)).changes()).hasSize(3);
        assertThat(((LeadsWritten) published.get(1)).changes()).hasSize(3);
        assertThat(((StatusChangesWritten) published.get(2)).keys()).hasSize(5);
        assertThat(leadDay(marketer.id())).containsExactly("6360 " + channel + " 2", "6361 " + channel + " 1");
        assertThat(statusChangeDay(marketer.id())).containsExactly("6360 MQL LOST 1 0.00", "6360 MQL SQL 1 0.00",
                "6360 NEW MQL 2 0.00", "6361 NEW MQL 1 0.00");
        assertMatchesDefinition(marketer.id());
    }

    @Test
    void a_deleted_lead_leaves_its_key() {
        UserId marketer = testUsers.create("kept", Role.MARKETING).id();
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        data.lead(channel, DAY_6360.plusSeconds(60), marketer);
        LeadId gone = data.lead(channel, DAY_6360.plusSeconds(120), marketer);
        assertThat(leadDay(marketer)).containsExactly("6360 " + channel + " 2");

        // no screen deletes leads; a writer that does publishes the old key in its transaction
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from lead where id = :id").param("id", gone.value()).update();
            events.publishEvent(LeadsWritten.deleted(LeadsWritten.Key.created(DAY_6360.plusSeconds(120), marketer,
                    channel)));
            // and its key among the open leads (decision 039), or lead_activity_day would keep counting it
            events.publishEvent(LeadActivityWritten.deleted(new LeadActivityWritten.Key(LeadStatus.NEW,
                    DAY_6360.plusSeconds(120))));
        });
        assertThat(leadDay(marketer)).containsExactly("6360 " + channel + " 1");
        assertMatchesDefinition(marketer);
    }

    @Test
    void eight_parallel_writers_of_one_key_lose_no_count() throws Exception {
        UserSummary marketer = testUsers.create("kept", Role.MARKETING);
        UserSummary colleague = testUsers.create("kept", Role.MARKETING);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        int writers = 8;
        int each = 5;
        // the rollups still kept by triggers (stage intervals; the cohort and activity ones until V41 and V39) have keys shared by every
        // writer here: a colleague's lead and move make them first, so only the keys under test are new
        signIn(colleague);
        leads.create(newLead(channel));
        List<LeadId> toMove = new ArrayList<>();
        for (int n = 0; n <= writers * each; n++) {
            toMove.add(data.lead(channel, DAY_6360.plusSeconds(60), colleague.id()));
        }
        LeadId first = toMove.removeLast();
        leads.move(first, StatusMove.to(LeadStatus.MQL, version(first)));

        // one key of lead_day: the same creator, channel and (today's) UTC day; the first writes all find it missing
        List<List<LeadId>> created = parallel(marketer, writers, writer -> {
            List<LeadId> mine = new ArrayList<>();
            for (int n = 0; n < each; n++) {
                mine.add(leads.create(newLead(channel)));
            }
            return mine;
        });
        signIn(marketer);
        long day = day(leads.get(created.getFirst().getFirst()).orElseThrow().createdAt());
        assertThat(leadDay(marketer.id())).containsExactly(day + " " + channel + " 40");

        // one key of status_change_day: the same person, day and move, each writer moving its own leads
        parallel(marketer, writers, writer -> {
            for (LeadId lead : toMove.subList(writer * each, (writer + 1) * each)) {
                leads.move(lead, StatusMove.to(LeadStatus.MQL, version(lead)));
            }
            return List.of();
        });
        long movedOn = day(leads.get(toMove.getFirst()).orElseThrow().statusChangedAt());
        assertThat(statusChangeDay(marketer.id())).containsExactly(movedOn + " NEW MQL 40 0.00");
        assertMatchesDefinition(marketer.id());
    }

    @Test
    void a_rebuild_after_plain_sql_inserts_makes_the_rollups_equal_their_definition() {
        UserId marketer = testUsers.create("kept", Role.MARKETING).id();
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        // a writer that bypasses the services (benchmark generator, SQL fixture): nothing counts these rows
        long lead = insertLead(marketer, channel, DAY_6360.plusSeconds(86_399), new BigDecimal("300.00"));
        insertLead(marketer, channel, DAY_6360.plusSeconds(86_400), null);
        insertChange(lead, marketer, "NEW", "MQL", DAY_6360.plusSeconds(90_000));
        insertChange(lead, marketer, "MQL", "SQL", DAY_6360.plusSeconds(90_060));
        insertChange(lead, marketer, "SQL", "OPPORTUNITY", DAY_6360.plusSeconds(90_120));
        insertChange(lead, marketer, "OPPORTUNITY", "WON", DAY_6360.plusSeconds(90_180));
        assertThat(leadDay(marketer)).isEmpty();
        assertThat(statusChangeDay(marketer)).isEmpty();
        assertThat(SystemCaller.call(rollups::differences).get("lead_day")).isPositive();
        assertThat(SystemCaller.call(rollups::differences).get("status_change_day")).isPositive();

        StatsRollups.Rebuilt rebuilt = SystemCaller.call(rollups::rebuild);

        assertThat(rebuilt.rows().get("lead_day")).isPositive();
        assertThat(rebuilt.rows().get("status_change_day")).isPositive();
        assertThat(leadDay(marketer)).containsExactly("6360 " + channel + " 1", "6361 " + channel + " 1");
        assertThat(statusChangeDay(marketer)).containsExactly("6361 MQL SQL 1 0.00", "6361 NEW MQL 1 0.00",
                "6361 OPPORTUNITY WON 1 300.00", "6361 SQL OPPORTUNITY 1 0.00");
        assertMatchesDefinition(marketer);
        assertThat(SystemCaller.call(rollups::differences)).containsEntry("lead_day", 0L)
                .containsEntry("status_change_day", 0L);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private interface Writer {
        List<LeadId> write(int writer) throws Exception;
    }

    /** Runs {@code writers} writers at once as {@code user}; returns what each wrote, by writer. */
    private List<List<LeadId>> parallel(UserSummary user, int writers, Writer work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<LeadId>>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    signIn(user);
                    try {
                        start.await();
                        return work.write(writer);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            start.countDown();
            List<List<LeadId>> results = new ArrayList<>();
            for (Future<List<LeadId>> f : done) {
                results.add(f.get(180, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void imported(ImportKind kind, String csv) {
        ImportResult result = imports.importCsv(kind, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                Locale.ENGLISH, ImportProgress.NONE);
        assertThat(result.problems()).as(kind.code()).isEmpty();
    }

    private long version(LeadId lead) {
        return leads.get(lead).orElseThrow().version();
    }

    private static long day(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 86_400);
    }

    private static NewLead newLead(String channel) {
        return new NewLead("Lead " + TestUsers.uniqueName("kept"), null, null, null, channel, null, null, null);
    }

    private long insertLead(UserId by, String channel, Instant at, BigDecimal value) {
        OffsetDateTime utc = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.sql("insert into lead (name, channel_code, status, max_status_rank, owner_id, created_by_id, created_at,"
                        + " status_changed_at, expected_value, updated_at, version, at_risk, last_activity_at)"
                        + " values (:name, :channel, 'NEW', 0, :by, :by, :at, :at, :value, :at, 0, false, :at)")
                .param("name", TestUsers.uniqueName("plain")).param("channel", channel).param("by", by.value())
                .param("at", utc).param("value", value).update();
        return jdbc.sql("select max(id) from lead where created_by_id = :by").param("by", by.value())
                .query(Long.class).single();
    }

    private void insertChange(long lead, UserId by, String from, String to, Instant at) {
        jdbc.sql("insert into lead_status_change (lead_id, from_status, to_status, changed_at, changed_by_id,"
                        + " from_duration_seconds, lead_created_at) select :lead, :from, :to, :at, :by, 60, l.created_at"
                        + " from lead l where l.id = :lead")
                .param("lead", lead).param("from", from).param("to", to)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("by", by.value()).update();
    }

    private static void signIn(UserSummary user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.username(), null, user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
    }

    private static void signIn(String username, Role... roles) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
    }

    /** The user's lead_day rows that count something ("day channel leads"). */
    private List<String> leadDay(UserId user) {
        return data.rollupRows(LeadDay.ROLLUP, "created_by_id", user);
    }

    /** The user's status_change_day rows that count something ("day from to changes won_value"). */
    private List<String> statusChangeDay(UserId user) {
        return data.rollupRows(StatusChangeDay.ROLLUP, "changed_by_id", user);
    }

    /** Both rollups' rows of the user equal their one statement over the rows (the definition, not a copy of it). */
    private void assertMatchesDefinition(UserId user) {
        assertThat(leadDay(user)).isEqualTo(data.definitionRows(LeadDay.ROLLUP, "created_by_id", user));
        assertThat(statusChangeDay(user)).isEqualTo(data.definitionRows(StatusChangeDay.ROLLUP, "changed_by_id", user));
    }
}
