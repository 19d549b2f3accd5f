package app.ponte.stats.ui;

import static app.ponte.stats.ui.StatsUiTesting.href;
import static app.ponte.stats.ui.StatsUiTesting.metrics;
import static app.ponte.stats.ui.StatsUiTesting.settle;
import static app.ponte.stats.ui.StatsUiTesting.value;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.base.PonteProperties;
import app.ponte.interaction.ImportedInteraction;
import app.ponte.interaction.InteractionHistory;
import app.ponte.interaction.InteractionType;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadStatus;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import app.ponte.stats.DataCounts;
import app.ponte.stats.Funnel;
import app.ponte.stats.HandoffFigures;
import app.ponte.stats.Period;
import app.ponte.stats.StatsFixture;
import app.ponte.stats.StatsService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The home page as the person's day: what each role finds there, filled in the background. */
class HomeCardsTest extends KaribuTest {

    @Autowired
    StatsFixture fixture;
    @Autowired
    SectionLoader loader;
    @Autowired
    StatsService stats;
    @Autowired
    InteractionHistory interactions;
    @Autowired
    Clock clock;
    @Autowired
    PonteProperties properties;

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    private void openHome() throws Exception {
        UI.getCurrent().navigate("");
        assertThat(_get(H2.class, spec -> spec.withId("home-welcome")).getText()).startsWith("Welcome, ");
        settle(loader);
    }

    @Test
    void a_manager_sees_the_dashboard_tiles_of_the_default_period_each_leading_to_the_dashboard() throws Exception {
        login(testUsers.create("home-mgr", Role.MANAGER).username(), Role.MANAGER);
        openHome();

        Period period = PeriodPreset.DEFAULT.period(today());
        Funnel funnel = asManager(() -> stats.funnel(period, null));
        var root = _get(StatsPage.class, spec -> spec.withId("home-team"));
        Instant asOf = Instant.parse(root.getElement().getAttribute("data-as-of"));
        HandoffFigures handoffs = asManager(() -> stats.handoffs(period, asOf));
        assertThat(root.getElement().getAttribute("data-from")).isEqualTo(period.from().toString());
        assertThat(root.getElement().getAttribute("data-ready")).isEqualTo("true");
        assertThat(value("funnel.cohort")).isEqualTo(Figure.json(funnel.cohort()));
        assertThat(value("funnel.steps.WON.reached")).isEqualTo(Figure.json(funnel.steps().getLast().reached()));
        assertThat(value("funnel.leadToCustomer")).isEqualTo(Figure.json(funnel.leadToCustomer()));
        assertThat(value("handoffs.acceptanceRate")).isEqualTo(Figure.json(handoffs.acceptanceRate()));
        assertThat(value("handoffs.overduePending")).isEqualTo(Figure.json(handoffs.overduePending()));
        assertThat(metrics()).contains("funnel.steps.MQL.reached", "funnel.steps.SQL.reached", "stalled.byStatus");
        List<Anchor> tiles = _find(Anchor.class, spec -> spec.withClasses("ponte-my-tile-link"));
        assertThat(tiles).hasSize(8).allSatisfy(t -> assertThat(t.getHref())
                .isEqualTo("dashboard?from=" + period.from() + "&to=" + period.to()));
        // a manager has no figures of their own
        assertThat(_find(StatsPage.class, spec -> spec.withId("home-sales"))).isEmpty();
        assertThat(_find(StatsPage.class, spec -> spec.withId("home-admin"))).isEmpty();
    }

    @Test
    void a_salesperson_sees_this_month_beside_the_median_and_the_inbox_and_agenda_counts() throws Exception {
        UserSummary me = testUsers.create("home-rep", Role.SALES);
        UserSummary marketer = testUsers.create("home-rep-mkt", Role.MARKETING);
        Instant now = clock.instant();
        LeadId won = fixture.lead("WEBSITE", now.minus(Duration.ofHours(4)), marketer.id());
        fixture.win(won, now.minus(Duration.ofMinutes(5)), me.id());
        for (int i = 0; i < 2; i++) {
            LeadId waiting = fixture.lead("WEBSITE", now.minus(Duration.ofMinutes(10)), marketer.id());
            fixture.handoff(waiting, marketer.id(), me.id(), "PENDING", now.minus(Duration.ofMinutes(9)), null, null);
        }
        // next steps: one overdue, one due today, one next week (not counted)
        LeadId lead = fixture.lead("WEBSITE", now.minus(Duration.ofMinutes(10)), marketer.id());
        for (LocalDate due : List.of(today().minusDays(2), today(), today().plusDays(8))) {
            SystemCaller.run(() -> interactions.importInteraction(new ImportedInteraction(lead,
                    now.minus(Duration.ofMinutes(8)), InteractionType.CALL, me.id(), 3, null, "Call back", due,
                    null)));
        }

        login(me.username(), Role.SALES);
        openHome();

        assertThat(inner("home-sales-inbox").getText()).isEqualTo("2");
        assertThat(inner("home-sales-inbox").getHref()).isEqualTo("inbox");
        assertThat(inner("home-sales-agenda").getText()).isEqualTo("2");
        assertThat(inner("home-sales-agenda").getHref()).isEqualTo("agenda");
        String mine = "reps." + me.username() + ".";
        assertThat(value(mine + "won")).isEqualTo("1");
        assertThat(href(mine + "won")).contains("entered=WON", "entered-by=" + me.id().value());
        assertThat(_find(com.vaadin.flow.component.html.Span.class,
                spec -> spec.withClasses("ponte-my-tile-median"))).isNotEmpty();
        assertThat(metrics()).noneMatch(m -> m.endsWith(".wonValue")).noneMatch(m -> m.startsWith("funnel."));
        assertThat(_get(Anchor.class, spec -> spec.withId("home-sales-more")).getHref()).startsWith("my-numbers?from=");
    }

