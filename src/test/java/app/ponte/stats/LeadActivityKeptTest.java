package app.ponte.stats;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.dataimport.ImportKind;
import app.ponte.dataimport.ImportProgress;
import app.ponte.dataimport.ImportResult;
import app.ponte.dataimport.ImportService;
import app.ponte.interaction.InteractionChanges;
import app.ponte.interaction.InteractionEntry;
import app.ponte.interaction.InteractionId;
import app.ponte.interaction.InteractionService;
import app.ponte.interaction.InteractionType;
import app.ponte.interaction.NewInteraction;
import app.ponte.lead.LeadActivityWritten;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusMove;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserId;
import app.ponte.security.UserSummary;
import app.ponte.stats.rollup.LeadActivityDay;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * lead_activity_day (open leads per status and UTC day of their last activity) is kept by the statistics
 * feature, without triggers (decision 039): from the lead write path inside its transaction — leads created
 * (from history, live, imported), moved, closed, their last activity moved by an interaction logged, edited or
 * imported, an import batch (one event per batch), moves and interaction logs of the same leads in parallel —
 * and by a rebuild after writers that bypass the services. The rollup has no person: each test keeps to days
 * of 1998 of its own (no other test writes 1998), and live writes land on today, whose rows are compared
 * with the definition as a whole.
 */
@PonteTest
@Tag("persistence")
class LeadActivityKeptTest {

    /** 1998-03-01 00:00 UTC is day 10,286 (epoch seconds 888,710,400 / 86,400). */
    private static final Instant DAY_10286 = Instant.parse("1998-03-01T00:00:00Z");
    private static final long DAY = 86_400;

    @Autowired
    StatsFixture data;

    @Autowired
    TestUsers testUsers;

    @Autowired
    LeadService leads;

    @Autowired
    InteractionService interactions;

    @Autowired
    ImportService imports;

    @Autowired
    StatsRollups rollups;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void history_moves_an_interaction_and_a_loss_move_leads_among_the_open_leads() {
        UserId rep = testUsers.create("activity", Role.SALES).id();
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        LeadId a = data.lead(channel, DAY_10286.plusSeconds(8 * 3_600), rep);
        LeadId b = data.lead(channel, DAY_10286.plusSeconds(9 * 3_600), rep);
        LeadId c = data.lead(channel, DAY_10286.plusSeconds(DAY), rep);
        assertThat(activity(10_286, 10_295)).containsExactly("NEW 10286 2", "NEW 10287 1");

        data.move(a, LeadStatus.MQL, DAY_10286.plusSeconds(2 * DAY + 3_600), rep);
        assertThat(activity(10_286, 10_295)).containsExactly("MQL 10288 1", "NEW 10286 1", "NEW 10287 1");
        // b's call on day 10,289 is its last activity now
        data.interaction(b, rep, InteractionType.CALL, DAY_10286.plusSeconds(3 * DAY + 60), 3);
        assertThat(activity(10_286, 10_295)).containsExactly("MQL 10288 1", "NEW 10287 1", "NEW 10289 1");
        // a closed lead is not open any more
        data.move(c, LeadStatus.LOST, DAY_10286.plusSeconds(4 * DAY), rep);
        assertThat(activity(10_286, 10_295)).containsExactly("MQL 10288 1", "NEW 10289 1");
        assertMatchesDefinition(10_286, 10_295);
    }

    @Test
    void a_logged_call_its_edit_and_a_move_move_a_lead_and_a_created_lead_counts_today() {
        UserSummary manager = testUsers.create("activity", Role.MANAGER, Role.SALES, Role.MARKETING);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        LeadId lead = data.lead(channel, DAY_10286.plusSeconds(10 * DAY), manager.id());
        assertThat(activity(10_296, 10_305)).containsExactly("NEW 10296 1");
        signIn(manager);

        // a call now: the lead is last active today
        InteractionId call = interactions.log(new NewInteraction(lead, InteractionType.CALL, null, false, null, null,
                4, null, null));
        assertThat(activity(10_296, 10_305)).isEmpty();
        assertThat(lastActivity(lead)).isEqualTo(today());
        assertMatchesDefinition(today(), today());

        // the call corrected to day 10,297: that is the lead's last activity again
        InteractionEntry entry = interactions.forLead(lead).stream().filter(e -> e.id().equals(call)).findFirst()
                .orElseThrow();
        interactions.edit(call, new InteractionChanges(InteractionType.CALL, DAY_10286.plusSeconds(11 * DAY + 600),
                false, null, 4, null, null, entry.version()));
        assertThat(activity(10_296, 10_305)).containsExactly("NEW 10297 1");
        assertMatchesDefinition(today(), today());

        // a move today
        leads.move(lead, StatusMove.to(LeadStatus.MQL, version(lead)));
        assertThat(activity(10_296, 10_305)).isEmpty();
        assertThat(lastActivity(lead)).isEqualTo(today());
        leads.create(new NewLead("Lead " + TestUsers.uniqueName("activity"), null, null, null, channel, null, null,
                null));
        assertMatchesDefinition(today(), today());
    }

