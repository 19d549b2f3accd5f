package app.ponte.stats.ui;

import static app.ponte.stats.StatsFixture.rome;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.ponte.KaribuTest;
import app.ponte.TestUsers;
import app.ponte.interaction.InteractionType;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadStatus;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import app.ponte.stats.StatsFixture;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.dom.Element;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The team dashboard: what each role sees, the filters in the URL, a failing section beside working
 * ones, the empty states, and "one number everywhere" (every figure equals the API's for the page's
 * period). Data: fresh channels and users; the years before 1979 hold no test data (empty periods).
 */
class DashboardViewTest extends KaribuTest {

    private static final Set<String> MONEY = Set.of("spend", "cpl", "cac", "revenue", "ltv", "ltvToCac", "wonValue");
    private static final List<String> SECTIONS = List.of("tiles", "funnel", "bridge", "time-in-status", "volume",
            "reps", "marketers", "handoffs", "channels", "buyers", "stalled");

    @Autowired
    StatsFixture data;

    @Autowired
    SectionLoader loader;

    @Autowired
    MockMvc mvc;

    @Autowired
    app.ponte.live.LiveEvents events;

    @Autowired
    app.ponte.interaction.InteractionService interactions;

    @Autowired
    app.ponte.purchase.PurchaseService purchases;

    /** A year of data: two channels, leads won and lost, interactions, handoffs, purchases, spend. */
    private record Year(String channelA, String channelB, UserSummary seller, UserSummary marketer, LeadId won) {
    }

    private Year year(int year) {
        UserSummary seller = testUsers.create("db-rep", Role.SALES);
        UserSummary marketer = testUsers.create("db-mkt", Role.MARKETING);
        String a = data.channel(StatsFixture.prefix() + "_A", "ONLINE");
        String b = data.channel(StatsFixture.prefix() + "_B", "OFFLINE");
        String y = Integer.toString(year);
        LeadId won = data.lead(a, rome(y + "-02-03T10:00:00"), marketer.id(), seller.id(), new BigDecimal("1500.00"));
        data.win(won, rome(y + "-04-10T11:00:00"), seller.id());
        LeadId won2 = data.lead(a, rome(y + "-03-03T10:00:00"), marketer.id(), seller.id(), new BigDecimal("700.00"));
        data.win(won2, rome(y + "-09-01T11:00:00"), seller.id());
        LeadId lost = data.lead(a, rome(y + "-05-05T10:00:00"), marketer.id());
        data.move(lost, LeadStatus.MQL, rome(y + "-05-06T10:00:00"), marketer.id());
        data.move(lost, LeadStatus.LOST, rome(y + "-05-20T10:00:00"), seller.id());
        LeadId open = data.lead(b, rome(y + "-06-06T10:00:00"), marketer.id());
        data.move(open, LeadStatus.MQL, rome(y + "-06-07T10:00:00"), marketer.id());
        data.interaction(won, seller.id(), InteractionType.CALL, rome(y + "-03-01T09:00:00"), 4);
        data.interaction(won, seller.id(), InteractionType.MEETING, rome(y + "-03-15T09:00:00"), 5);
        data.handoff(won, marketer.id(), seller.id(), "ACCEPTED", rome(y + "-03-20T09:00:00"),
                rome(y + "-03-20T15:00:00"), null);
        data.handoff(lost, marketer.id(), seller.id(), "REJECTED", rome(y + "-05-07T09:00:00"),
                rome(y + "-05-08T09:00:00"), "NOT_A_FIT");
        data.handoff(open, marketer.id(), seller.id(), "PENDING", rome(y + "-06-08T09:00:00"), null, null);
        data.purchase(won, y + "-04-20", "1200.00");
        data.purchase(won, y + "-07-20", "300.00");
        data.purchase(won2, y + "-09-05", "450.00");
        data.spend(a, y + "-02", "900.00");
        return new Year(a, b, seller, marketer, won2);
    }

    private UserSummary signIn(String prefix, Role... roles) {
        UserSummary user = testUsers.create(prefix, roles);
        login(user.username(), roles);
        return user;
    }

    private void open(String query) {
        UI.getCurrent().navigate("dashboard", com.vaadin.flow.router.QueryParameters.fromString(query.substring(1)));
        settle();
    }

