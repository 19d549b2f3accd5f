package app.ponte.lead.ui;

import app.ponte.base.ui.StatusMessages;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.TestUsers;
import app.ponte.base.ui.CsvDownload;
import app.ponte.lead.BridgeStage;
import app.ponte.lead.Channel;
import app.ponte.lead.LeadFilter;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadSort;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.LeadSummary;
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusMove;
import app.ponte.security.Role;
import app.ponte.security.UserId;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lead list: filters, filters in the URL, and creating a lead from it. */
class LeadsViewTest extends KaribuTest {

    @Autowired
    LeadService leadService;

    private UserSummary signIn(String prefix, Role... roles) {
        UserSummary user = testUsers.create(prefix, roles);
        login(user.username(), roles);
        return user;
    }

    private LeadId lead(String name, String company, String email) {
        return leadService.create(new NewLead(name, company, email, null, "WEBSITE", null, null, null));
    }

    private void moveToMql(LeadId id) {
        leadService.move(id, StatusMove.to(LeadStatus.MQL, leadService.get(id).orElseThrow().version()));
    }

    @SuppressWarnings("unchecked")
    private Grid<LeadSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("leads-grid"));
    }

    private List<String> names() {
        Grid<LeadSummary> grid = grid();
        return java.util.stream.IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i).name()).toList();
    }

    private TextField search() {
        return _get(TextField.class, spec -> spec.withId("leads-search"));
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> comboBox(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    private LeadDialog openDialog() {
        _click(_get(Button.class, spec -> spec.withId("leads-new")));
        return _get(LeadDialog.class);
    }

    private static Channel website(LeadDialog dialog) {
        return dialog.channel.getListDataView().getItems().filter(c -> c.code().equals("WEBSITE")).findFirst()
                .orElseThrow();
    }

    private void clickSave() {
        _click(_get(Button.class, spec -> spec.withId("lead-save")));
    }

    @Test
    void a_drill_down_link_says_why_the_list_is_narrowed_counts_it_and_a_chip_clears_it() {
        signIn("grid-drill", Role.MANAGER);
        String tag = TestUsers.uniqueName("drill");
        LeadId qualified = lead("Qualified " + tag, null, null);
        moveToMql(qualified);
        lead("Fresh " + tag, null, null);

        UI.getCurrent().navigate("leads", QueryParameters.fromString("q=" + tag + "&reached=MQL"));

        assertThat(names()).containsExactly("Qualified " + tag);
        assertThat(_get(Span.class, spec -> spec.withId("leads-narrowing-reached")).getText()).isEqualTo("reached MQL");
        assertThat(_get(Span.class, spec -> spec.withId("leads-count")).getText()).isEqualTo("1 lead");

        _click(_get(Button.class, spec -> spec.withId("leads-narrowing-clear-reached")));

        assertThat(names()).hasSize(2);
        assertThat(_get(LeadsView.class).filter().reached()).isNull();
        assertThat(_get(LeadsView.class).filter().text()).isEqualTo(tag);
        assertThat(_find(Span.class, spec -> spec.withId("leads-narrowing-reached"))).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("leads-count")).getText()).isEqualTo("2 leads");
    }

    @Test
    void the_whole_list_is_not_counted() {
        signIn("grid-nocount", Role.MARKETING);
        UI.getCurrent().navigate("leads");
        // Karibu finds visible components only
        assertThat(_find(Span.class, spec -> spec.withId("leads-count"))).isEmpty();
        assertThat(_find(com.vaadin.flow.component.orderedlayout.HorizontalLayout.class,
                spec -> spec.withId("leads-narrowing"))).isEmpty();
    }

    @Test
    void searching_by_text_shows_only_matching_leads() {
        signIn("grid-mkt", Role.MARKETING);
        String tag = TestUsers.uniqueName("acme");
        lead("Anna " + tag, null, null);
        lead("Bruno", "Company " + tag, null);
        lead("Carla " + TestUsers.uniqueName("other"), null, null);
        UI.getCurrent().navigate("leads");

        _setValue(search(), tag);

        assertThat(names()).containsExactlyInAnyOrder("Anna " + tag, "Bruno");
        assertThat(_get(LeadsView.class).filter().text()).isEqualTo(tag);
    }

    @Test
    void filtering_by_status_shows_only_those_leads() {
        signIn("grid-mkt", Role.MARKETING);
        String tag = TestUsers.uniqueName("status");
        lead("Stays new " + tag, null, null);
        LeadId qualified = lead("Qualified " + tag, null, null);
        moveToMql(qualified);
        UI.getCurrent().navigate("leads");
        _setValue(search(), tag);

        _setValue(comboBox("leads-status"), LeadStatus.MQL);

        assertThat(names()).containsExactly("Qualified " + tag);
        assertThat(_getFormatted(grid(), 0, "stage")).isEqualTo("Consideration");
    }

    @Test
    void only_mine_hides_the_leads_of_others() {
        UserSummary marketer = testUsers.create("grid-other", Role.MARKETING);
        signIn("grid-mgr", Role.MANAGER);
        String tag = TestUsers.uniqueName("mine");
        lead("Mine " + tag, null, null);
        leadService.create(new NewLead("Theirs " + tag, null, null, null, "WEBSITE", null, null, marketer.id()));
        UI.getCurrent().navigate("leads");
        _setValue(search(), tag);
        assertThat(names()).hasSize(2);

        _setValue(_get(Checkbox.class, spec -> spec.withId("leads-mine")), true);

        assertThat(names()).containsExactly("Mine " + tag);
        assertThat(_get(LeadsView.class).filter().onlyMine()).isTrue();
    }

    @Test
    void a_row_shows_the_stage_the_owner_and_the_expected_value_with_two_decimals() {
        UserSummary me = signIn("grid-mkt", Role.MARKETING);
        String tag = TestUsers.uniqueName("row");
        leadService.create(new NewLead("Valued " + tag, null, null, null, "WEBSITE", null, new BigDecimal("1234.5"),
                null));
        UI.getCurrent().navigate("leads");
        _setValue(search(), tag);

        assertThat(_size(grid())).isEqualTo(1);
        assertThat(_getFormatted(grid(), 0, "stage")).isEqualTo("Awareness");
        assertThat(_getFormatted(grid(), 0, LeadSort.OWNER.name())).isEqualTo(me.fullName());
        assertThat(_getFormatted(grid(), 0, LeadSort.CHANNEL.name())).isEqualTo("Website");
        assertThat(_getFormatted(grid(), 0, LeadSort.DAYS_IN_STATUS.name())).isEqualTo("0");
        assertThat(_getFormatted(grid(), 0, LeadSort.EXPECTED_VALUE.name())).isEqualTo("1,234.50");
        assertThat(_getFormatted(grid(), 0, LeadSort.LAST_INTERACTION.name())).isEmpty();
    }

    @Test
    void an_italian_user_sees_the_channels_italian_name_in_the_grid_and_the_filter_never_its_code() {
        signIn("grid-it", Role.MARKETING);
        String tag = TestUsers.uniqueName("fiera");
        leadService.create(new NewLead("Fair " + tag, null, null, null, "TRADE_FAIR", null, null, null));
        UI.getCurrent().setLocale(java.util.Locale.ITALIAN);
        UI.getCurrent().navigate("leads");
        _setValue(search(), tag);

        assertThat(_size(grid())).isEqualTo(1);
        assertThat(_getFormatted(grid(), 0, LeadSort.CHANNEL.name())).isEqualTo("Fiere");
        List<String> cells = grid().getColumns().stream().filter(c -> c.getKey() != null)
                .map(c -> _getFormatted(grid(), 0, c.getKey())).toList();
        assertThat(cells).noneMatch(text -> text.matches(".*[A-Z]+_[A-Z_]+.*"));

        ComboBox<String> filter = comboBox("leads-channel");
        List<String> labels = filter.getListDataView().getItems().map(filter.getItemLabelGenerator()::apply).toList();
        assertThat(labels).contains("Fiere", "Passaparola", "Sito web").noneMatch(l -> l.matches("[A-Z]+_[A-Z_]+"));
        _setValue(filter, "TRADE_FAIR");
        assertThat(names()).containsExactly("Fair " + tag);
    }

    @Test
    void a_link_with_filters_opens_the_list_filtered() {
        signIn("grid-mkt", Role.MARKETING);
        String tag = TestUsers.uniqueName("link");
        lead("Still new " + tag, null, null);
        LeadId qualified = lead("Linked " + tag, null, null);
        moveToMql(qualified);

        UI.getCurrent().navigate("leads", QueryParameters.simple(Map.of("status", "MQL", "q", tag)));

        assertThat(search().getValue()).isEqualTo(tag);
        assertThat(comboBox("leads-status").getValue()).isEqualTo(LeadStatus.MQL);
        assertThat(names()).containsExactly("Linked " + tag);
    }

    @Test
    void changing_a_filter_puts_it_in_the_link() {
        signIn("grid-mkt", Role.MARKETING);
        UI.getCurrent().navigate("leads", QueryParameters.simple(Map.of("status", "MQL", "q", "xyz")));
        LeadsView view = _get(LeadsView.class);
        assertThat(view.filter().status()).isEqualTo(LeadStatus.MQL);
        assertThat(replacedUrls()).as("reading the link writes no new one").isEmpty();

        _setValue(comboBox("leads-stage"), BridgeStage.CONSIDERATION);

        Map<String, List<String>> parameters = LeadLinks.toParameters(view.filter()).getParameters();
        assertThat(parameters).containsEntry("stage", List.of("CONSIDERATION"))
                .containsEntry("status", List.of("MQL")).containsEntry("q", List.of("xyz"));
        assertThat(replacedUrls()).hasSize(1).first().satisfies(url -> {
            assertThat(url).startsWith("leads?");
            assertThat(QueryParameters.fromString(url.substring("leads?".length())).getParameters())
                    .isEqualTo(parameters);
        });

        _setValue(comboBox("leads-status"), null);

        assertThat(LeadLinks.toParameters(view.filter()).getParameters()).doesNotContainKey("status");
        assertThat(replacedUrls()).singleElement().asString().doesNotContain("status");
    }

    /** The URLs the view put in place of the current history entry since the last call. */
    private static List<String> replacedUrls() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(p -> p.getInvocation())
                .filter(i -> i.getExpression().contains("vaadin-navigate") && i.getExpression().contains("replace: true"))
                .map(i -> String.valueOf(i.getParameters().get(1)))
                .toList();
    }

    @Test
    void creating_a_lead_through_the_dialog_opens_its_page() {
        UserSummary me = signIn("grid-mkt", Role.MARKETING);
        String name = TestUsers.uniqueName("Created");
        UI.getCurrent().navigate("leads");
        LeadDialog dialog = openDialog();
        assertThat(_find(ComboBox.class, spec -> spec.withId("lead-owner"))).isEmpty();

        _setValue(dialog.name, name);
        _setValue(dialog.company, "Rossi Srl");
        _setValue(dialog.channel, website(dialog));
        _setValue(dialog.expectedValue, new BigDecimal("500"));
        clickSave();

        StatusMessages.expect("Lead " + name + " created");
        assertThat(_find(LeadDialog.class)).isEmpty();
        LeadView page = _get(LeadView.class);
        assertThat(page.lead().name()).isEqualTo(name);
        assertThat(page.lead().company()).isEqualTo("Rossi Srl");
        assertThat(page.lead().owner().username()).isEqualTo(me.username());
        assertThat(page.lead().status()).isEqualTo(LeadStatus.NEW);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("leads/" + page.lead().id().value());
    }

    @Test
    void a_manager_may_give_the_new_lead_to_a_colleague() {
        UserSummary seller = testUsers.create("grid-seller", Role.SALES);
        signIn("grid-mgr", Role.MANAGER);
        String name = TestUsers.uniqueName("Given");
        UI.getCurrent().navigate("leads");
        LeadDialog dialog = openDialog();

        _setValue(dialog.name, name);
        _setValue(dialog.channel, website(dialog));
        _setValue(dialog.owner, dialog.owner.getListDataView().getItems()
                .filter(u -> u.id().equals(seller.id())).findFirst().orElseThrow());
        clickSave();

        assertThat(_get(LeadView.class).lead().owner().username()).isEqualTo(seller.username());
    }

    @Test
    void a_lead_without_a_name_is_refused_beside_the_name_and_nothing_is_stored() {
        signIn("grid-mkt", Role.MARKETING);
        String company = TestUsers.uniqueName("Nameless");
        UI.getCurrent().navigate("leads");
        LeadDialog dialog = openDialog();

        _setValue(dialog.company, company);
        _setValue(dialog.channel, website(dialog));
        clickSave();

        _expectInvalid(dialog.name, "Enter the lead's name.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(leadService.find(new LeadFilter(company, null, null, null, null, false, null, null),
                LeadSort.CREATED_AT, false, 0, 10)).isEmpty();
    }

    @Test
    void a_malformed_email_is_refused_beside_the_email() {
        signIn("grid-mkt", Role.MARKETING);
        String name = TestUsers.uniqueName("Bad mail");
        UI.getCurrent().navigate("leads");
        LeadDialog dialog = openDialog();

        _setValue(dialog.name, name);
        _setValue(dialog.email, "not-an-address");
        _setValue(dialog.channel, website(dialog));
        clickSave();

        _expectInvalid(dialog.email, "Enter a valid e-mail address.");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void a_known_email_is_warned_about_and_created_only_on_the_second_click() {
        signIn("grid-mkt", Role.MARKETING);
        String email = TestUsers.uniqueName("twice") + "@example.com";
        String first = TestUsers.uniqueName("First");
        lead(first, null, email);
        String second = TestUsers.uniqueName("Second");
        UI.getCurrent().navigate("leads");
        LeadDialog dialog = openDialog();
        assertThat(_find(Div.class, spec -> spec.withId("lead-duplicate-warning"))).isEmpty();

        _setValue(dialog.name, second);
        _setValue(dialog.email, email.toUpperCase(java.util.Locale.ROOT));
        _setValue(dialog.channel, website(dialog));
        clickSave();

        Div warning = _get(Div.class, spec -> spec.withId("lead-duplicate-warning"));
        assertThat(warning.getElement().getTextRecursively()).contains(first);
        assertThat(dialog.saveButton.getText()).isEqualTo("Create anyway");
        assertThat(leadService.withEmail(email)).hasSize(1);
        assertThat(dialog.isOpened()).isTrue();

        clickSave();

        StatusMessages.expect("Lead " + second + " created");
        assertThat(leadService.withEmail(email)).extracting(LeadSummary::name).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void a_salesperson_sees_the_list_but_no_new_lead_button() {
        signIn("grid-sales", Role.SALES);
        UI.getCurrent().navigate("leads");

        assertThat(_find(LeadsView.class)).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("leads-new"))).isEmpty();
    }

    @Test
    void the_owner_filter_offers_each_possible_owner_once() {
        UserSummary both = testUsers.create("grid-both", Role.MARKETING, Role.SALES);
        UserSummary admin = testUsers.create("grid-admin", Role.ADMIN);
        signIn("grid-mkt", Role.MARKETING);
        UI.getCurrent().navigate("leads", QueryParameters.simple(Map.of("owner", Long.toString(both.id().value()))));

        ComboBox<UserSummary> owner = comboBox("leads-owner");
        List<UserId> offered = owner.getListDataView().getItems().map(UserSummary::id).toList();
        assertThat(offered).containsOnlyOnce(both.id()).doesNotContain(admin.id());
        assertThat(owner.getValue().id()).isEqualTo(both.id());
        assertThat(_get(LeadsView.class).filter().owner()).isEqualTo(both.id());
    }

    @Test
    void the_export_link_downloads_the_leads_the_filtered_list_shows() {
        signIn("lv-export", Role.MARKETING);
        String tag = TestUsers.uniqueName("lv-export");
        lead("=HYPERLINK(\"x\")", tag, null);
        moveToMql(lead("Qualified " + tag, null, null));
        lead("Other " + tag, null, null);
        UI.getCurrent().navigate("leads", QueryParameters.simple(Map.of("q", tag)));
        _setValue(comboBox("leads-status"), LeadStatus.NEW);

        CsvDownload export = _get(CsvDownload.class, spec -> spec.withId("leads-export"));
        assertThat(export.getText()).isEqualTo("Export CSV");
        assertThat(export.fileName()).matches("leads-\\d{4}-\\d{2}-\\d{2}\\.csv");
        var out = new java.io.ByteArrayOutputStream();
        export.writeTo(out);
        List<String> rows = out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(rows.getFirst()).isEqualTo(
                "external_id,created_at,created_by,owner,name,company,email,phone,channel,intent,value");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains(",\"'=HYPERLINK(\"\"x\"\")\"," + tag + ",");
        assertThat(rows.get(2)).contains(",Other " + tag + ",");
    }

    @Test
    void the_filters_button_counts_the_filters_in_use_and_opens_them() {
        signIn("lv-filters", Role.MARKETING);
        UI.getCurrent().navigate("leads", QueryParameters.simple(Map.of("status", "MQL", "stage", "AWARENESS")));
        LeadsView view = _get(LeadsView.class);
        assertThat(view.filtersToggle.getText()).isEqualTo("Filters");
        assertThat(view.filtersToggle.count()).isEqualTo("2");
        assertThat(_get(Span.class, spec -> spec.withId("leads-filters-toggle-count")).getElement()
                .getAttribute("aria-label")).isEqualTo("2 filters in use");

        _setValue(_get(Checkbox.class, spec -> spec.withId("leads-mine")), true);
        assertThat(view.filtersToggle.count()).isEqualTo("3");
        _setValue(comboBox("leads-status"), null);
        _setValue(comboBox("leads-stage"), null);
        _setValue(_get(Checkbox.class, spec -> spec.withId("leads-mine")), false);
        assertThat(view.filtersToggle.count()).isEmpty();

        // narrow screens hide the bar (layout.css) until the button opens it
        assertThat(view.filters.hasClassName("ponte-filters")).isTrue();
        assertThat(view.filtersToggle.isOpen()).isFalse();
        _click(view.filtersToggle);
        assertThat(view.filters.hasClassName("ponte-filters-open")).isTrue();
        _click(view.filtersToggle);
        assertThat(view.filtersToggle.isOpen()).isFalse();
    }
}
