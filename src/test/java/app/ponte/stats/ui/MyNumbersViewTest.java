package app.ponte.stats.ui;

import static app.ponte.stats.StatsFixture.rome;
import static app.ponte.stats.ui.StatsUiTesting.href;
import static app.ponte.stats.ui.StatsUiTesting.metric;
import static app.ponte.stats.ui.StatsUiTesting.metrics;
import static app.ponte.stats.ui.StatsUiTesting.settle;
import static app.ponte.stats.ui.StatsUiTesting.value;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.base.ui.AccessDeniedView;
import app.ponte.interaction.InteractionType;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadStatus;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import app.ponte.stats.Period;
import app.ponte.stats.RepFigures;
import app.ponte.stats.StatsFixture;
import app.ponte.stats.StatsService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * My numbers: the person's own figures, each beside the team median, for data the tests create in
 * years no other test uses (2041–2045), so the medians over "the people with a figure" are known.
 */
class MyNumbersViewTest extends KaribuTest {

    private static final String CHANNEL = "WEBSITE";

    @Autowired
    StatsFixture fixture;
    @Autowired
    SectionLoader loader;
    @Autowired
    StatsService stats;

    private LeadId lead(UserSummary creator, String day) {
        return fixture.lead(CHANNEL, rome(day + "T09:00:00"), creator.id());
    }

    @Test
    void a_salesperson_sees_own_figures_beside_the_team_median() throws Exception {
        UserSummary me = testUsers.create("mine", Role.SALES);
        UserSummary peer = testUsers.create("peer", Role.SALES);
        UserSummary marketer = testUsers.create("mn-mkt", Role.MARKETING);
        // a salesperson without scores or decisions: skipped by the medians of averages and rates
        testUsers.create("idle-rep", Role.SALES);
        LeadId a = lead(marketer, "2041-02-01");
        LeadId b = lead(marketer, "2041-02-02");
        LeadId c = lead(marketer, "2041-02-03");
        // scores: mine 5 and 3 (average 4), the peer's 2: the median of the two averages is 3
        fixture.interaction(a, me.id(), InteractionType.CALL, rome("2041-03-01T10:00:00"), 5);
        fixture.interaction(b, me.id(), InteractionType.MEETING, rome("2041-03-02T10:00:00"), 3);
        fixture.interaction(c, peer.id(), InteractionType.CALL, rome("2041-03-03T10:00:00"), 2);
        // acceptance: mine 1 of 1, the peer's 1 of 2: median 0.75 (everyone else has none, skipped)
        fixture.handoff(a, marketer.id(), me.id(), "ACCEPTED", rome("2041-03-04T10:00:00"),
                rome("2041-03-04T12:00:00"), null);
        fixture.handoff(b, marketer.id(), peer.id(), "ACCEPTED", rome("2041-03-05T10:00:00"),
                rome("2041-03-05T11:00:00"), null);
        fixture.handoff(c, marketer.id(), peer.id(), "REJECTED", rome("2041-03-06T10:00:00"),
                rome("2041-03-06T14:00:00"), "NOT_A_FIT");
        fixture.win(a, rome("2041-05-01T10:00:00"), me.id());
        fixture.win(b, rome("2041-05-02T10:00:00"), me.id());

        login(me.username(), Role.SALES);
        open("from=2041-01-01&to=2041-12-31");
        settle(loader);

        String mine = "reps." + me.username() + ".";
        assertThat(value(mine + "interactions")).isEqualTo("2");
        assertThat(value(mine + "avgOutcome")).isEqualTo("4.0");
        assertThat(value(mine + "acceptanceRate")).isEqualTo("1.0");
        assertThat(value(mine + "won")).isEqualTo("2");
        assertThat(median(me, "avgOutcome")).isEqualTo("3.0");
        assertThat(median(me, "acceptanceRate")).isEqualTo("0.75");
        // decision hours: mine 2, the peer's 1 and 4 → 2.5; median of 2 and 2.5
        assertThat(median(me, "medianDecisionHours")).isEqualTo("2.25");
        // won: over every salesperson in the database (zeros included), as the API lists them
        List<Long> won = asManager(() -> stats.reps(new Period(LocalDate.of(2041, 1, 1), LocalDate.of(2041, 12, 31))).reps())
                .stream().map(RepFigures::won).sorted().toList();
        double wonMedian = won.size() % 2 == 1 ? won.get(won.size() / 2)
                : (won.get(won.size() / 2 - 1) + won.get(won.size() / 2)) / 2.0;
        assertThat(median(me, "won")).isEqualTo(Figure.json(wonMedian));

        // the median is no API figure: it carries no data-metric
        assertThat(_get(Span.class, spec -> spec.withClasses("ponte-my-tile-median").withText(
                "Team median: 75%")).getElement().hasAttribute("data-metric")).isFalse();
        // counts lead to exactly their records
        assertThat(query(href(mine + "won"))).containsExactlyInAnyOrder("entered=WON", "entered-from=2041-01-01",
                "entered-to=2041-12-31", "entered-by=" + me.id().value());
        assertThat(href(mine + "won")).startsWith("leads?");
        // the interactions list is the managers': no link a salesperson would be refused at
        assertThat(href(mine + "interactions")).isNull();
        // a salesperson sees no money and no marketing part
        assertThat(metrics()).noneMatch(m -> m.endsWith(".wonValue")).noneMatch(m -> m.startsWith("marketers."));
        assertThat(_find(StatsSection.class, spec -> spec.withId("section-my-marketing"))).isEmpty();
        var root = _get(StatsPage.class, spec -> spec.withId("my-numbers"));
        assertThat(root.getElement().getAttribute("data-from")).isEqualTo("2041-01-01");
        assertThat(root.getElement().getAttribute("data-ready")).isEqualTo("true");
    }