    private void settle() {
        try {
            loader.awaitIdle(Duration.ofSeconds(60));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        MockVaadin.clientRoundtrip(false);
    }

    private static Element root() {
        return _get(StatsPage.class, spec -> spec.withId("dashboard")).getElement();
    }

    private static Stream<org.jsoup.nodes.Element> elements(Element element) {
        return PageHtml.elements(element);
    }

    /** Every figure on the page: data-metric → data-value (a metric shown twice must show one value). */
    private static Map<String, String> figures() {
        Map<String, String> figures = new LinkedHashMap<>();
        elements(root()).filter(e -> e.hasAttr("data-metric")).forEach(e -> {
            String previous = figures.put(e.attr("data-metric"), e.attr("data-value"));
            assertThat(previous == null || previous.equals(e.attr("data-value")))
                    .as("%s shown twice with different values", e.attr("data-metric")).isTrue();
        });
        return figures;
    }

    private static List<String> headers() {
        return elements(root()).filter(e -> e.tagName().equals("th") || e.tagName().equals("vaadin-button"))
                .map(org.jsoup.nodes.Element::text).toList();
    }

    private static List<String> replacedUrls() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(p -> p.getInvocation())
                .filter(i -> i.getExpression().contains("vaadin-navigate") && i.getExpression().contains("replace: true"))
                .map(i -> String.valueOf(i.getParameters().get(1)))
                .toList();
    }

    /** The query of the URL the page last wrote (replaceState), as parameters. */
    private static Map<String, List<String>> lastUrl() {
        List<String> urls = replacedUrls();
        assertThat(urls).isNotEmpty();
        String url = urls.getLast();
        assertThat(url).startsWith("dashboard?");
        return com.vaadin.flow.router.QueryParameters.fromString(url.substring("dashboard?".length())).getParameters();
    }

    private static boolean present(String id) {
        return elements(root()).anyMatch(e -> id.equals(e.attr("id")));
    }

    @Test
    void managers_see_money_and_marketing_and_sales_see_none() {
        Year y = year(1991);
        String query = "?from=1991-01-01&to=1991-12-31";

        signIn("db-mgr", Role.MANAGER);
        open(query);
        Map<String, String> manager = figures();
        assertThat(manager).containsKeys("channels." + y.channelA() + ".spend", "channels." + y.channelA() + ".ltvToCac",
                "reps." + y.seller().username() + ".wonValue", "repeat-purchases.revenue");
        assertThat(new BigDecimal(manager.get("channels." + y.channelA() + ".spend"))).isEqualByComparingTo("900");
        assertThat(headers()).anyMatch(h -> h.startsWith("Spend")).anyMatch(h -> h.startsWith("LTV:CAC"))
                .contains("Won value");

        for (Role role : List.of(Role.MARKETING, Role.SALES)) {
            logout();
            UserSummary other = testUsers.create("db-" + role.name().toLowerCase(java.util.Locale.ROOT), role);
            loginInNewPage(other.username(), role);
            open(query);
            Map<String, String> figures = figures();
            assertThat(figures).as(role + " sees the figures without money").containsKey("channels." + y.channelA() + ".leads");
            assertThat(figures.keySet()).as(role + " money figures")
                    .noneMatch(metric -> MONEY.contains(metric.substring(metric.lastIndexOf('.') + 1)));
            assertThat(headers()).as(role + " money columns")
                    .noneMatch(h -> Stream.of("Spend", "CPL", "CAC", "Revenue", "LTV", "Won value").anyMatch(h::startsWith));
        }
    }

