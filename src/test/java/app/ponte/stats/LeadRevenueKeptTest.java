package app.ponte.stats;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.dataimport.ImportKind;
import app.ponte.dataimport.ImportProgress;
import app.ponte.dataimport.ImportResult;
import app.ponte.dataimport.ImportService;
import app.ponte.handoff.HandoffId;
import app.ponte.handoff.HandoffService;
import app.ponte.handoff.NewHandoff;
import app.ponte.lead.LeadHistoryService;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.StatusMove;
import app.ponte.purchase.NewPurchase;
import app.ponte.purchase.Purchase;
import app.ponte.purchase.PurchaseId;
import app.ponte.purchase.PurchaseService;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserId;
import app.ponte.security.UserSummary;
import app.ponte.stats.query.StatsQuery;
import app.ponte.stats.rollup.HandoffDay;
import app.ponte.stats.rollup.HandoffRecipientDay;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * No trigger writes across a feature boundary any more (decision 048): lead.revenue (the sum of a lead's purchases)
 * is kept by the lead feature from the purchase feature's write path — a purchase recorded, imported (one call and
 * a CSV file), deleted; eight writers of one lead's purchases at once lose nothing; a purchase edited or moved with
 * plain SQL is counted by a recompute — and the handoff rollups read
 * whether a handoff's lead has reached WON from the lead (instead of handoff.lead_won): a lead won live after its
 * handoff, a CSV import of handoffs and then of the changes into WON. After each step the revenue is the sum of the
 * purchases and the handoff rollups' rows equal their statements, and the channels' revenue of 1963 (a year no other test writes) is the sum of the customers'
 * purchases.
 */
@PonteTest
@Tag("persistence")
class LeadRevenueKeptTest {

    private static final Instant JAN_1963 = Instant.parse("1963-01-10T09:00:00Z");

    @Autowired
    StatsFixture data;

    @Autowired
    TestUsers testUsers;

    @Autowired
    PurchaseService purchases;

    @Autowired
    LeadService leads;

    @Autowired
    LeadHistoryService leadHistory;

    @Autowired
    HandoffService handoffs;

    @Autowired
    ImportService imports;

    @Autowired
    StatsQuery query;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void every_purchase_writer_keeps_the_lead_revenue_and_the_channels_revenue() {
        UserSummary rep = testUsers.create("revenue", Role.SALES);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        LeadId a = customer(channel, rep.id(), 0);
        LeadId b = customer(channel, rep.id(), 1);
        assertThat(revenue(a)).isEqualTo("0.00");
        assertThat(channelRevenue(channel)).isEqualTo("2 0.00");

        signIn(rep);
        PurchaseId first = purchases.record(new NewPurchase(a, LocalDate.of(1963, 2, 1), new BigDecimal("100.50"), null));
        purchases.record(new NewPurchase(a, LocalDate.of(1963, 2, 2), new BigDecimal("20"), "A-2"));
        assertThat(revenue(a)).isEqualTo("120.50");
        // history: the purchase service's import, as the CSV import and the demo data call it
        data.purchase(b, "1963-03-01", "7.25");
        assertThat(revenue(b)).isEqualTo("7.25");
        assertThat(channelRevenue(channel)).isEqualTo("2 127.75");
        assertKept(a, b);

        purchases.delete(first, version(a, first));
        assertThat(revenue(a)).isEqualTo("20.00");
        assertThat(channelRevenue(channel)).isEqualTo("2 27.25");
        assertKept(a, b);

        // no service edits a purchase or moves it to another lead: plain SQL, counted by a recompute
        jdbc.sql("update purchase set amount = 30, lead_id = :b where lead_id = :a").param("a", a.value())
                .param("b", b.value()).update();
        assertThat(revenue(a)).isEqualTo("20.00");
        SystemCaller.run(purchases::recomputeRevenues);
        assertThat(revenue(a)).isEqualTo("0.00");
        assertThat(revenue(b)).isEqualTo("37.25");
        assertThat(channelRevenue(channel)).isEqualTo("2 37.25");
        assertKept(a, b);
    }

