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
import app.ponte.stats.rollup.CustomerBlock;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
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
 * customer_block (customers per block of 16 UTC days of creation, channel and duration bucket of the time to
 * customer) is kept by the statistics feature, without triggers (decision 047): from the lead write path inside
 * its transaction — history moves into WON (also on a bucket's and a block's edge), live moves into WON, an edit
 * of a won lead into another channel, an import batch (one event per batch), eight writers winning leads of one
 * key at once — and by a rebuild after writers that bypass the services. Each test has channels of its own, so
 * the rollup's rows of a channel ({@link StatsFixture#rollupRows}) are compared with the definition's statement
 * over all leads ({@link StatsFixture#definitionRows}). Its history lives in 1966, where no other test writes
 * leads, and every lead written there ends WON or LOST: an open lead last active before June 1985 would count
 * among StatsServiceTest's stalled leads.
 */
@PonteTest
@Tag("persistence")
class CustomerBlockKeptTest {

    /** 1966-03-11 00:00 UTC starts block -87 (epoch seconds -120,268,800 = -87 × 1,382,400). */
    private static final Instant BLOCK_87 = Instant.parse("1966-03-11T00:00:00Z");
    private static final long DAY = 86_400;
    private static final BigDecimal VALUE = new BigDecimal("1000.00");

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
    void history_wins_count_under_the_block_of_creation_and_the_bucket_of_the_time_to_customer() {
        UserId rep = testUsers.create("customer", Role.SALES).id();
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        // a and b: the last microsecond of block -88 and the first of block -87
        LeadId a = data.lead(channel, BLOCK_87.minusNanos(1_000), rep);
        LeadId b = data.lead(channel, BLOCK_87, rep);
        LeadId c = data.lead(channel, BLOCK_87.plusSeconds(DAY), rep);
        LeadId lost = data.lead(channel, BLOCK_87.plusSeconds(DAY), rep);
        assertThat(customers(channel)).isEmpty();

        // a: exactly 2 days; b: on the lower edge of bucket 16 [491, 565) s; c: a microsecond below that edge
        data.win(a, BLOCK_87.minusNanos(1_000).plusSeconds(2 * DAY), rep);
        assertThat(customers(channel)).containsExactly("-88 1 172800000000");
        upToOpportunity(b, BLOCK_87, rep);
        data.move(b, LeadStatus.WON, BLOCK_87.plusSeconds(491), rep);
        upToOpportunity(c, BLOCK_87.plusSeconds(DAY), rep);
        data.move(c, LeadStatus.WON, BLOCK_87.plusSeconds(DAY + 491).minusNanos(1_000), rep);
        // a move below WON and a loss count nowhere
        data.move(lost, LeadStatus.MQL, BLOCK_87.plusSeconds(2 * DAY), rep);
        data.move(lost, LeadStatus.LOST, BLOCK_87.plusSeconds(3 * DAY), rep);

        assertThat(rows(channel)).contains("-87 16 1 491000000", "-87 15 1 490999999");
        assertThat(customers(channel)).containsExactly("-88 1 172800000000", "-87 2 981999999");
        assertMatchesDefinition(channel);
    }

    @Test
    void live_moves_into_won_and_an_edit_into_another_channel_move_customers() {
        UserSummary manager = testUsers.create("customer", Role.MANAGER, Role.SALES, Role.MARKETING);
        String codes = StatsFixture.prefix();
        String first = data.channel(codes + "_A", "ONLINE");
        String second = data.channel(codes + "_B", "OFFLINE");
        LeadId old = data.lead(first, BLOCK_87.plusSeconds(3 * DAY), manager.id(), manager.id(), VALUE);
        upToOpportunity(old, BLOCK_87.plusSeconds(3 * DAY), manager.id());
        signIn(manager);

        // a live creation and a move below WON count nowhere
        LeadId lead = leads.create(new NewLead("Lead " + TestUsers.uniqueName("customer"), null, null, null, first,
                null, null, null));
        leads.move(lead, StatusMove.to(LeadStatus.MQL, version(lead)));
        assertThat(customers(first)).isEmpty();

        // won today, created in 1966: one customer of block -87, some sixty years after its creation
        leads.move(old, StatusMove.to(LeadStatus.WON, version(old)));
        assertThat(customers(first)).hasSize(1).first().asString().startsWith("-87 1 ");
        assertMatchesDefinition(first);

        // an edit into the other channel moves the customer; an edit of its name alone moves nothing
        List<String> won = data.rollupRows(CustomerBlock.ROLLUP, "channel_code", first);
        LeadDetails details = leads.get(old).orElseThrow();
        leads.update(old, new LeadChanges("Moved", null, null, null, second, null, VALUE, null, details.version()));
        assertThat(customers(first)).isEmpty();
        assertThat(data.rollupRows(CustomerBlock.ROLLUP, "channel_code", second)).isEqualTo(won);
        leads.update(old, new LeadChanges("Renamed", null, null, null, second, null, VALUE, null, version(old)));
        assertThat(data.rollupRows(CustomerBlock.ROLLUP, "channel_code", second)).isEqualTo(won);
        assertMatchesDefinition(first, second);
        // the live lead, still open, is last active today: no stalled lead of 1985
    }

    @Test
    void an_import_counts_its_customers_with_one_event_per_batch() {
        UserSummary marketer = testUsers.create("customer", Role.MARKETING);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        String ext = StatsFixture.prefix().toLowerCase(Locale.ROOT);
        String by = marketer.username();
        signIn("customer-admin", Role.ADMIN, Role.MANAGER);
        List<LeadsWritten> published = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof LeadsWritten w) {
                published.add(w);
            }
        };
        context.addApplicationListener(listener);
        try {
            imported(ImportKind.LEADS, "external_id,created_at,created_by,owner,name,channel,value\n"
                    + ext + "-1,1966-03-12T08:00:00Z," + by + "," + by + ",One," + channel + ",\n"
                    + ext + "-2,1966-03-12T09:00:00Z," + by + "," + by + ",Two," + channel + ",\n"
                    + ext + "-3,1966-03-13T00:00:00Z," + by + "," + by + ",Three," + channel + ",\n");
            assertThat(customers(channel)).isEmpty();
            // one won after 2 days, one after 1 day, one lost
            imported(ImportKind.STATUS_CHANGES, "lead,changed_at,to_status,changed_by,lost_reason\n"
                    + ext + "-1,1966-03-13T08:00:00Z,MQL," + by + ",\n"
                    + ext + "-2,1966-03-12T10:00:00Z,MQL," + by + ",\n"
                    + ext + "-2,1966-03-12T11:00:00Z,SQL," + by + ",\n"
                    + ext + "-2,1966-03-12T12:00:00Z,OPPORTUNITY," + by + ",\n"
                    + ext + "-2,1966-03-13T09:00:00Z,WON," + by + ",\n"
                    + ext + "-3,1966-03-14T09:00:00Z,LOST," + by + ",no budget\n"
                    + ext + "-1,1966-03-13T10:00:00Z,SQL," + by + ",\n"
                    + ext + "-1,1966-03-13T11:00:00Z,OPPORTUNITY," + by + ",\n"
                    + ext + "-1,1966-03-14T08:00:00Z,WON," + by + ",\n");
        } finally {
            context.removeApplicationListener(listener);
        }
        // one event per batch: three leads, then three leads moved (each from its first key to its last)
        assertThat(published).extracting(e -> e.changes().size()).containsExactly(3, 3);
        assertThat(published.getLast().changes()).filteredOn(c -> c.after().toCustomerSeconds() != null)
                .extracting(c -> c.after().toCustomerSeconds()).containsExactlyInAnyOrder(172_800.0, 86_400.0);
        assertThat(customers(channel)).containsExactly("-87 2 259200000000");
        assertMatchesDefinition(channel);
    }

    @Test
    void eight_parallel_writers_of_one_key_lose_no_count() throws Exception {
        UserSummary manager = testUsers.create("customer", Role.MANAGER, Role.SALES, Role.MARKETING);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        int writers = 8;
        int each = 5;
        // 41 leads created at one instant of 1966 and brought to OPPORTUNITY from history; won today, each some
        // sixty years after its creation, seconds apart: one key (block -87, channel, the same bucket)
        Instant createdAt = BLOCK_87.plusSeconds(7 * DAY);
        List<List<LeadId>> opportunities = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            List<LeadId> mine = new ArrayList<>();
            for (int n = 0; n < each; n++) {
                mine.add(opportunity(channel, createdAt, manager.id()));
            }
            opportunities.add(mine);
        }
        // the rollups still kept by triggers (stage intervals) have keys shared by every move here, and H2's
        // trigger merge races on a new key: one move first makes them
        LeadId first = opportunity(channel, createdAt, manager.id());
        signIn(manager);
        leads.move(first, StatusMove.to(LeadStatus.WON, version(first)));
        SecurityContextHolder.clearContext();

        ParallelWriters.run(manager, writers, w -> {
            for (LeadId lead : opportunities.get(w)) {
                leads.move(lead, StatusMove.to(LeadStatus.WON, version(lead)));
            }
            return null;
        });
        assertThat(data.rollupRows(CustomerBlock.ROLLUP, "channel_code", channel)).hasSize(1).first().asString()
                .startsWith("-87 ").contains(" " + (writers * each + 1) + " ");
        assertMatchesDefinition(channel);
    }

    @Test
    void a_rebuild_after_plain_sql_inserts_makes_the_rollup_equal_its_definition() {
        UserId rep = testUsers.create("customer", Role.SALES).id();
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        // a writer that bypasses the services (benchmark generator, SQL fixture): nothing counts these rows
        insertCustomer(rep, channel, BLOCK_87.plusSeconds(8 * DAY), BLOCK_87.plusSeconds(9 * DAY));
        insertCustomer(rep, channel, BLOCK_87.plusSeconds(8 * DAY + 60), BLOCK_87.plusSeconds(8 * DAY + 3_660));
        insertCustomer(rep, channel, BLOCK_87.plusSeconds(16 * DAY), BLOCK_87.plusSeconds(17 * DAY));
        assertThat(customers(channel)).isEmpty();
        assertThat(SystemCaller.call(rollups::differences).get("customer_block")).isPositive();

        StatsRollups.Rebuilt rebuilt = SystemCaller.call(rollups::rebuild);

        assertThat(rebuilt.rows().get("customer_block")).isPositive();
        assertThat(customers(channel)).containsExactly("-87 2 90000000000", "-86 1 86400000000");
        assertMatchesDefinition(channel);
        assertThat(SystemCaller.call(rollups::differences)).containsEntry("customer_block", 0L);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A lead of 1966 brought to OPPORTUNITY from history (with a value), ready to be won live. */
    private LeadId opportunity(String channel, Instant createdAt, UserId by) {
        LeadId lead = data.lead(channel, createdAt, by, by, VALUE);
        upToOpportunity(lead, createdAt, by);
        return lead;
    }

    /** Moves a lead created at {@code createdAt} NEW → MQL → SQL → OPPORTUNITY from history, a minute apart. */
    private void upToOpportunity(LeadId lead, Instant createdAt, UserId by) {
        data.move(lead, LeadStatus.MQL, createdAt.plusSeconds(60), by);
        data.move(lead, LeadStatus.SQL, createdAt.plusSeconds(120), by);
        data.move(lead, LeadStatus.OPPORTUNITY, createdAt.plusSeconds(180), by);
    }

    private void imported(ImportKind kind, String csv) {
        ImportResult result = imports.importCsv(kind, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                Locale.ENGLISH, ImportProgress.NONE);
        assertThat(result.problems()).as(kind.code()).isEmpty();
    }

    private long version(LeadId lead) {
        return leads.get(lead).orElseThrow().version();
    }

    private void insertCustomer(UserId by, String channel, Instant createdAt, Instant wonAt) {
        jdbc.sql("insert into lead (name, channel_code, status, max_status_rank, owner_id, created_by_id, created_at,"
                        + " status_changed_at, first_won_at, updated_at, version, at_risk, last_activity_at)"
                        + " values (:name, :channel, 'WON', 4, :by, :by, :at, :won, :won, :won, 0, false, :won)")
                .param("name", TestUsers.uniqueName("plain")).param("channel", channel).param("by", by.value())
                .param("at", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .param("won", OffsetDateTime.ofInstant(wonAt, ZoneOffset.UTC)).update();
    }

    private static void signIn(UserSummary user) {
        ParallelWriters.signIn(user);
    }

    private static void signIn(String username, Role... roles) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
    }

    /** The channel's stored rows that count something: "block bucket customers total_micros". */
    private List<String> rows(String channel) {
        return data.rollupRows(CustomerBlock.ROLLUP, "channel_code", channel);
    }

    /** The channel's stored customers per block, all buckets: "block customers total_micros". */
    private List<String> customers(String channel) {
        return jdbc.sql("select block, sum(customers), sum(total_micros) from customer_block where channel_code = :c"
                        + " group by block having sum(customers) <> 0 order by block")
                .param("c", channel)
                .query((rs, n) -> rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3))
                .list();
    }

    /** The rollup's rows of these channels equal its one statement over all the leads (the definition, not a copy). */
    private void assertMatchesDefinition(String... channels) {
        for (String channel : channels) {
            assertThat(rows(channel)).as(channel)
                    .isEqualTo(data.definitionRows(CustomerBlock.ROLLUP, "channel_code", channel));
        }
    }
}
