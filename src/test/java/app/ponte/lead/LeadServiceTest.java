package app.ponte.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import java.math.BigDecimal;
import java.time.Instant;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The lead service enforces the lifecycle and each role's rights for every caller. */
@PonteTest
@Tag("persistence")
class LeadServiceTest {

    @Autowired
    LeadService leads;


    @Autowired

    LeadHistoryService leadHistory;

    @Autowired
    ChannelService channels;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    app.ponte.security.UserService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(UserSummary user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.username(), null, user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
    }

    private LeadId newLead(String name) {
        return leads.create(new NewLead(name, "Acme", null, null, "WEBSITE", Intent.TRANSACTIONAL, null, null));
    }

    private LeadDetails move(LeadId id, LeadStatus to) {
        return leads.move(id, StatusMove.to(to, leads.get(id).orElseThrow().version()));
    }

    @Test
    void a_marketer_creates_a_lead_they_own_and_it_starts_new() {
        UserSummary marketer = testUsers.create("mkt", Role.MARKETING);
        signIn(marketer);
        LeadId id = leads.create(new NewLead("  Anna Verdi ", "Verdi Srl", " Anna@Verdi.IT ", "+39 02 1234",
                "SEO", Intent.INFORMATIONAL, new BigDecimal("1500"), null));
        LeadDetails lead = leads.get(id).orElseThrow();
        assertThat(lead.name()).isEqualTo("Anna Verdi");
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.stage()).isEqualTo(BridgeStage.AWARENESS);
        assertThat(lead.owner().username()).isEqualTo(marketer.username());
        assertThat(lead.createdBy().username()).isEqualTo(marketer.username());
        assertThat(lead.expectedValue()).isEqualByComparingTo("1500.00");
        assertThat(leads.withEmail("anna@verdi.it ")).extracting(LeadSummary::id).contains(id);
    }

    @Test
    void bad_input_is_refused_with_the_field_and_nothing_is_stored() {
        signIn(testUsers.create("mkt-bad", Role.MARKETING));
        String name = TestUsers.uniqueName("bad");
        assertRefused(() -> leads.create(new NewLead(" ", null, null, null, "SEO", null, null, null)), "name");
        assertRefused(() -> leads.create(new NewLead(name, null, "nope", null, "SEO", null, null, null)), "email");
        assertRefused(() -> leads.create(new NewLead(name, null, null, "call me", "SEO", null, null, null)), "phone");
        assertRefused(() -> leads.create(new NewLead(name, null, null, null, "FAX", null, null, null)), "channel");
        assertRefused(() -> leads.create(new NewLead(name, null, null, null, "SEO", null, new BigDecimal("-1"), null)),
                "expectedValue");
        assertRefused(() -> leads.create(new NewLead(name, null, null, null, "SEO", null, new BigDecimal("1.005"), null)),
                "expectedValue");
        assertThat(leads.find(new LeadFilter(name, null, null, null, null, false, null, null), LeadSort.NAME, true, 0,
                10)).isEmpty();
    }

    @Test
    void the_board_shows_the_newest_leads_of_each_column_and_lost_ones_on_the_span_they_fell_from() {
        signIn(testUsers.create("mkt-board", Role.MARKETING));
        LeadId fresh = newLead(TestUsers.uniqueName("board-new"));
        LeadId lost = newLead(TestUsers.uniqueName("board-lost"));
        move(lost, LeadStatus.MQL);
        leads.move(lost, new StatusMove(LeadStatus.LOST, "No budget", null, leads.get(lost).orElseThrow().version()));
        var board = leads.board(5);
        assertThat(board.keySet()).hasSize(8);
        assertThat(board.get(new BoardColumn(BridgeStage.AWARENESS, LeadStatus.NEW))).extracting(LeadSummary::id)
                .contains(fresh);
        assertThat(board.get(new BoardColumn(BridgeStage.CONSIDERATION, LeadStatus.LOST))).extracting(LeadSummary::id)
                .contains(lost);
        assertThat(board.get(new BoardColumn(BridgeStage.AWARENESS, LeadStatus.LOST))).extracting(LeadSummary::id)
                .doesNotContain(lost);
        board.values().forEach(cards -> assertThat(cards).hasSizeLessThanOrEqualTo(5)
                .isSortedAccordingTo(java.util.Comparator.comparing(LeadSummary::statusChangedAt).reversed()));
    }

    @Test
    void only_marketing_and_managers_create_leads() {
        signIn(testUsers.create("sales-create", Role.SALES));
        assertThatThrownBy(() -> newLead("Nope")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void losing_a_lead_needs_a_reason_and_records_where_it_fell() {
        signIn(testUsers.create("mkt-lost", Role.MARKETING));
        LeadId id = newLead(TestUsers.uniqueName("lost"));
        move(id, LeadStatus.MQL);
        long version = leads.get(id).orElseThrow().version();
        assertRefused(() -> leads.move(id, new StatusMove(LeadStatus.LOST, "  ", null, version)), "reason");
        LeadDetails lost = leads.move(id, new StatusMove(LeadStatus.LOST, "No budget this year", null, version));
        assertThat(lost.status()).isEqualTo(LeadStatus.LOST);
        assertThat(lost.lostFrom()).isEqualTo(LeadStatus.MQL);
        assertThat(lost.lostReason()).isEqualTo("No budget this year");
        assertThat(lost.stage()).isEqualTo(BridgeStage.CONSIDERATION);
        assertThat(leads.history(id)).extracting(StatusChangeEntry::to).containsExactly(LeadStatus.MQL, LeadStatus.LOST);
    }

    @Test
    void an_opportunity_needs_a_value_and_sql_comes_only_from_a_handoff() {
        UserSummary manager = testUsers.create("mgr-opp", Role.MANAGER);
        UserSummary seller = testUsers.create("seller-opp", Role.SALES);
        signIn(manager);
        LeadId id = newLead(TestUsers.uniqueName("opp"));
        move(id, LeadStatus.MQL);
        assertThatThrownBy(() -> move(id, LeadStatus.SQL)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("lead.move.sql-by-handoff");
        leads.acceptedByHandoff(id, seller.id());
        assertThat(leads.get(id).orElseThrow().owner().id()).isEqualTo(seller.id());

        signIn(seller);
        long version = leads.get(id).orElseThrow().version();
        assertRefused(() -> leads.move(id, StatusMove.to(LeadStatus.OPPORTUNITY, version)), "expectedValue");
        LeadDetails opportunity = leads.move(id, new StatusMove(LeadStatus.OPPORTUNITY, null, new BigDecimal("25000"),
                version));
        assertThat(opportunity.expectedValue()).isEqualByComparingTo("25000");
        assertThat(move(id, LeadStatus.WON).status()).isEqualTo(LeadStatus.WON);
        assertThat(jdbc.sql("select max_status_rank from lead where id = :id").param("id", id.value())
                .query(Integer.class).single()).isEqualTo(LeadStatus.WON.rank());
    }

    @Test
    void a_salesperson_moves_only_the_leads_they_own() {
        UserSummary manager = testUsers.create("mgr-own", Role.MANAGER);
        UserSummary owner = testUsers.create("seller-own", Role.SALES);
        UserSummary other = testUsers.create("seller-other", Role.SALES);
        signIn(manager);
        LeadId id = newLead(TestUsers.uniqueName("own"));
        move(id, LeadStatus.MQL);
        leads.acceptedByHandoff(id, owner.id());
        signIn(other);
        assertThatThrownBy(() -> move(id, LeadStatus.OPPORTUNITY)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("lead.move.sales-own-leads");
        assertThat(leads.get(id).orElseThrow().status()).isEqualTo(LeadStatus.SQL);
    }

    @Test
    void only_a_manager_reopens_a_lost_lead_and_the_path_keeps_every_step() {
        UserSummary marketer = testUsers.create("mkt-reopen", Role.MARKETING);
        UserSummary manager = testUsers.create("mgr-reopen", Role.MANAGER);
        signIn(marketer);
        LeadId id = newLead(TestUsers.uniqueName("reopen"));
        long version = leads.get(id).orElseThrow().version();
        leads.move(id, new StatusMove(LeadStatus.LOST, "Wrong number", null, version));
        assertThatThrownBy(() -> move(id, LeadStatus.NEW)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("lead.move.reopen-by-manager");
        signIn(manager);
        LeadDetails reopened = move(id, LeadStatus.NEW);
        assertThat(reopened.status()).isEqualTo(LeadStatus.NEW);
        assertThat(reopened.lostFrom()).isNull();
        List<StatusChangeEntry> path = leads.history(id);
        assertThat(path).extracting(StatusChangeEntry::from, StatusChangeEntry::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LeadStatus.NEW, LeadStatus.LOST),
                org.assertj.core.groups.Tuple.tuple(LeadStatus.LOST, LeadStatus.NEW));
        assertThat(path.get(1).changedBy().username()).isEqualTo(manager.username());
    }

    @Test
    void a_move_or_edit_against_a_stale_version_is_refused() {
        signIn(testUsers.create("mkt-stale", Role.MARKETING));
        LeadId id = newLead(TestUsers.uniqueName("stale"));
        LeadDetails read = leads.get(id).orElseThrow();
        leads.update(id, new LeadChanges("Renamed", read.company(), null, null, "WEBSITE", null, null, null,
                read.version()));
        assertThatThrownBy(() -> leads.update(id, new LeadChanges("Mine", null, null, null, "WEBSITE", null, null,
                null, read.version()))).isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> leads.move(id, StatusMove.to(LeadStatus.MQL, read.version())))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(leads.get(id).orElseThrow().name()).isEqualTo("Renamed");
    }

    @Test
    void marketing_edits_new_and_mql_leads_sales_their_own_managers_all() {
        UserSummary marketer = testUsers.create("mkt-edit", Role.MARKETING);
        UserSummary seller = testUsers.create("seller-edit", Role.SALES);
        UserSummary manager = testUsers.create("mgr-edit", Role.MANAGER);
        signIn(manager);
        LeadId id = newLead(TestUsers.uniqueName("edit"));
        move(id, LeadStatus.MQL);
        leads.acceptedByHandoff(id, seller.id());
        signIn(marketer);
        LeadDetails sql = leads.get(id).orElseThrow();
        assertThat(leads.mayEdit(sql)).isFalse();
        assertThatThrownBy(() -> leads.update(id, new LeadChanges("X", null, null, null, "WEBSITE", null, null, null,
                sql.version()))).isInstanceOf(BusinessRuleException.class);
        signIn(seller);
        assertThat(leads.update(id, new LeadChanges("By the owner", null, null, null, "WEBSITE", null, null, null,
                sql.version())).name()).isEqualTo("By the owner");
        assertRefused(() -> leads.update(id, new LeadChanges("By the owner", null, null, null, "WEBSITE", null, null,
                marketer.id(), leads.get(id).orElseThrow().version())), "owner");
    }

    @Test
    void a_channel_in_use_cannot_be_deleted_but_can_be_deactivated() {
        UserSummary admin = testUsers.create("adm-chan", Role.ADMIN, Role.MARKETING);
        signIn(admin);
        String code = ("C" + TestUsers.uniqueName("x").replaceAll("[^A-Za-z0-9]", "")).toUpperCase();
        code = code.substring(0, Math.min(30, code.length()));
        Channel channel = channels.add(code, "Podcast " + code, null, ChannelKind.ONLINE);
        String channelCode = channel.code();
        leads.create(new NewLead(TestUsers.uniqueName("pod"), null, null, null, channelCode, null, null, null));
        assertThatThrownBy(() -> channels.delete(channelCode)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("channel.error.in-use");
        assertThat(channels.setActive(channelCode, false).active()).isFalse();
        assertRefused(() -> leads.create(new NewLead("Late", null, null, null, channelCode, null, null, null)), "channel");
        String unused = channels.add(code.substring(0, Math.min(28, code.length())) + "_U", "Unused " + code, "", ChannelKind.OFFLINE)
                .code();
        channels.delete(unused);
        assertThat(channels.list(true)).extracting(Channel::code).doesNotContain(unused).contains(channelCode);
    }

    @Test
    void imported_history_keeps_its_times_and_checks_only_the_order() {
        UserSummary marketer = testUsers.create("mkt-import", Role.MARKETING);
        String external = TestUsers.uniqueName("ext");
        LeadId id = SystemCaller.call(() -> leadHistory.importLead(new ImportedLead(external,
                Instant.parse("2025-01-10T09:00:00Z"), marketer.id(), marketer.id(), "Old Lead", null, null, null,
                "TRADE_FAIR", null, null)));
        SystemCaller.run(() -> {
            leadHistory.importStatusChange(id, LeadStatus.MQL, Instant.parse("2025-01-12T09:00:00Z"), marketer.id(), null);
            assertThatThrownBy(() -> leadHistory.importStatusChange(id, LeadStatus.OPPORTUNITY,
                    Instant.parse("2025-01-13T09:00:00Z"), marketer.id(), null))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("lead.error.import-order");
            leadHistory.importStatusChange(id, LeadStatus.SQL, Instant.parse("2025-01-13T09:00:00Z"), marketer.id(), null);
        });
        signIn(marketer);
        List<StatusChangeEntry> path = leads.history(id);
        assertThat(path).hasSize(2);
        assertThat(path.getFirst().timeInPrevious()).isEqualTo(java.time.Duration.ofDays(2));
        assertThat(path.get(1).timeInPrevious()).isEqualTo(java.time.Duration.ofDays(1));
        assertThat(leads.get(id).orElseThrow().createdAt()).isEqualTo(Instant.parse("2025-01-10T09:00:00Z"));
        assertThatThrownBy(() -> SystemCaller.call(() -> leadHistory.importLead(new ImportedLead(external, Instant.now(),
                marketer.id(), marketer.id(), "Dup", null, null, null, "SEO", null, null))))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("duplicate-external-id");
    }

    @Test
    void imported_and_live_moves_keep_the_statistics_columns() {
        UserSummary marketer = testUsers.create("mkt-derived", Role.MARKETING);
        Instant created = Instant.parse("2025-02-10T09:00:00Z");
        LeadId imported = SystemCaller.call(() -> leadHistory.importLead(new ImportedLead(TestUsers.uniqueName("ext"),
                created, marketer.id(), marketer.id(), "Customer", null, null, null, "SEO", null, null)));
        assertThat(derived(imported)).containsExactly(null, created);
        SystemCaller.run(() -> {
            leadHistory.importStatusChange(imported, LeadStatus.MQL, Instant.parse("2025-02-11T09:00:00Z"), marketer.id(), null);
            leadHistory.importStatusChange(imported, LeadStatus.SQL, Instant.parse("2025-02-12T09:00:00Z"), marketer.id(), null);
            leadHistory.importStatusChange(imported, LeadStatus.OPPORTUNITY, Instant.parse("2025-02-13T09:00:00Z"),
                    marketer.id(), null);
            leadHistory.importStatusChange(imported, LeadStatus.WON, Instant.parse("2025-02-14T09:00:00Z"), marketer.id(), null);
        });
        Instant won = Instant.parse("2025-02-14T09:00:00Z");
        assertThat(derived(imported)).containsExactly(won, won);
        assertThat(jdbc.sql("select distinct lead_created_at from lead_status_change where lead_id = :id")
                .param("id", imported.value()).query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class)
                        .toInstant()).list()).containsExactly(created);

        signIn(marketer);
        LeadId live = newLead(TestUsers.uniqueName("live"));
        move(live, LeadStatus.MQL);
        Instant movedAt = leads.get(live).orElseThrow().statusChangedAt();
        assertThat(derived(live)).containsExactly(null, movedAt);
    }

    /** first_won_at and last_activity_at of a lead. */
    private List<Instant> derived(LeadId id) {
        return jdbc.sql("select first_won_at, last_activity_at from lead where id = :id").param("id", id.value())
                .query((rs, n) -> java.util.Arrays.asList(instant(rs, "first_won_at"), instant(rs, "last_activity_at")))
                .single();
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void assertRefused(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> assertThat(((BusinessRuleException) e).field()).contains(field));
    }


    @Test
    void the_possible_owners_are_the_active_marketers_salespeople_and_managers_once_each_by_name() {
        UserSummary both = testUsers.create("owner-both", Role.MARKETING, Role.SALES);
        UserSummary manager = testUsers.create("owner-mgr", Role.MANAGER);
        UserSummary adminOnly = testUsers.create("owner-admin", Role.ADMIN);
        UserSummary gone = testUsers.create("owner-gone", Role.SALES);
        SystemCaller.run(() -> users.deactivate(gone.id()));
        signIn(manager);

        List<UserSummary> owners = leads.possibleOwners();

        assertThat(owners).extracting(UserSummary::id).contains(both.id(), manager.id())
                .doesNotContain(adminOnly.id(), gone.id()).doesNotHaveDuplicates();
        assertThat(owners).allMatch(u -> u.active() && LeadService.OWNER_ROLES.stream().anyMatch(u::has));
        assertThat(owners).extracting(u -> u.fullName().toLowerCase(java.util.Locale.ROOT)).isSorted();
    }
}
