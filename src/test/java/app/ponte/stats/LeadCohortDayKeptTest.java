package app.ponte.stats;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.dataimport.ImportKind;
import app.ponte.dataimport.ImportProgress;
import app.ponte.dataimport.ImportResult;
import app.ponte.dataimport.ImportService;
import app.ponte.lead.LeadChanges;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.LeadsWritten;
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusMove;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserId;
import app.ponte.security.UserSummary;
import app.ponte.stats.rollup.LeadCohortDay;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * lead_cohort_day (leads per UTC creation day, channel, highest status reached and lost-from while LOST) is kept
 * by the statistics feature, without triggers (decision 044): from the lead write path inside its transaction —
 * leads created (from history and live), moved up, lost, reopened, edited into another channel, an import batch
 * (one event per batch), eight writers creating and moving leads of one key at once — and by a rebuild after
 * writers that bypass the services. Each test has channels of its own, so the rollup's rows of those channels are
 * compared with the definition's statement over all leads, filtered to them. Its history lives in 2023, where no
 * other test writes leads: not in a year before 1985, whose open leads StatsServiceTest's stalled leads (June 1985)
 * would count (a first version used 1964, and broke it).
 */
@PonteTest
@Tag("persistence")
class LeadCohortDayKeptTest {

    /** 2023-03-02 00:00 UTC is day 19,418 (epoch seconds 1,677,715,200 / 86,400). */
    private static final Instant DAY_19418 = Instant.parse("2023-03-02T00:00:00Z");
    private static final long DAY = 86_400;

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
    ConfigurableApplicationContext context;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void history_moves_up_a_loss_and_a_reopening_move_leads_in_their_cohort() {
        UserId rep = testUsers.create("cohort", Role.SALES).id();
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        LeadId a = data.lead(channel, DAY_19418.plusSeconds(8 * 3_600), rep);
        LeadId b = data.lead(channel, DAY_19418.plusSeconds(DAY - 1), rep);
        LeadId c = data.lead(channel, DAY_19418.plusSeconds(DAY), rep);
        // key: day, channel, highest status reached (NEW = 0 .. WON = 4), lost-from while LOST ('-' for '')
        assertThat(cohort(channel)).containsExactly("19418 0 - 2", "19419 0 - 1");

        data.move(a, LeadStatus.MQL, DAY_19418.plusSeconds(2 * DAY), rep);
        data.move(a, LeadStatus.SQL, DAY_19418.plusSeconds(2 * DAY + 60), rep);
        data.win(c, DAY_19418.plusSeconds(3 * DAY), rep);
        assertThat(cohort(channel)).containsExactly("19418 0 - 1", "19418 2 - 1", "19419 4 - 1");

        // lost: a from SQL (still reached SQL), b from NEW
        data.move(a, LeadStatus.LOST, DAY_19418.plusSeconds(4 * DAY), rep);
        data.move(b, LeadStatus.LOST, DAY_19418.plusSeconds(4 * DAY), rep);
        assertThat(cohort(channel)).containsExactly("19418 0 NEW 1", "19418 2 SQL 1", "19419 4 - 1");

        // a reopened (LOST → NEW): not lost any more, still reached SQL; moving it up again to SQL changes nothing
        data.move(a, LeadStatus.NEW, DAY_19418.plusSeconds(5 * DAY), rep);
        assertThat(cohort(channel)).containsExactly("19418 0 NEW 1", "19418 2 - 1", "19419 4 - 1");
        data.move(a, LeadStatus.MQL, DAY_19418.plusSeconds(6 * DAY), rep);
        assertThat(cohort(channel)).containsExactly("19418 0 NEW 1", "19418 2 - 1", "19419 4 - 1");
        assertMatchesDefinition(channel);
    }

