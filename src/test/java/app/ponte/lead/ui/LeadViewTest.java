package app.ponte.lead.ui;

import app.ponte.base.ui.StatusMessages;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.TestUsers;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadChanges;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusMove;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lead page: edit, where it stands on the bridge, its path, moves and concurrent edits. */
class LeadViewTest extends KaribuTest {

    @Autowired
    LeadService leads;

    private UserSummary marketer;

    private LeadId leadAsMarketer(String name) {
        marketer = testUsers.create("lv-mkt", Role.MARKETING);
        login(marketer.username(), Role.MARKETING);
        return leads.create(new NewLead(name, "Bianchi Spa", "info@bianchi.example", null, "TRADE_FAIR",
                Intent.NAVIGATIONAL, null, null));
    }

    private LeadView open(LeadId id) {
        UI.getCurrent().navigate("leads/" + id.value());
        return _get(LeadView.class);
    }

    @Test
    void editing_a_field_and_saving_stores_it() {
        LeadId id = leadAsMarketer(TestUsers.uniqueName("Edit"));
        LeadView view = open(id);
        _setValue(view.company, "Bianchi & Figli Spa");
        _click(_get(Button.class, spec -> spec.withId("lead-save")));
        StatusMessages.expect("Lead saved");
        assertThat(leads.get(id).orElseThrow().company()).isEqualTo("Bianchi & Figli Spa");
    }

    @Test
    void a_bad_email_is_shown_beside_the_field_and_nothing_is_stored() {
        LeadId id = leadAsMarketer(TestUsers.uniqueName("BadMail"));
        LeadView view = open(id);
        _setValue(view.email, "not-an-address");
        _click(_get(Button.class, spec -> spec.withId("lead-save")));
        _expectInvalid(view.email, "Enter a valid e-mail address.");
        assertThat(leads.get(id).orElseThrow().email()).isEqualTo("info@bianchi.example");
    }

    @Test
    void a_save_after_someone_else_saved_asks_to_reload_or_keep_mine() {
        LeadId id = leadAsMarketer(TestUsers.uniqueName("Conflict"));
        LeadView view = open(id);
        LeadDetails read = view.lead();
        // a colleague saves first
        leads.update(id, new LeadChanges(read.name(), "Changed by a colleague", read.email(), null, read.channelCode(),
                read.intent(), null, null, read.version()));
        _setValue(view.company, "My company name");
        _click(_get(Button.class, spec -> spec.withId("lead-save")));
        ConfirmDialog conflict = _get(ConfirmDialog.class, spec -> spec.withId("lead-conflict"));
        assertThat(conflict.isOpened()).isTrue();
        assertThat(leads.get(id).orElseThrow().company()).isEqualTo("Changed by a colleague");

        view.keepMine();
        assertThat(leads.get(id).orElseThrow().company()).isEqualTo("My company name");
    }

    @Test
    void reloading_after_a_conflict_shows_the_other_version() {
        LeadId id = leadAsMarketer(TestUsers.uniqueName("Reload"));
        LeadView view = open(id);
        LeadDetails read = view.lead();
        leads.update(id, new LeadChanges(read.name(), "Their company", read.email(), null, read.channelCode(),
                read.intent(), null, null, read.version()));
        _setValue(view.company, "Mine");
        view.save();
        view.reload();
        assertThat(view.company.getValue()).isEqualTo("Their company");
    }

    @Test
    void losing_a_lead_from_its_page_asks_why_and_shows_where_it_fell() {
        LeadId id = leadAsMarketer(TestUsers.uniqueName("Lose"));
        leads.move(id, StatusMove.to(LeadStatus.MQL, leads.get(id).orElseThrow().version()));
        LeadView view = open(id);
        _click(_get(Button.class, spec -> spec.withId("lead-move-LOST")));
        var dialog = _get(MoveDialog.class);
        _click(_get(Button.class, spec -> spec.withId("move-confirm")));
        _expectInvalid(dialog.reason, "Say why the lead was lost.");
        assertThat(leads.get(id).orElseThrow().status()).isEqualTo(LeadStatus.MQL);

        _setValue(dialog.reason, "Chose a competitor");
        _click(_get(Button.class, spec -> spec.withId("move-confirm")));
        assertThat(leads.get(id).orElseThrow().status()).isEqualTo(LeadStatus.LOST);
        assertThat(_get(Span.class, spec -> spec.withId("lead-status")).getText()).isEqualTo("Lost");
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("lead-lost"))).hasSize(1);
        var fell = _find(Span.class, spec -> spec.withClasses("ponte-track-step fell"));
        assertThat(fell).extracting(Span::getText).containsExactly("MQL");
    }

    @Test
    void the_timeline_lists_each_status_change_with_who_and_how_long() {
        LeadId id = leadAsMarketer(TestUsers.uniqueName("Path"));
        leads.move(id, StatusMove.to(LeadStatus.MQL, leads.get(id).orElseThrow().version()));
        open(id);
        var entries = _find(Span.class, spec -> spec.withClasses("ponte-timeline-what"));
        assertThat(entries).extracting(Span::getText)
                .containsExactly("Test " + marketer.username() + " moved it from New to MQL");
        var visited = _find(Span.class, spec -> spec.withClasses("ponte-track-step visited"));
        assertThat(visited).extracting(Span::getText).contains("New", "MQL");
    }

    @Test
    void a_salesperson_sees_a_lead_they_do_not_own_read_only() {
        LeadId id = leadAsMarketer(TestUsers.uniqueName("ReadOnly"));
        login(testUsers.create("lv-sales", Role.SALES).username(), Role.SALES);
        LeadView view = open(id);
        assertThat(view.name.isReadOnly()).isTrue();
        assertThat(view.save.isVisible()).isFalse();
        assertThat(_find(Button.class, spec -> spec.withId("lead-move-MQL"))).isEmpty();
    }

    @Test
    void a_link_from_one_lead_to_another_shows_the_other_in_the_same_page() {
        LeadId first = leadAsMarketer(TestUsers.uniqueName("First"));
        leads.move(first, StatusMove.to(LeadStatus.MQL, leads.get(first).orElseThrow().version()));
        String secondName = TestUsers.uniqueName("Second");
        LeadId second = leads.create(new NewLead(secondName, "Verdi Srl", "info@verdi.example", null, "TRADE_FAIR",
                Intent.NAVIGATIONAL, null, null));
        LeadView page = open(first);
        assertThat(_find(Span.class, spec -> spec.withClasses("ponte-timeline-what"))).hasSize(1);

        // the header search and a notification navigate from a lead to another: Vaadin keeps the view
        LeadView again = open(second);

        assertThat(again).isSameAs(page);
        assertThat(again.name.getValue()).isEqualTo(secondName);
        assertThat(_find(Span.class, spec -> spec.withClasses("ponte-timeline-what"))).isEmpty();
        assertThat(_find(Span.class, spec -> spec.withClasses("ponte-track-step visited")))
                .extracting(Span::getText).doesNotContain("MQL");
    }
}