    @Test
    void eight_writers_of_one_lead_s_purchases_lose_nothing() throws Exception {
        UserSummary rep = testUsers.create("revenue", Role.SALES);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");
        LeadId lead = customer(channel, rep.id(), 0);
        int writers = 8;
        int each = 3;
        parallel(writers, writer -> {
            for (int i = 0; i < each; i++) {
                purchases.record(new NewPurchase(lead, LocalDate.of(1963, 4, 1 + i),
                        new BigDecimal(writer + 1 + "." + (10 + i)), null));
            }
        }, rep);
        // each writer w: (w + 1).10 + (w + 1).11 + (w + 1).12 = 3 (w + 1) + 0.33; w = 0..7: 3 · 36 + 8 · 0.33
        assertThat(revenue(lead)).isEqualTo("110.64");
        assertThat(channelRevenue(channel)).isEqualTo("1 110.64");
        assertKept(lead);
    }

    @Test
    void a_handoff_counts_as_won_once_its_lead_is_won_live_or_by_import() {
        UserSummary marketer = testUsers.create("revenue", Role.MARKETING);
        UserSummary rep = testUsers.create("revenue", Role.SALES);
        String channel = data.channel(StatsFixture.prefix(), "ONLINE");

        // live: handed off, accepted, moved into WON by its new owner
        Instant created = Instant.now().minus(Duration.ofDays(2));
        LeadId live = data.lead(channel, created, marketer.id());
        data.move(live, LeadStatus.MQL, created.plusSeconds(60), marketer.id());
        signIn(marketer);
        HandoffId sent = handoffs.handOff(new NewHandoff(live, rep.id(), null));
        signIn(rep);
        handoffs.accept(sent, handoffs.get(sent).orElseThrow().version());
        leads.move(live, new StatusMove(LeadStatus.OPPORTUNITY, null, new BigDecimal("1000"), leadVersion(live)));
        assertThat(won(marketer)).isZero();
        leads.move(live, StatusMove.to(LeadStatus.WON, leadVersion(live)));
        assertThat(won(marketer)).isEqualTo(1);
        assertKept(marketer, rep);

        // a CSV import: the lead, its handoff, then its changes into WON (one batch); a handoff of a lead already won
        String p = StatsFixture.prefix().toLowerCase(Locale.ROOT);
        signInAdmin();
        assertImported(ImportKind.LEADS, "external_id,created_at,created_by,owner,name,channel\n"
                + p + "-1,1963-05-01T09:00:00Z," + marketer.username() + "," + marketer.username() + ",Lead 1," + channel + "\n"
                + p + "-2,1963-05-01T09:00:00Z," + marketer.username() + "," + marketer.username() + ",Lead 2," + channel + "\n");
        assertImported(ImportKind.STATUS_CHANGES, "lead,changed_at,to_status,changed_by,lost_reason\n"
                + p + "-1,1963-05-02T09:00:00Z,MQL," + marketer.username() + ",\n"
                + p + "-2,1963-05-02T09:00:00Z,MQL," + marketer.username() + ",\n"
                + p + "-2,1963-05-03T09:00:00Z,SQL," + rep.username() + ",\n"
                + p + "-2,1963-05-04T09:00:00Z,OPPORTUNITY," + rep.username() + ",\n"
                + p + "-2,1963-05-05T09:00:00Z,WON," + rep.username() + ",\n");
        String handoffHeader = "lead,created_at,from_user,to_user,decision,decided_at,reason_code,note\n";
        assertImported(ImportKind.HANDOFFS, handoffHeader
                + p + "-1,1963-05-02T10:00:00Z," + marketer.username() + "," + rep.username() + ",ACCEPTED,1963-05-03T09:00:00Z,,\n"
                + p + "-2,1963-05-02T10:00:00Z," + marketer.username() + "," + rep.username() + ",ACCEPTED,1963-05-03T09:00:00Z,,\n");
        assertThat(won(marketer)).isEqualTo(2);
        assertKept(marketer, rep);
        assertImported(ImportKind.STATUS_CHANGES, "lead,changed_at,to_status,changed_by,lost_reason\n"
                + p + "-1,1963-05-03T09:00:00Z,SQL," + rep.username() + ",\n"
                + p + "-1,1963-05-04T09:00:00Z,OPPORTUNITY," + rep.username() + ",\n"
                + p + "-1,1963-05-06T09:00:00Z,WON," + rep.username() + ",\n");
        assertThat(won(marketer)).isEqualTo(3);
        assertKept(marketer, rep);

        // and purchases by CSV: the customers' revenue
        assertImported(ImportKind.PURCHASES, "lead,purchased_on,amount,order_ref\n"
                + p + "-1,1963-06-01,10.10,\n" + p + "-2,1963-06-01,5,\n" + p + "-2,1963-06-02,0.05,\n");
        LeadId one = leadHistory.idsByExternalId(List.of(p + "-1")).get(p + "-1");
        LeadId two = leadHistory.idsByExternalId(List.of(p + "-2")).get(p + "-2");
        assertThat(revenue(one)).isEqualTo("10.10");
        assertThat(revenue(two)).isEqualTo("5.05");
        assertThat(channelRevenue(channel)).isEqualTo("2 15.15");
        assertKept(one, two);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A lead of 1963 that became a customer (WON) on its {@code day}-th day after 1963-01-10. */
    private LeadId customer(String channel, UserId rep, int day) {
        Instant created = JAN_1963.plus(Duration.ofDays(day));
        LeadId lead = data.lead(channel, created, rep);
        data.win(lead, created.plus(Duration.ofDays(5)), rep);
        return lead;
    }

    /** The lead's revenue column. */
    private String revenue(LeadId lead) {
        return jdbc.sql("select revenue from lead where id = :id").param("id", lead.value())
                .query((rs, n) -> rs.getBigDecimal(1).setScale(2).toPlainString()).single();
    }

    /** Each lead's revenue is the sum of its purchases. */
    private void assertKept(LeadId... leads) {
        for (LeadId lead : leads) {
            String sum = jdbc.sql("select coalesce(sum(amount), 0) from purchase where lead_id = :id")
                    .param("id", lead.value()).query((rs, n) -> rs.getBigDecimal(1).setScale(2).toPlainString())
                    .single();
            assertThat(revenue(lead)).as("revenue of lead " + lead.value()).isEqualTo(sum);
        }
    }

    /** The channel's customers of 1963 (UTC) and their revenue: "customers revenue". */
    private String channelRevenue(String channel) {
        ChannelFigures figures = query.channels(Instant.parse("1963-01-01T00:00:00Z"),
                        Instant.parse("1964-01-01T00:00:00Z"), LocalDate.of(1963, 1, 1), LocalDate.of(1963, 12, 31))
                .stream().filter(c -> c.channel().equals(channel)).findFirst().orElseThrow();
        return figures.customers() + " " + figures.revenue().toPlainString();
    }

    /** The marketer's handoffs whose lead is won, over handoff_day's rows. */
    private long won(UserSummary marketer) {
        return jdbc.sql("select coalesce(sum(won), 0) from handoff_day where from_user_id = :id")
                .param("id", marketer.id().value()).query(Long.class).single();
    }

    /** The handoff rollups' rows of these people equal their statements over the handoffs and leads. */
    private void assertKept(UserSummary marketer, UserSummary rep) {
        assertThat(data.rollupRows(HandoffDay.ROLLUP, "from_user_id", marketer.id()))
                .isEqualTo(data.definitionRows(HandoffDay.ROLLUP, "from_user_id", marketer.id()));
        assertThat(data.rollupRows(HandoffRecipientDay.ROLLUP, "to_user_id", rep.id()))
                .isEqualTo(data.definitionRows(HandoffRecipientDay.ROLLUP, "to_user_id", rep.id()));
    }

    private long version(LeadId lead, PurchaseId id) {
        return purchases.forLead(lead).stream().filter(p -> p.id().equals(id)).map(Purchase::version).findFirst()
                .orElseThrow();
    }

    private long leadVersion(LeadId lead) {
        return leads.get(lead).orElseThrow().version();
    }

    private void assertImported(ImportKind kind, String csv) {
        ImportResult result = imports.importCsv(kind, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                Locale.ENGLISH, ImportProgress.NONE);
        assertThat(result.problems()).as(kind + " import").isEmpty();
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

    private static void signIn(UserSummary user) {
        ParallelWriters.signIn(user);
    }

    private static void signInAdmin() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "revenue-admin", null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
    }
}