    @Test
    void a_marketer_sees_own_figures_and_the_median_of_the_marketers() throws Exception {
        UserSummary me = testUsers.create("mine-mkt", Role.MARKETING);
        UserSummary peer = testUsers.create("peer-mkt", Role.MARKETING);
        UserSummary rep = testUsers.create("mn-rep", Role.SALES);
        // a marketer without handoffs has no acceptance rate: skipped by the median, not a zero
        testUsers.create("idle-mkt", Role.MARKETING);
        LeadId a = lead(me, "2042-02-01");
        LeadId b = lead(me, "2042-02-02");
        lead(me, "2042-02-03");
        LeadId d = lead(peer, "2042-02-04");
        fixture.move(a, LeadStatus.MQL, rome("2042-02-10T10:00:00"), me.id());
        fixture.move(b, LeadStatus.MQL, rome("2042-02-11T10:00:00"), me.id());
        fixture.move(d, LeadStatus.MQL, rome("2042-02-12T10:00:00"), peer.id());
        fixture.handoff(a, me.id(), rep.id(), "ACCEPTED", rome("2042-03-01T10:00:00"), rome("2042-03-01T11:00:00"),
                null);
        fixture.handoff(b, me.id(), rep.id(), "REJECTED", rome("2042-03-02T10:00:00"), rome("2042-03-02T11:00:00"),
                "NOT_A_FIT");
        fixture.handoff(d, peer.id(), rep.id(), "ACCEPTED", rome("2042-03-03T10:00:00"), rome("2042-03-03T11:00:00"),
                null);

        login(me.username(), Role.MARKETING);
        open("from=2042-01-01&to=2042-12-31");
        settle(loader);

        String mine = "marketers." + me.username() + ".";
        assertThat(value(mine + "leadsCreated")).isEqualTo("3");
        assertThat(value(mine + "mqls")).isEqualTo("2");
        assertThat(value(mine + "acceptanceRate")).isEqualTo("0.5");
        // the peer accepted 1 of 1: median of 0.5 and 1.0; no one else has a rate in 2042
        assertThat(median(me, "acceptanceRate")).isEqualTo("0.75");
        assertThat(href(mine + "mqls")).startsWith("leads?");
        assertThat(query(href(mine + "mqls"))).containsExactlyInAnyOrder("entered=MQL", "entered-from=2042-01-01",
                "entered-to=2042-12-31", "entered-by=" + me.id().value());
        assertThat(metrics()).noneMatch(m -> m.startsWith("reps."));
        assertThat(_find(StatsSection.class, spec -> spec.withId("section-my-sales"))).isEmpty();
    }