    @Test
    void live_creation_moves_a_loss_a_reopening_and_an_edit_into_another_channel() {
        UserSummary manager = testUsers.create("cohort", Role.MANAGER, Role.SALES, Role.MARKETING);
        String codes = StatsFixture.prefix();
        String first = data.channel(codes + "_A", "ONLINE");
        String second = data.channel(codes + "_B", "OFFLINE");
        LeadId old = data.lead(first, DAY_19418.plusSeconds(10 * DAY + 60), manager.id());
        signIn(manager);

        LeadId lead = leads.create(new NewLead("Lead " + TestUsers.uniqueName("cohort"), null, null, null, first, null,
                null, null));
        long today = day(leads.get(lead).orElseThrow().createdAt());
        assertThat(cohort(first)).containsExactly("19428 0 - 1", today + " 0 - 1");

        leads.move(lead, StatusMove.to(LeadStatus.MQL, version(lead)));
        leads.move(old, new StatusMove(LeadStatus.LOST, "no budget", null, version(old)));
        assertThat(cohort(first)).containsExactly("19428 0 NEW 1", today + " 1 - 1");
        leads.move(old, StatusMove.to(LeadStatus.NEW, version(old)));
        assertThat(cohort(first)).containsExactly("19428 0 - 1", today + " 1 - 1");

        // an edit into the other channel moves the lead; an edit of its name alone moves nothing
        LeadDetails details = leads.get(lead).orElseThrow();
        leads.update(lead, new LeadChanges("Moved", null, null, null, second, null, null, null, details.version()));
        assertThat(cohort(first)).containsExactly("19428 0 - 1");
        assertThat(cohort(second)).containsExactly(today + " 1 - 1");
        leads.update(lead, new LeadChanges("Renamed", null, null, null, second, null, null, null, version(lead)));
        assertThat(cohort(second)).containsExactly(today + " 1 - 1");
        assertMatchesDefinition(first, second);
    }

