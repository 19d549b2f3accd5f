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
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusChangesWritten;
import app.ponte.lead.StatusMove;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserId;
import app.ponte.security.UserSummary;
import app.ponte.stats.rollup.Rollup;
import app.ponte.stats.rollup.StageIntervalChannelDay;
import app.ponte.stats.rollup.StageIntervalDay;
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
 * stage_interval_day and stage_interval_channel_day (the stage durations' histograms) are kept by the statistics
 * feature, without triggers, and lead_status_change.lead_channel_code by the lead feature (decision 046): from the
 * lead write path inside its transaction — history, live moves, an edit into another channel (the lead's changes
 * and their intervals follow it), an import batch (one event per batch), eight writers moving leads of one key at
 * once — and by a rebuild after writers that bypass the services. Each test has channels of its own; the rollups'
 * rows of those channels, and of the test's days for all channels, are compared with the definitions' statements
 * over all the changes ({@link StatsFixture#rollupRows} / {@link StatsFixture#definitionRows}). Its history lives
 * in 1984, where no other test writes; every lead of it ends LOST, so none is an open lead that StatsServiceTest's
 * stalled leads (June 1985) would count. Buckets (V22): [0, 60), [60, 69), [69, 79), ..., [91, 105), ...,
 * [184, 212), ..., [3481, 4003).
 */
@PonteTest
@Tag("persistence")
class StageIntervalKeptTest {

    /** 1984-03-01 00:00 UTC is day 5,173 (epoch seconds 446,947,200 / 86,400). */
    private static final Instant DAY_5173 = Instant.parse("1984-03-01T00:00:00Z");
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
    void history_counts_each_closed_interval_in_its_leads_creation_day_and_channel() {
        UserId rep = testUsers.create("stage", Role.SALES).id();
        String codes = StatsFixture.prefix();
        String a = data.channel(codes + "_A", "ONLINE");
        String b = data.channel(codes + "_B", "ONLINE");
        // x: NEW 100 (bucket 4), MQL 200 (bucket 9), SQL 3600 (bucket 30); y on the same UTC day's last second:
        // NEW 101 (bucket 4), MQL 59 (bucket 0); z in B on the next day: NEW 30 (bucket 0), MQL 70 (bucket 2)
        LeadId x = history(a, DAY_5173.plusSeconds(10 * 3_600), rep, LeadStatus.MQL, 100, LeadStatus.SQL, 200,
                LeadStatus.LOST, 3_600);
        LeadId y = history(a, DAY_5173.plusSeconds(DAY - 1), rep, LeadStatus.MQL, 101, LeadStatus.LOST, 59);
        LeadId z = history(b, DAY_5173.plusSeconds(DAY), rep, LeadStatus.MQL, 30, LeadStatus.LOST, 70);

        // key and values: day, status left, bucket, intervals, total seconds
        assertThat(data.rollupRows(StageIntervalChannelDay.ROLLUP, "channel_code", a)).containsExactly(
                "5173 MQL 0 1 59", "5173 MQL 9 1 200", "5173 NEW 4 2 201", "5173 SQL 30 1 3600");
        assertThat(data.rollupRows(StageIntervalChannelDay.ROLLUP, "channel_code", b)).containsExactly(
                "5174 MQL 2 1 70", "5174 NEW 0 1 30");
        assertThat(data.rollupRows(StageIntervalDay.ROLLUP, "utc_day", 5173L)).containsExactly(
                "MQL 0 1 59", "MQL 9 1 200", "NEW 4 2 201", "SQL 30 1 3600");
        assertThat(channelsOf(x, y, z)).containsExactly(a + " 5", b + " 2");
        assertMatchesDefinition(List.of(a, b), 5173L, 5174L);
    }

    @Test
    void live_moves_and_an_edit_into_another_channel_move_the_leads_intervals() {
        UserSummary manager = testUsers.create("stage", Role.MANAGER, Role.SALES, Role.MARKETING);
        String codes = StatsFixture.prefix();
        String first = data.channel(codes + "_A", "ONLINE");
        String second = data.channel(codes + "_B", "OFFLINE");
        signIn(manager);
        LeadId lead = leads.create(new NewLead("Lead " + TestUsers.uniqueName("stage"), null, null, null, first, null,
                null, null));
        long today = day(leads.get(lead).orElseThrow().createdAt());
        leads.move(lead, StatusMove.to(LeadStatus.MQL, version(lead)));
        assertThat(statuses(first)).containsExactly("NEW 1");
        assertMatchesDefinition(List.of(first, second), today);

        // an edit into the other channel: its change follows, and its interval leaves the first channel's key
        LeadDetails details = leads.get(lead).orElseThrow();
        leads.update(lead, new LeadChanges(details.name(), null, null, null, second, null, null, null,
                details.version()));
        assertThat(statuses(first)).isEmpty();
        assertThat(statuses(second)).containsExactly("NEW 1");
        assertThat(channelsOf(lead)).containsExactly(second + " 1");
        // an edit of the name alone moves nothing; a later move counts in the new channel
        leads.update(lead, new LeadChanges("Renamed", null, null, null, second, null, null, null, version(lead)));
        assertThat(statuses(second)).containsExactly("NEW 1");
        leads.move(lead, new StatusMove(LeadStatus.LOST, "no budget", null, version(lead)));
        assertThat(statuses(second)).containsExactly("MQL 1", "NEW 1");
        assertThat(channelsOf(lead)).containsExactly(second + " 2");
        assertMatchesDefinition(List.of(first, second), today);
    }

    @Test
    void an_import_counts_its_changes_with_one_event_per_batch() {
        UserSummary marketer = testUsers.create("stage", Role.MARKETING);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        String ext = StatsFixture.prefix().toLowerCase(Locale.ROOT);
        String by = marketer.username();
        signIn("stage-admin", Role.ADMIN, Role.MANAGER);
        List<StatusChangesWritten> published = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof StatusChangesWritten w) {
                published.add(w);
            }
        };
        // day 5,182 (1984-03-10): one NEW 120 (bucket 5), MQL 3600 (bucket 30), SQL 60 (bucket 1);
        // two NEW 180 (bucket 8), MQL 60 (bucket 1)
        imported(ImportKind.LEADS, "external_id,created_at,created_by,owner,name,channel,value\n"
                + ext + "-1,1984-03-10T08:00:00Z," + by + "," + by + ",One," + channel + ",\n"
                + ext + "-2,1984-03-10T09:00:00Z," + by + "," + by + ",Two," + channel + ",\n");
        context.addApplicationListener(listener);
        try {
            imported(ImportKind.STATUS_CHANGES, "lead,changed_at,to_status,changed_by,lost_reason\n"
                    + ext + "-1,1984-03-10T08:02:00Z,MQL," + by + ",\n"
                    + ext + "-2,1984-03-10T09:03:00Z,MQL," + by + ",\n"
                    + ext + "-1,1984-03-10T09:02:00Z,SQL," + by + ",\n"
                    + ext + "-2,1984-03-10T09:04:00Z,LOST," + by + ",no budget\n"
                    + ext + "-1,1984-03-10T09:03:00Z,LOST," + by + ",no budget\n");
        } finally {
            context.removeApplicationListener(listener);
        }
        // one event for the batch, with the five changes' keys
        assertThat(published).extracting(e -> e.keys().size()).containsExactly(5);
        assertThat(data.rollupRows(StageIntervalChannelDay.ROLLUP, "channel_code", channel)).containsExactly(
                "5182 MQL 1 1 60", "5182 MQL 30 1 3600", "5182 NEW 5 1 120", "5182 NEW 8 1 180", "5182 SQL 1 1 60");
        assertMatchesDefinition(List.of(channel), 5182L);
    }

    @Test
    void eight_parallel_writers_of_one_key_lose_no_count() throws Exception {
        UserSummary manager = testUsers.create("stage", Role.MANAGER, Role.SALES, Role.MARKETING);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        int writers = 8;
        int each = 5;
        signIn(manager);
        List<List<LeadId>> created = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            List<LeadId> mine = new ArrayList<>();
            for (int n = 0; n < each; n++) {
                mine.add(leads.create(new NewLead("Lead " + TestUsers.uniqueName("stage"), null, null, null, channel,
                        null, null, null)));
            }
            created.add(mine);
        }
        long today = day(leads.get(created.getFirst().getFirst()).orElseThrow().createdAt());
        SecurityContextHolder.clearContext();
        // each writer moves its five to MQL at once: every interval is NEW of today's leads in this channel, and
        // within a minute of their creation one key (bucket 0)
        ParallelWriters.run(manager, writers, w -> {
            for (LeadId lead : created.get(w)) {
                leads.move(lead, StatusMove.to(LeadStatus.MQL, version(lead)));
            }
            return null;
        });
        assertThat(jdbc.sql("select coalesce(sum(intervals), 0) from stage_interval_channel_day where channel_code = :c"
                        + " and from_status = 'NEW'").param("c", channel).query(Long.class).single())
                .isEqualTo(writers * each);
        assertMatchesDefinition(List.of(channel), today);
    }

    @Test
    void a_rebuild_after_plain_sql_inserts_makes_the_rollups_equal_their_definitions() {
        UserId rep = testUsers.create("stage", Role.SALES).id();
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        // a writer that bypasses the services (benchmark generator, SQL fixture): nothing counts these rows, and
        // nothing gives the changes their lead's channel; on day 5,192 (1984-03-20)
        Instant created = DAY_5173.plusSeconds(19 * DAY + 3_600);
        long lead = insertLead(rep, channel, created);
        insertChange(lead, rep, "NEW", "MQL", created, 45);
        insertChange(lead, rep, "MQL", "LOST", created.plusSeconds(45), 70);
        assertThat(data.rollupRows(StageIntervalChannelDay.ROLLUP, "channel_code", channel)).isEmpty();
        assertThat(data.rollupRows(StageIntervalDay.ROLLUP, "utc_day", 5192L)).isEmpty();
        assertThat(SystemCaller.call(rollups::differences).get("stage_interval_day")).isPositive();

        StatsRollups.Rebuilt rebuilt = SystemCaller.call(rollups::rebuild);

        assertThat(rebuilt.rows().get("stage_interval_day")).isPositive();
        assertThat(rebuilt.rows().get("stage_interval_channel_day")).isPositive();
        assertThat(data.rollupRows(StageIntervalChannelDay.ROLLUP, "channel_code", channel)).containsExactly(
                "5192 MQL 2 1 70", "5192 NEW 0 1 45");
        assertThat(jdbc.sql("select count(*) from lead_status_change where lead_id = :id and lead_channel_code = :c")
                .param("id", lead).param("c", channel).query(Long.class).single()).isEqualTo(2);
        assertMatchesDefinition(List.of(channel), 5192L);
        assertThat(SystemCaller.call(rollups::differences)).containsEntry("stage_interval_day", 0L)
                .containsEntry("stage_interval_channel_day", 0L);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A lead of {@code channel} created at {@code created} from history, then moved to each status after the seconds. */
    private LeadId history(String channel, Instant created, UserId by, Object... steps) {
        LeadId lead = data.lead(channel, created, by);
        Instant at = created;
        for (int i = 0; i < steps.length; i += 2) {
            at = at.plusSeconds(((Number) steps[i + 1]).longValue());
            data.move(lead, (LeadStatus) steps[i], at, by);
        }
        return lead;
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
        return Math.floorDiv(at.getEpochSecond(), DAY);
    }

    /** The channel's intervals per status left, all days and buckets: "status intervals". */
    private List<String> statuses(String channel) {
        return jdbc.sql("select from_status, sum(intervals) from stage_interval_channel_day where channel_code = :c"
                        + " group by from_status having sum(intervals) <> 0 order by from_status")
                .param("c", channel)
                .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2))
                .list();
    }

    /** The leads' changes per their lead_channel_code: "channel changes". */
    private List<String> channelsOf(LeadId... ofLeads) {
        return jdbc.sql("select lead_channel_code, count(*) from lead_status_change where lead_id in (:ids)"
                        + " group by lead_channel_code order by lead_channel_code")
                .param("ids", java.util.Arrays.stream(ofLeads).map(LeadId::value).toList())
                .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2))
                .list();
    }

    /**
     * The channel rollup's rows of these channels, and the all-channels rollup's rows of these days, equal their
     * one statement over all the changes (the definition, not a copy).
     */
    private void assertMatchesDefinition(List<String> channels, long... days) {
        for (String channel : channels) {
            assertMatches(StageIntervalChannelDay.ROLLUP, "channel_code", channel);
        }
        for (long day : days) {
            assertMatches(StageIntervalDay.ROLLUP, "utc_day", day);
        }
    }

    private void assertMatches(Rollup rollup, String column, Object value) {
        assertThat(data.rollupRows(rollup, column, value)).as(rollup.table() + " " + value)
                .isEqualTo(data.definitionRows(rollup, column, value));
    }

    private long insertLead(UserId by, String channel, Instant at) {
        OffsetDateTime utc = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        String name = TestUsers.uniqueName("plain");
        jdbc.sql("insert into lead (name, channel_code, status, max_status_rank, lost_from, owner_id, created_by_id,"
                        + " created_at, status_changed_at, updated_at, version, at_risk, last_activity_at)"
                        + " values (:name, :channel, 'LOST', 1, 'MQL', :by, :by, :at, :at, :at, 0, false, :at)")
                .param("name", name).param("channel", channel).param("by", by.value()).param("at", utc).update();
        return jdbc.sql("select id from lead where name = :name").param("name", name).query(Long.class).single();
    }

    /** A change by plain SQL, without lead_channel_code, {@code seconds} after {@code from}'s start. */
    private void insertChange(long lead, UserId by, String from, String to, Instant fromStart, long seconds) {
        Instant created = jdbc.sql("select created_at from lead where id = :id").param("id", lead)
                .query(OffsetDateTime.class).single().toInstant();
        jdbc.sql("insert into lead_status_change (lead_id, from_status, to_status, changed_at, changed_by_id,"
                        + " reason, from_duration_seconds, lead_created_at)"
                        + " values (:lead, :from, :to, :at, :by, :reason, :seconds, :created)")
                .param("lead", lead).param("from", from).param("to", to)
                .param("at", OffsetDateTime.ofInstant(fromStart.plusSeconds(seconds), ZoneOffset.UTC))
                .param("by", by.value()).param("reason", "LOST".equals(to) ? "lost" : null)
                .param("seconds", seconds).param("created", OffsetDateTime.ofInstant(created, ZoneOffset.UTC))
                .update();
    }

    private static void signIn(UserSummary user) {
        ParallelWriters.signIn(user);
    }

    private static void signIn(String username, Role... roles) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
    }
}
