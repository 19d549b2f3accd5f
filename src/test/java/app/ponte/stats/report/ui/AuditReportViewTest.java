package app.ponte.stats.report.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.ponte.KaribuTest;
import app.ponte.base.ui.CsvDownload;
import app.ponte.TestUsers;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import app.ponte.stats.StatsFixture;
import app.ponte.stats.report.AuditReportService;
import app.ponte.stats.ui.SectionLoader;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import app.ponte.base.ui.AccessDeniedView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadStatus;
import app.ponte.interaction.InteractionType;

/** The audit report page: every section on data and on an empty period, a failing section, roles, one number. */
class AuditReportViewTest extends KaribuTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    StatsFixture fixture;
    @Autowired
    SectionLoader loader;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    /**
     * A year of audit data in {@code year} (one no other test writes in, after the stalled tests' 1985): leads,
     * a win, a loss, handoffs, purchases.
     */
    private UserSummary auditData(int year) {
        String a = fixture.channel(StatsFixture.prefix() + "_A", "ONLINE");
        String b = fixture.channel(StatsFixture.prefix() + "_B", "OFFLINE");
        UserSummary rep = testUsers.create("audit-rep", Role.SALES);
        UserSummary marketer = testUsers.create("audit-mkt", Role.MARKETING);
        List<LeadId> leads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String createdAt = String.format("%d-%02d-10T10:00:00", year, 1 + i);
            leads.add(fixture.lead(i % 3 == 0 ? b : a, StatsFixture.rome(createdAt), marketer.id(), marketer.id(),
                    new java.math.BigDecimal("1500.00")));
        }
        fixture.win(leads.get(0), StatsFixture.rome(year + "-03-01T12:00:00"), rep.id());
        fixture.win(leads.get(1), StatsFixture.rome(year + "-04-20T12:00:00"), rep.id());
        fixture.move(leads.get(2), LeadStatus.MQL, StatsFixture.rome(year + "-04-01T09:00:00"), marketer.id());
        fixture.move(leads.get(2), LeadStatus.SQL, StatsFixture.rome(year + "-04-02T09:00:00"), rep.id());
        fixture.move(leads.get(2), LeadStatus.LOST, StatsFixture.rome(year + "-04-03T09:00:00"), rep.id());
        fixture.move(leads.get(3), LeadStatus.MQL, StatsFixture.rome(year + "-05-01T09:00:00"), marketer.id());
        fixture.interaction(leads.get(0), rep.id(), InteractionType.CALL, StatsFixture.rome(year + "-02-15T10:00:00"), 4);
        fixture.handoff(leads.get(0), marketer.id(), rep.id(), "ACCEPTED", StatsFixture.rome(year + "-02-01T10:00:00"),
                StatsFixture.rome(year + "-02-01T15:00:00"), null);
        fixture.handoff(leads.get(1), marketer.id(), rep.id(), "ACCEPTED", StatsFixture.rome(year + "-03-01T10:00:00"),
                StatsFixture.rome(year + "-03-02T10:00:00"), null);
        fixture.handoff(leads.get(4), marketer.id(), rep.id(), "REJECTED", StatsFixture.rome(year + "-06-01T10:00:00"),
                StatsFixture.rome(year + "-06-01T11:00:00"), "NOT_A_FIT");
        fixture.purchase(leads.get(0), year + "-03-05", "1200.00");
        fixture.purchase(leads.get(0), year + "-07-05", "800.00");
        fixture.purchase(leads.get(1), year + "-05-05", "999.50");
        fixture.spend(a, year + "-02", "3000.00");
        return testUsers.create("audit-mgr", Role.MANAGER);
    }

    private AuditReportView open(String query) throws Exception {
        UI.getCurrent().navigate("reports/audit", QueryParameters.fromString(query));
        settle();
        return _get(AuditReportView.class);
    }

    private void settle() throws Exception {
        loader.awaitIdle(Duration.ofSeconds(60));
        MockVaadin.clientRoundtrip(false);
    }

    private static String sentence(String key) {
        return _get(Paragraph.class, spec -> spec.withId("audit-sentence-" + key)).getText();
    }

    @Test
    void every_section_renders_its_sentence_chart_and_tables_on_a_year_of_data() throws Exception {
        UserSummary manager = auditData(1986);
        login(manager.username(), Role.MANAGER);
        AuditReportView view = open("from=1986-01-01&to=1986-12-31");

        assertThat(view.page().getElement().getAttribute("data-ready")).isEqualTo("true");
        assertThat(view.page().getElement().getAttribute("data-from")).isEqualTo("1986-01-01");
        for (String key : AuditReportService.SECTIONS) {
            var paragraph = _get(Paragraph.class, spec -> spec.withId("audit-sentence-" + key));
            assertThat(paragraph.getClassNames()).as(key).contains("ponte-audit-sentence");
            assertThat(_find(Button.class, spec -> spec.withId("section-" + key + "-retry"))).as(key).isEmpty();
        }
        assertThat(sentence("funnel")).startsWith("Of 8 leads created from Jan 1, 1986 to Dec 31, 1986, 50%"
                + " became marketing-qualified");
        assertThat(sentence("capacity")).startsWith("Each salesperson received");
        assertThat(_get(Paragraph.class, spec -> spec.withId("audit-formula-capacity")).getText())
                .contains("Handoffs received per salesperson per month = handoffs received (3)");
        assertThat(_get(Anchor.class, spec -> spec.withId("audit-pdf")).getHref())
                .isEqualTo("reports/audit.pdf?from=1986-01-01&to=1986-12-31");
        assertThat(view.page().getElement().toString()).contains("data-bucket=\"month\"");
        // a count links to the list of exactly those records
        Element cohort = metrics(view).get("funnel.cohort");
        assertThat(cohort.getAttribute("href")).isEqualTo("leads?from=1986-01-01&to=1986-12-31");
        assertThat(cohort.getAttribute("data-value")).isEqualTo("8");
        // each table downloads as CSV with the unrounded values the page rounds
        var out = new java.io.ByteArrayOutputStream();
        _get(CsvDownload.class, spec -> spec.withId("audit-csv-volume")).writeTo(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("start,leads,mqls,won\r\n1986-01-01,1,0,0\r\n"
                + "1986-02-01,1,0,0\r\n1986-03-01,1,1,1\r\n");
        out.reset();
        _get(CsvDownload.class, spec -> spec.withId("audit-csv-funnel")).writeTo(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("MQL,4,0.5\r\n");
    }

    @Test
    void an_empty_period_shows_an_empty_state_in_every_section_never_an_error() throws Exception {
        UserSummary manager = testUsers.create("audit-mgr", Role.MANAGER);
        login(manager.username(), Role.MANAGER);
        AuditReportView view = open("from=1961-01-01&to=1961-12-31");

        assertThat(view.page().getElement().getAttribute("data-ready")).isEqualTo("true");
        for (String key : AuditReportService.SECTIONS) {
            var paragraph = _get(Paragraph.class, spec -> spec.withId("audit-sentence-" + key));
            assertThat(paragraph.getClassNames()).as(key).contains("ponte-empty-state");
            assertThat(_find(Button.class, spec -> spec.withId("section-" + key + "-retry"))).as(key).isEmpty();
        }
        assertThat(sentence("volume")).isEqualTo("No leads in this period.");
        assertThat(sentence("funnel")).isEqualTo("No leads in this period.");
    }

    @Test
    void a_section_that_fails_shows_its_error_while_the_others_render() throws Exception {
        UserSummary manager = auditData(1987);
        String gone = fixture.channel(StatsFixture.prefix() + "_GONE", "ONLINE");
        login(manager.username(), Role.MANAGER);
        AuditReportView view = open("from=1987-01-01&to=1987-12-31&channel=" + gone);
        assertThat(_find(Button.class, spec -> spec.withId("section-funnel-retry"))).isEmpty();

        // the channel is removed while the page is open: the funnel sections, which filter by it, now fail
        jdbc.sql("delete from channel where code = :code").param("code", gone).update();
        view.page().reloadAll();
        settle();

        assertThat(_find(Button.class, spec -> spec.withId("section-funnel-retry"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("section-breaks-retry"))).hasSize(1);
        for (String key : List.of("volume", "time", "channels", "capacity", "members", "repeat")) {
            assertThat(_find(Paragraph.class, spec -> spec.withId("audit-sentence-" + key))).as(key).hasSize(1);
            assertThat(_find(Button.class, spec -> spec.withId("section-" + key + "-retry"))).as(key).isEmpty();
        }
        assertThat(view.page().getElement().getAttribute("data-ready")).isEqualTo("true");
    }

    @Test
    void marketing_and_sales_cannot_open_the_report() {
        UserSummary marketer = testUsers.create("audit-m", Role.MARKETING);
        login(marketer.username(), Role.MARKETING);
        UI.getCurrent().navigate("reports/audit");
        assertThat(_find(AuditReportView.class)).isEmpty();
        _get(AccessDeniedView.class);
        UserSummary sales = testUsers.create("audit-s", Role.SALES, Role.MARKETING);
        login(sales.username(), Role.SALES, Role.MARKETING);
        UI.getCurrent().navigate("reports/audit");
        assertThat(_find(AuditReportView.class)).isEmpty();
        _get(AccessDeniedView.class);
    }

    @Test
    void every_figure_on_the_report_equals_the_same_path_of_the_api() throws Exception {
        UserSummary manager = auditData(1988);
        login(manager.username(), Role.MANAGER);
        AuditReportView view = open("from=1988-01-01&to=1988-12-31");
        String asOf = view.page().getElement().getAttribute("data-as-of");

        Map<String, Element> figures = metrics(view);
        assertThat(figures).hasSizeGreaterThan(60);
        Map<String, JsonNode> endpoints = new LinkedHashMap<>();
        List<String> differences = new ArrayList<>();
        for (var entry : figures.entrySet()) {
            String metric = entry.getKey();
            String endpoint = metric.substring(0, metric.indexOf('.'));
            JsonNode json = endpoints.computeIfAbsent(endpoint, e -> api(e, "1988-01-01", "1988-12-31", asOf,
                    manager.username()));
            JsonNode expected = walk(endpoint, json, metric.substring(endpoint.length() + 1));
            JsonNode shown = JSON.readTree(entry.getValue().getAttribute("data-value"));
            if (!sameValue(expected, shown)) {
                differences.add(metric + ": page " + shown + ", API " + expected);
            }
        }
        assertThat(differences).isEmpty();
    }

    /** Every element with a {@code data-metric} on the page, by metric (each metric appears with one value). */
    static Map<String, Element> metrics(AuditReportView view) {
        Map<String, Element> found = new LinkedHashMap<>();
        collect(view.page().getElement(), found);
        return found;
    }

    private static void collect(Element element, Map<String, Element> found) {
        if (element.hasAttribute("data-metric")) {
            Element before = found.put(element.getAttribute("data-metric"), element);
            if (before != null) {
                assertThat(element.getAttribute("data-value")).as(element.getAttribute("data-metric"))
                        .isEqualTo(before.getAttribute("data-value"));
            }
        }
        element.getChildren().forEach(child -> collect(child, found));
    }

    private JsonNode api(String endpoint, String from, String to, String asOf, String username) {
        String url = "/api/stats/" + endpoint + "?from=" + from + "&to=" + to
                + switch (endpoint) {
                    case "volume" -> "&bucket=month";
                    case "handoffs" -> "&asOf=" + asOf;
                    default -> "";
                };
        try {
            var response = mvc.perform(get(url).with(httpBasic(username, TestUsers.PASSWORD))).andReturn().getResponse();
            assertThat(response.getStatus()).as(url).isEqualTo(200);
            return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(url, e);
        }
    }

    /**
     * A small walker of dashboards.md's paths: a top-level key repeating the endpoint is left out, an array
     * element is named by its natural key (status, channel, username, start).
     */
    static JsonNode walk(String endpoint, JsonNode json, String path) {
        JsonNode node = json;
        if (node.has(endpoint) && !path.startsWith(endpoint + ".")) {
            node = node.get(endpoint);
        }
        for (String part : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            if (node.isArray()) {
                JsonNode match = null;
                for (JsonNode element : node) {
                    for (String key : List.of("status", "channel", "username", "start")) {
                        if (element.has(key) && part.equals(element.get(key).asString())) {
                            match = element;
                        }
                    }
                }
                node = match;
            } else {
                node = node.get(part);
            }
        }
        return node;
    }

    private static boolean sameValue(JsonNode expected, JsonNode shown) {
        if (expected == null || shown == null) {
            return false;
        }
        if (expected.isNumber() && shown.isNumber()) {
            return expected.decimalValue().compareTo(shown.decimalValue()) == 0;
        }
        return expected.equals(shown);
    }

}