    /** The channels in the order the channels table lists them. */
    private static List<String> channelOrder(String... channels) {
        Set<String> wanted = Set.of(channels);
        return elements(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("dashboard-channels"))
                .getElement()).filter(e -> e.attr("data-metric").endsWith(".leads"))
                .map(e -> e.attr("data-metric").split("\\.")[1]).filter(wanted::contains).toList();
    }

    /** A click on a header of the channels table, as the browser reports it (the table itself is HTML). */
    private static void clickChannelHeader(String key) {
        Element holder = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("dashboard-channels"))
                .getElement();
        var data = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        data.put(DashboardSections.SORT_KEY, key);
        data.put(DashboardSections.SORT_FILTER, true);
        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(holder,
                new com.vaadin.flow.dom.DomEvent(holder, "click", data));
    }

    @Test
    void the_channels_table_sorts_by_the_header_clicked() {
        Year y = year(2007);
        signIn("db-sort", Role.MANAGER);
        open("?from=2007-01-01&to=2007-12-31");
        // by name first; channel A has three leads in the year, B one
        assertThat(channelOrder(y.channelA(), y.channelB())).containsExactly(y.channelA(), y.channelB());

        clickChannelHeader("leads");
        assertThat(channelOrder(y.channelA(), y.channelB())).containsExactly(y.channelA(), y.channelB());
        assertThat(elements(root()).filter(e -> e.hasAttr("aria-sort")).map(e -> e.text() + " " + e.attr("aria-sort")))
                .containsExactly("Leads ▼ descending");

        clickChannelHeader("leads");
        assertThat(channelOrder(y.channelA(), y.channelB())).containsExactly(y.channelB(), y.channelA());
        assertThat(elements(root()).filter(e -> e.hasAttr("aria-sort")).map(e -> e.attr("aria-sort")))
                .containsExactly("ascending");
    }

    @Test
    void the_period_and_channel_filters_change_the_figures_and_the_url() {
        Year y = year(2004);
        signIn("db-filter", Role.MANAGER);
        open("?from=2004-01-01&to=2004-12-31&channel=" + y.channelA());
        assertThat(root().getAttribute("data-channel")).isEqualTo(y.channelA());
        assertThat(figures()).containsEntry("funnel.cohort", "3").containsEntry("funnel.steps.WON.reached", "2");
        @SuppressWarnings("unchecked")
        ComboBox<String> channel = _get(ComboBox.class, spec -> spec.withId("period-channel"));
        assertThat(channel.getValue()).isEqualTo(y.channelA());

        _setValue(channel, y.channelB());
        assertThat(lastUrl()).isEqualTo(Map.of("from", List.of("2004-01-01"), "to", List.of("2004-12-31"), "channel",
                List.of(y.channelB())));
        settle();
        assertThat(figures()).containsEntry("funnel.cohort", "1").containsEntry("funnel.steps.WON.reached", "0");
        assertThat(root().getAttribute("data-channel")).isEqualTo(y.channelB());

        _setValue(_get(DatePicker.class, spec -> spec.withId("period-to")), LocalDate.of(2004, 5, 31));
        assertThat(lastUrl()).isEqualTo(Map.of("from", List.of("2004-01-01"), "to", List.of("2004-05-31"), "channel",
                List.of(y.channelB())));
        settle();
        assertThat(root().getAttribute("data-to")).isEqualTo("2004-05-31");
        assertThat(figures()).as("channel B's only lead came in June").containsEntry("funnel.cohort", "0");
        assertThat(present("section-funnel-empty")).isTrue();
        assertThat(elements(root()).filter(e -> e.hasAttr("data-bucket")).findFirst().orElseThrow()
                .attr("data-bucket")).isEqualTo("month");

        _setValue(_get(DatePicker.class, spec -> spec.withId("period-from")), LocalDate.of(2004, 4, 1));
        assertThat(lastUrl()).isEqualTo(Map.of("from", List.of("2004-04-01"), "to", List.of("2004-05-31"), "channel",
                List.of(y.channelB())));
        settle();
        assertThat(figures()).as("two months are cut in weeks (the first clipped to the period)")
                .containsKeys("volume.series.2004-04-01.leads", "volume.series.2004-04-05.leads");
    }

    @Test
    void a_section_that_fails_shows_its_error_with_a_retry_while_the_others_render() {
        signIn("db-fail", Role.MANAGER);
        // fifty years of months is more than the volume series allows: the service refuses, the section fails
        open("?from=1901-01-01&to=1950-12-31");
        assertThat(present("section-volume-retry")).isTrue();
        assertThat(root().getAttribute("data-ready")).isEqualTo("true");
        for (String key : SECTIONS) {
            assertThat(_get(StatsSection.class, spec -> spec.withId("section-" + key)).busy()).as(key).isFalse();
            if (!key.equals("volume")) {
                assertThat(present("section-" + key + "-retry")).as(key + " has no error").isFalse();
                // stalled leads are as of now, not of the period: there may be some
                assertThat(present("section-" + key + "-empty") || key.equals("stalled")).as(key + " renders")
                        .isTrue();
            }
        }
        _click(_get(Button.class, spec -> spec.withId("section-volume-retry")));
        settle();
        assertThat(present("section-volume-retry")).as("the retry reads again, and fails again").isTrue();
    }

    /** Stalled leads are "now" (as of now, whatever the period): only an empty database shows none. */
    /** The elements the server keeps for the tab: {@code element} and every element under it (frozen HTML excluded). */
    private static Stream<Element> serverElements(Element element) {
        return Stream.concat(Stream.of(element), element.getChildren().flatMap(DashboardViewTest::serverElements));
    }

    @Test
    void every_figure_goes_to_the_browser_as_html_and_keeps_no_element_on_the_server() {
        // 2007, as the other tests that read whole sections: its data stays out of every other test's years
        year(2007);
        signIn("db-frozen", Role.MANAGER);
        open("?from=2007-01-01&to=2007-12-31");
        assertThat(present("section-stalled-empty")).as("stalled leads shown").isFalse();
        // the page shows figures in every section, the stalled counts and the funnel's rate among them
        assertThat(figures()).containsKeys("funnel.leadToCustomer", "stalled.byStatus.MQL", "funnel.cohort");
        // ...but none of them is an element the server keeps for the open tab (decision 033's budget)
        assertThat(serverElements(root()).filter(e -> e.hasAttribute("data-metric"))
                .map(e -> e.getAttribute("data-metric")).toList()).isEmpty();
    }

    @Test
    void an_empty_period_shows_every_section_empty() {
        signIn("db-empty", Role.MANAGER);
        open("?from=1961-01-01&to=1961-12-31");
        assertThat(root().getAttribute("data-ready")).isEqualTo("true");
        List<String> missing = new ArrayList<>();
        for (String key : SECTIONS.stream().filter(k -> !k.equals("stalled")).toList()) {
            if (!present("section-" + key + "-empty")) {
                missing.add(key);
            }
        }
        assertThat(missing).as("sections without their empty state").isEmpty();
        assertThat(present("section-stalled-retry")).isFalse();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("section-funnel-empty"))
                .getText()).isEqualTo("No leads in this period.");
    }

    @Test
    void a_handoff_signal_refreshes_the_handoff_figures_but_not_the_buyers_and_not_at_once() {
        Year y = year(1990);
        signIn("db-live", Role.MANAGER);
        long opened = System.nanoTime();
        open("?from=1990-01-01&to=1990-12-31");
        assertThat(figures()).containsEntry("handoffs.sent", "3").containsEntry("repeat-purchases.buyers", "2");
        // written without signals (the fixture's JDBC); then one handoff signal, as HandoffService sends it
        LeadId lead = data.lead(y.channelB(), rome("1990-08-08T10:00:00"), y.marketer().id());
        data.handoff(lead, y.marketer().id(), y.seller().id(), "PENDING", rome("1990-08-09T10:00:00"), null, null);
        data.purchase(lead, "1990-08-10", "10.00");
        events.publish(app.ponte.handoff.HandoffService.TOPIC, lead.value());

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            settle();
            return "4".equals(figures().get("handoffs.sent"));
        });
        assertThat(Duration.ofNanos(System.nanoTime() - opened)).as("at most one refresh per 5 s")
                .isGreaterThanOrEqualTo(DashboardView.REFRESH_WINDOW.minusMillis(100));
        assertThat(figures()).as("the buyers are not fed by handoffs: not read again")
                .containsEntry("repeat-purchases.buyers", "2");
    }

    /** Waits (polling the pushed updates) until the figure reads {@code value}. */
    private void awaitFigure(String metric, String value) {
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            settle();
            return value.equals(figures().get(metric));
        });
    }

    @Test
    void logging_an_interaction_reloads_the_reps_and_not_the_funnel() {
        Year y = year(1994);
        signIn("db-call", Role.MANAGER);
        open("?from=1994-01-01&to=1994-12-31");
        String calls = "reps." + y.seller().username() + ".interactions";
        assertThat(figures()).containsEntry(calls, "2").containsEntry("funnel.cohort", "4");
        // written without a signal: the funnel (and the tiles repeating it) would count it if read again
        LeadId quiet = data.lead(y.channelB(), rome("1994-08-08T10:00:00"), y.marketer().id());
        interactions.log(new app.ponte.interaction.NewInteraction(quiet, InteractionType.CALL,
                rome("1994-08-09T10:00:00"), false, y.seller().id(), null, 3, null, null));

        awaitFigure(calls, "3");
        assertThat(figures()).as("the funnel is not fed by interactions: not read again")
                .containsEntry("funnel.cohort", "4")
                .containsEntry("reps." + y.seller().username() + ".interactionsByType.CALL", "2");
    }

    @Test
    void a_purchase_and_a_months_spend_reload_the_buyers_and_the_channels_and_not_the_funnel() {
        Year y = year(1996);
        signIn("db-buy", Role.MANAGER);
        open("?from=1996-01-01&to=1996-12-31");
        String spend = "channels." + y.channelB() + ".spend";
        assertThat(figures()).containsEntry("repeat-purchases.repeat", "1").containsEntry("funnel.cohort", "4");
        data.lead(y.channelB(), rome("1996-08-08T10:00:00"), y.marketer().id());
        purchases.record(new app.ponte.purchase.NewPurchase(y.won(), LocalDate.of(1996, 10, 1),
                new BigDecimal("50.00"), null));
        purchases.setSpend(y.channelB(), java.time.YearMonth.of(1996, 6), new BigDecimal("120.00"));

        awaitFigure("repeat-purchases.repeat", "2");
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            settle();
            return new BigDecimal(figures().get(spend)).compareTo(new BigDecimal("120")) == 0;
        });
        assertThat(figures()).as("the funnel is not fed by purchases or spend").containsEntry("funnel.cohort", "4");
    }

    /** Every figure of the dashboard equals the same path of the API's JSON for the page's period and channel. */
    @Test
    @Tag("persistence")
    void every_figure_is_the_api_figure_for_the_same_period() throws Exception {
        Year y = year(2007);
        UserSummary manager = signIn("db-one", Role.MANAGER);
        Set<String> endpoints = new TreeSet<>();
        int compared = 0;
        for (String query : List.of("?from=2007-01-01&to=2007-12-31", "?from=2007-01-01&to=2007-12-31&channel="
                + y.channelA(), "?from=2007-02-01&to=2007-04-30")) {
            login(manager.username(), Role.MANAGER);
            open(query);
            Map<String, String> root = new HashMap<>();
            for (String name : List.of("data-from", "data-to", "data-channel", "data-as-of", "data-stalled-days")) {
                root.put(name, root().getAttribute(name));
            }
            String bucket = elements(root()).filter(e -> e.hasAttr("data-bucket")).findFirst()
                    .map(e -> e.attr("data-bucket")).orElse(null);
            Map<String, String> figures = figures();
            assertThat(figures).containsKeys("funnel.cohort", "reps." + y.seller().username() + ".won");
            Map<String, JsonNode> answers = new HashMap<>();
            for (var figure : figures.entrySet()) {
                String endpoint = MetricPaths.endpoint(figure.getKey());
                String url = MetricPaths.url(endpoint, root, bucket);
                JsonNode answer = answers.computeIfAbsent(url, u -> api(u, manager.username()));
                JsonNode value = MetricPaths.walk(answer, figure.getKey());
                assertThat(MetricPaths.same(value, figure.getValue()))
                        .as("%s (%s): page %s, API %s", figure.getKey(), query, figure.getValue(), value).isTrue();
                endpoints.add(endpoint);
                compared++;
            }
        }
        assertThat(endpoints).containsExactlyInAnyOrder("funnel", "stage-durations", "time-to-customer", "reps",
                "marketers", "handoffs", "channels", "repeat-purchases", "volume", "stalled");
        assertThat(compared).isGreaterThan(200);
    }

    private JsonNode api(String url, String username) {
        try {
            String body = mvc.perform(get(url).with(httpBasic(username, TestUsers.PASSWORD)))
                    .andReturn().getResponse().getContentAsString();
            return MetricPaths.read(body);
        } catch (Exception e) {
            throw new AssertionError(url, e);
        }
    }
}