    @Test
    void an_import_moves_its_leads_with_one_event_per_batch() {
        UserSummary marketer = testUsers.create("activity", Role.MARKETING);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        String ext = StatsFixture.prefix().toLowerCase(Locale.ROOT);
        String by = marketer.username();
        signIn("activity-admin", Role.ADMIN, Role.MANAGER);
        List<LeadActivityWritten> published = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof LeadActivityWritten written) {
                published.add(written);
            }
        };
        context.addApplicationListener(listener);
        try {
            // days 10,306 and 10,307; one moved twice (to SQL on 10,308), one lost, one called on 10,309
            imported(ImportKind.LEADS, "external_id,created_at,created_by,owner,name,channel,value\n"
                    + ext + "-1,1998-03-21T08:00:00Z," + by + "," + by + ",One," + channel + ",\n"
                    + ext + "-2,1998-03-21T09:00:00Z," + by + "," + by + ",Two," + channel + ",\n"
                    + ext + "-3,1998-03-22T00:00:00Z," + by + "," + by + ",Three," + channel + ",\n");
            assertThat(activity(10_306, 10_315)).containsExactly("NEW 10306 2", "NEW 10307 1");
            imported(ImportKind.STATUS_CHANGES, "lead,changed_at,to_status,changed_by,lost_reason\n"
                    + ext + "-1,1998-03-22T10:00:00Z,MQL," + by + ",\n"
                    + ext + "-3,1998-03-23T09:00:00Z,LOST," + by + ",no budget\n"
                    + ext + "-1,1998-03-23T10:00:00Z,SQL," + by + ",\n");
            imported(ImportKind.INTERACTIONS, "lead,occurred_at,type,username,outcome_score\n"
                    + ext + "-2,1998-03-24T15:00:00Z,CALL," + by + ",4\n");
        } finally {
            context.removeApplicationListener(listener);
        }
        // one event per kind: three leads, two leads moved (the first from its first key to its last), one called
        assertThat(published).extracting(e -> e.changes().size()).containsExactly(3, 2, 1);
        assertThat(activity(10_306, 10_315)).containsExactly("NEW 10309 1", "SQL 10308 1");
        assertMatchesDefinition(10_306, 10_315);
    }

    @Test
    void moves_and_interaction_logs_of_the_same_leads_in_parallel_lose_no_count() throws Exception {
        UserSummary manager = testUsers.create("activity", Role.MANAGER, Role.SALES, Role.MARKETING);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        int writers = 8;
        int each = 5;
        // 20 leads on one key (NEW, day 10,316); writer 2k moves five of them to MQL while writer 2k + 1 logs a
        // call on the same five: every lead leaves that key, into (MQL, today), through two transactions at once
        List<LeadId> mine = new ArrayList<>();
        for (int n = 0; n <= writers / 2 * each; n++) {
            mine.add(data.lead(channel, DAY_10286.plusSeconds(30 * DAY + 60 + n), manager.id()));
        }
        // the rollups still kept by triggers (stage intervals) have keys shared by every move here, and
        // H2's trigger merge races on a new key: one move first makes them, so only lead_activity_day is raced on
        signIn(manager);
        LeadId first = mine.removeLast();
        leads.move(first, StatusMove.to(LeadStatus.MQL, version(first)));
        SecurityContextHolder.clearContext();
        assertThat(activity(10_316, 10_325)).containsExactly("NEW 10316 20");

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                List<LeadId> theirs = mine.subList(writer / 2 * each, (writer / 2 + 1) * each);
                done.add(pool.submit(() -> {
                    signIn(manager);
                    try {
                        start.await();
                        for (LeadId lead : theirs) {
                            if (writer % 2 == 0) {
                                leads.move(lead, StatusMove.to(LeadStatus.MQL, version(lead)));
                            } else {
                                interactions.log(new NewInteraction(lead, InteractionType.CALL, null, false, null,
                                        null, 3, null, null));
                            }
                        }
                        return null;
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(180, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(activity(10_316, 10_325)).isEmpty();
        assertMatchesDefinition(today(), today());
        // and no move put back a lead's outcome summary that a call wrote in between (the lead row is locked)
        assertThat(jdbc.sql("select count(*) from lead where id in (:ids) and status = 'MQL'"
                        + " and last_interaction_at is not null")
                .param("ids", mine.stream().map(LeadId::value).toList()).query(Long.class).single())
                .isEqualTo(mine.size());
    }

    @Test
    void a_rebuild_after_plain_sql_inserts_makes_the_rollup_equal_its_definition() {
        UserId rep = testUsers.create("activity", Role.SALES).id();
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        // a writer that bypasses the services (benchmark generator, SQL fixture): nothing counts these rows
        insertLead(rep, channel, "NEW", DAY_10286.plusSeconds(40 * DAY + 60));
        insertLead(rep, channel, "SQL", DAY_10286.plusSeconds(41 * DAY + 60));
        insertLead(rep, channel, "WON", DAY_10286.plusSeconds(41 * DAY + 60));
        assertThat(activity(10_326, 10_335)).isEmpty();
        assertThat(SystemCaller.call(rollups::differences).get("lead_activity_day")).isPositive();

        StatsRollups.Rebuilt rebuilt = SystemCaller.call(rollups::rebuild);

        assertThat(rebuilt.rows().get("lead_activity_day")).isPositive();
        assertThat(activity(10_326, 10_335)).containsExactly("NEW 10326 1", "SQL 10327 1");
        assertMatchesDefinition(10_326, 10_335);
        assertThat(SystemCaller.call(rollups::differences)).containsEntry("lead_activity_day", 0L);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void imported(ImportKind kind, String csv) {
        ImportResult result = imports.importCsv(kind, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                Locale.ENGLISH, ImportProgress.NONE);
        assertThat(result.problems()).as(kind.code()).isEmpty();
    }

    private long version(LeadId lead) {
        return leads.get(lead).orElseThrow().version();
    }

    private static long today() {
        return Math.floorDiv(Instant.now().getEpochSecond(), DAY);
    }

    private long lastActivity(LeadId lead) {
        OffsetDateTime at = jdbc.sql("select last_activity_at from lead where id = :id").param("id", lead.value())
                .query(OffsetDateTime.class).single();
        return Math.floorDiv(at.toEpochSecond(), DAY);
    }

    private void insertLead(UserId by, String channel, String status, Instant at) {
        OffsetDateTime utc = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.sql("insert into lead (name, channel_code, status, max_status_rank, owner_id, created_by_id, created_at,"
                        + " status_changed_at, updated_at, version, at_risk, last_activity_at)"
                        + " values (:name, :channel, :status, 0, :by, :by, :at, :at, :at, 0, false, :at)")
                .param("name", TestUsers.uniqueName("plain")).param("channel", channel).param("status", status)
                .param("by", by.value()).param("at", utc).update();
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

    /** The rollup's rows that count something on days {@code first}..{@code last}: "status day leads". */
    private List<String> activity(long first, long last) {
        return jdbc.sql("select status, utc_day, leads from lead_activity_day where utc_day between :a and :b"
                        + " and leads <> 0 order by status, utc_day")
                .param("a", first).param("b", last)
                .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3))
                .list();
    }

    /** The rollup's rows on those days equal its one statement over the rows (the definition, not a copy of it). */
    private void assertMatchesDefinition(long first, long last) {
        List<String> fromRows = jdbc.sql("select status, utc_day, leads from ("
                        + LeadActivityDay.ROLLUP.statement(LeadActivityDay.ROLLUP.allRows())
                        + ") c where utc_day between :a and :b order by status, utc_day")
                .param("a", first).param("b", last)
                .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3))
                .list();
        assertThat(activity(first, last)).isEqualTo(fromRows);
    }
}