    @Test
    void a_person_with_both_roles_sees_both_parts_and_no_money_while_a_manager_seller_sees_the_won_value()
            throws Exception {
        UserSummary both = testUsers.create("both", Role.MARKETING, Role.SALES);
        login(both.username(), Role.MARKETING, Role.SALES);
        open("from=2044-01-01&to=2044-12-31");
        settle(loader);
        assertThat(metric("reps." + both.username() + ".won")).isPresent();
        assertThat(metric("marketers." + both.username() + ".mqls")).isPresent();
        assertThat(metrics()).noneMatch(m -> m.endsWith(".wonValue"));

        UserSummary boss = testUsers.create("boss-rep", Role.MANAGER, Role.SALES);
        loginInNewPage(boss.username(), Role.MANAGER, Role.SALES);
        open("from=2044-01-01&to=2044-12-31");
        settle(loader);
        assertThat(value("reps." + boss.username() + ".wonValue")).isEqualTo("0.00");
    }

    @Test
    void changing_the_period_changes_the_figures_and_the_url() throws Exception {
        UserSummary me = testUsers.create("period", Role.SALES);
        UserSummary marketer = testUsers.create("period-mkt", Role.MARKETING);
        fixture.win(lead(marketer, "2043-02-01"), rome("2043-06-01T10:00:00"), me.id());
        login(me.username(), Role.SALES);
        open("from=2043-01-01&to=2043-12-31");
        settle(loader);
        String won = "reps." + me.username() + ".won";
        assertThat(value(won)).isEqualTo("1");

        // the end first: a start after the end is not a period
        _setValue(_get(DatePicker.class, spec -> spec.withId("period-to")), LocalDate.of(2045, 12, 31));
        _setValue(_get(DatePicker.class, spec -> spec.withId("period-from")), LocalDate.of(2045, 1, 1));
        settle(loader);

        var location = UI.getCurrent().getInternals().getActiveViewLocation();
        assertThat(location.getPath()).isEqualTo("my-numbers");
        assertThat(location.getQueryParameters().getQueryString()).isEqualTo("from=2045-01-01&to=2045-12-31");
        assertThat(value(won)).isEqualTo("0");
        assertThat(_get(StatsPage.class, spec -> spec.withId("my-numbers")).getElement().getAttribute("data-to"))
                .isEqualTo("2045-12-31");
    }

    @Test
    void someone_without_sales_or_marketing_cannot_open_my_numbers() {
        login(testUsers.create("mn-manager", Role.MANAGER, Role.ADMIN).username(), Role.MANAGER, Role.ADMIN);
        UI.getCurrent().navigate("my-numbers");
        assertThat(_find(AccessDeniedView.class)).hasSize(1);
        assertThat(_find(MyNumbersView.class)).isEmpty();
    }

    private static List<String> query(String href) {
        return List.of(href.substring(href.indexOf('?') + 1).split("&"));
    }

    private static void open(String query) {
        UI.getCurrent().navigate("my-numbers", QueryParameters.fromString(query));
    }

    private String median(UserSummary me, String key) {
        var tile = _find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("ponte-my-tile"))
                .stream().filter(d -> d.getId().orElse("").endsWith("-" + key)).findFirst()
                .orElseThrow(() -> new AssertionError("no tile " + key + " for " + me.username()));
        return _get(tile, Span.class, spec -> spec.withClasses("ponte-my-tile-median"))
                .getElement().getAttribute("data-median-value");
    }

    private static <T> T asManager(java.util.function.Supplier<T> work) {
        return SystemCaller.callAs("mn-test-manager", List.of(Role.MANAGER), work);
    }
}