    @Test
    void an_import_moves_its_leads_with_one_event_per_batch() {
        UserSummary marketer = testUsers.create("cohort", Role.MARKETING);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        String ext = StatsFixture.prefix().toLowerCase(Locale.ROOT);
        String by = marketer.username();
        signIn("cohort-admin", Role.ADMIN, Role.MANAGER);
        List<LeadsWritten> published = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof LeadsWritten w) {
                published.add(w);
            }
        };
        context.addApplicationListener(listener);
        try {
            // days 19,438 and 19,439; one moved twice (to SQL), one lost from NEW, one left alone
            imported(ImportKind.LEADS, "external_id,created_at,created_by,owner,name,channel,value\n"
                    + ext + "-1,2023-03-22T08:00:00Z," + by + "," + by + ",One," + channel + ",\n"
                    + ext + "-2,2023-03-22T09:00:00Z," + by + "," + by + ",Two," + channel + ",\n"
                    + ext + "-3,2023-03-23T00:00:00Z," + by + "," + by + ",Three," + channel + ",\n");
            assertThat(cohort(channel)).containsExactly("19438 0 - 2", "19439 0 - 1");
            imported(ImportKind.STATUS_CHANGES, "lead,changed_at,to_status,changed_by,lost_reason\n"
                    + ext + "-1,2023-03-23T10:00:00Z,MQL," + by + ",\n"
                    + ext + "-3,2023-03-24T09:00:00Z,LOST," + by + ",no budget\n"
                    + ext + "-1,2023-03-24T10:00:00Z,SQL," + by + ",\n");
        } finally {
            context.removeApplicationListener(listener);
        }
        // one event per batch: three leads, then two leads moved (the first from its first key to its last)
        assertThat(published).extracting(e -> e.changes().size()).containsExactly(3, 2);
        assertThat(cohort(channel)).containsExactly("19438 0 - 1", "19438 2 - 1", "19439 0 NEW 1");
        assertMatchesDefinition(channel);
    }

    @Test
    void eight_parallel_writers_of_one_key_lose_no_count() throws Exception {
        UserSummary manager = testUsers.create("cohort", Role.MANAGER, Role.SALES, Role.MARKETING);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        int writers = 8;
        int each = 5;
        // first: eight writers create five leads each at once, all on one new key (today, channel, NEW, '')
        List<List<LeadId>> created = ParallelWriters.run(manager, writers, w -> {
            List<LeadId> mine = new ArrayList<>();
            for (int n = 0; n < each; n++) {
                mine.add(leads.create(new NewLead("Lead " + TestUsers.uniqueName("cohort"), null, null, null, channel,
                        null, null, null)));
            }
            return mine;
        });
        assertThat(sum(channel, 0)).isEqualTo(writers * each);
        assertMatchesDefinition(channel);

        // then each moves its five to MQL at once: all leave that key for (today, channel, MQL, ''). The rollups
        // still kept by triggers (stage intervals) have keys shared by every move here, and H2's trigger merge
        // races on a new key: one move first makes them
        signIn(manager);
        LeadId first = leads.create(new NewLead("Lead " + TestUsers.uniqueName("cohort"), null, null, null, channel,
                null, null, null));
        leads.move(first, StatusMove.to(LeadStatus.MQL, version(first)));
        SecurityContextHolder.clearContext();
        ParallelWriters.run(manager, writers, w -> {
            for (LeadId lead : created.get(w)) {
                leads.move(lead, StatusMove.to(LeadStatus.MQL, version(lead)));
            }
            return null;
        });
        assertThat(sum(channel, 0)).isZero();
        assertThat(sum(channel, 1)).isEqualTo(writers * each + 1);
        assertMatchesDefinition(channel);
    }

    @Test
    void a_rebuild_after_plain_sql_inserts_makes_the_rollup_equal_its_definition() {
        UserId rep = testUsers.create("cohort", Role.SALES).id();
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        // a writer that bypasses the services (benchmark generator, SQL fixture): nothing counts these rows
        insertLead(rep, channel, "NEW", 0, null, DAY_19418.plusSeconds(40 * DAY + 60));
        insertLead(rep, channel, "SQL", 2, null, DAY_19418.plusSeconds(41 * DAY + 60));
        insertLead(rep, channel, "LOST", 1, "MQL", DAY_19418.plusSeconds(41 * DAY + 120));
        assertThat(cohort(channel)).isEmpty();
        assertThat(SystemCaller.call(rollups::differences).get("lead_cohort_day")).isPositive();

        StatsRollups.Rebuilt rebuilt = SystemCaller.call(rollups::rebuild);

        assertThat(rebuilt.rows().get("lead_cohort_day")).isPositive();
        assertThat(cohort(channel)).containsExactly("19458 0 - 1", "19459 1 MQL 1", "19459 2 - 1");
        assertMatchesDefinition(channel);
        assertThat(SystemCaller.call(rollups::differences)).containsEntry("lead_cohort_day", 0L);
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

    private static long day(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), DAY);
    }

    private void insertLead(UserId by, String channel, String status, int rank, String lostFrom, Instant at) {
        OffsetDateTime utc = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.sql("insert into lead (name, channel_code, status, max_status_rank, lost_from, owner_id, created_by_id,"
                        + " created_at, status_changed_at, updated_at, version, at_risk, last_activity_at)"
                        + " values (:name, :channel, :status, :rank, :lost, :by, :by, :at, :at, :at, 0, false, :at)")
                .param("name", TestUsers.uniqueName("plain")).param("channel", channel).param("status", status)
                .param("rank", rank).param("lost", lostFrom).param("by", by.value()).param("at", utc).update();
    }

    private static void signIn(UserSummary user) {
        ParallelWriters.signIn(user);
    }

    private static void signIn(String username, Role... roles) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
    }

    /** The leads of the channel's stored rows with this highest status's rank, all days. */
    private long sum(String channel, int rank) {
        return jdbc.sql("select coalesce(sum(leads), 0) from lead_cohort_day where channel_code = :c"
                        + " and max_status_rank = :r")
                .param("c", channel).param("r", rank).query(Long.class).single();
    }

    /** The rollup's rows of one channel that count something: "day rank lost-from leads" ('-' for ''). */
    private List<String> cohort(String channel) {
        return jdbc.sql("select utc_day, max_status_rank, lost_from, leads from lead_cohort_day"
                        + " where channel_code = :c and leads <> 0 order by utc_day, max_status_rank, lost_from")
                .param("c", channel)
                .query((rs, n) -> line(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** The rollup's rows of these channels equal its one statement over all the leads (the definition, not a copy). */
    private void assertMatchesDefinition(String... channels) {
        for (String channel : channels) {
            List<String> fromRows = jdbc.sql("select utc_day, max_status_rank, lost_from, leads from ("
                            + LeadCohortDay.ROLLUP.statement(LeadCohortDay.ROLLUP.allRows())
                            + ") c where channel_code = :c order by utc_day, max_status_rank, lost_from")
                    .param("c", channel)
                    .query((rs, n) -> line(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4)))
                    .list();
            assertThat(cohort(channel)).as(channel).isEqualTo(fromRows);
        }
    }

    private static String line(long day, int rank, String lostFrom, long leads) {
        return day + " " + rank + " " + (lostFrom.isEmpty() ? "-" : lostFrom) + " " + leads;
    }
}