    @Test
    void a_marketer_sees_leads_mqls_and_handoff_outcomes_of_this_month() throws Exception {
        UserSummary me = testUsers.create("home-mkt", Role.MARKETING);
        UserSummary rep = testUsers.create("home-mkt-rep", Role.SALES);
        Instant now = clock.instant();
        LeadId a = fixture.lead("WEBSITE", now.minus(Duration.ofMinutes(10)), me.id());
        LeadId b = fixture.lead("WEBSITE", now.minus(Duration.ofMinutes(10)), me.id());
        fixture.move(a, LeadStatus.MQL, now.minus(Duration.ofMinutes(9)), me.id());
        fixture.handoff(a, me.id(), rep.id(), "PENDING", now.minus(Duration.ofMinutes(8)), null, null);
        fixture.handoff(b, me.id(), rep.id(), "REJECTED", now.minus(Duration.ofMinutes(8)),
                now.minus(Duration.ofMinutes(7)), "NOT_A_FIT");

        login(me.username(), Role.MARKETING);
        openHome();

        String mine = "marketers." + me.username() + ".";
        assertThat(value(mine + "leadsCreated")).isEqualTo("2");
        assertThat(value(mine + "mqls")).isEqualTo("1");
        assertThat(value(mine + "accepted")).isEqualTo("0");
        assertThat(value(mine + "rejected")).isEqualTo("1");
        assertThat(value(mine + "pending")).isEqualTo("1");
        assertThat(href(mine + "mqls")).contains("entered=MQL", "entered-by=" + me.id().value());
        assertThat(href(mine + "pending")).isEqualTo("handoffs");
        assertThat(_find(StatsPage.class, spec -> spec.withId("home-sales"))).isEmpty();
        assertThat(_find(StatsPage.class, spec -> spec.withId("home-team"))).isEmpty();
    }

    @Test
    void an_admin_sees_data_and_user_counts_with_the_way_to_users_and_import() throws Exception {
        UserSummary admin = testUsers.create("home-admin", Role.ADMIN);
        UserSummary gone = testUsers.create("home-gone", Role.SALES);
        SystemCaller.run(() -> context.getBean(app.ponte.security.UserService.class).deactivate(gone.id()));
        login(admin.username(), Role.ADMIN);
        DataCounts before = asAdmin(stats::dataCounts);
        fixture.lead("WEBSITE", clock.instant(), admin.id());
        openHome();

        assertThat(inner("home-admin-leads").getText()).isEqualTo(format(before.leads() + 1));
        assertThat(inner("home-admin-leads").getHref()).isEqualTo("leads");
        DataCounts after = asAdmin(stats::dataCounts);
        assertThat(after.inactiveUsers()).isPositive();
        assertThat(text("home-admin-active-users")).isEqualTo(format(after.activeUsers()));
        assertThat(text("home-admin-inactive-users")).isEqualTo(format(after.inactiveUsers()));
        assertThat(_get(Anchor.class, spec -> spec.withId("home-admin-users")).getHref()).isEqualTo("admin/users");
        assertThat(_get(Anchor.class, spec -> spec.withId("home-admin-import")).getHref()).isEqualTo("admin/import");
        assertThat(_find(StatsPage.class, spec -> spec.withId("home-team"))).isEmpty();
    }

    private static Anchor inner(String tileId) {
        var tile = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId(tileId));
        return _get(tile, Anchor.class, spec -> spec.withClasses("ponte-figure"));
    }

    private static String text(String tileId) {
        var tile = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId(tileId));
        return _get(tile, com.vaadin.flow.component.Component.class, spec -> spec.withClasses("ponte-my-tile-value"))
                .getElement().getText();
    }

    private static String format(long n) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH).format(n);
    }

    private static <T> T asManager(Supplier<T> work) {
        return SystemCaller.callAs("home-test-manager", List.of(Role.MANAGER), work);
    }

    private static <T> T asAdmin(Supplier<T> work) {
        return SystemCaller.callAs("home-test-admin", List.of(Role.ADMIN), work);
    }
}
