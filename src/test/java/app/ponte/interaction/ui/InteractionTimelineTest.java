package app.ponte.interaction.ui;

import app.ponte.base.ui.StatusMessages;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.TestUsers;
import app.ponte.interaction.AgendaItem;
import app.ponte.interaction.InteractionChanges;
import app.ponte.interaction.InteractionEntry;
import app.ponte.interaction.InteractionId;
import app.ponte.interaction.InteractionService;
import app.ponte.interaction.InteractionType;
import app.ponte.interaction.NewInteraction;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.NewLead;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The lead page timeline: marking a next step done there, and the audit trail in the reader's language. */
class InteractionTimelineTest extends KaribuTest {

    @Autowired
    InteractionService interactions;

    @Autowired
    LeadService leads;

    @Autowired
    JdbcClient jdbc;

    private UserSummary signedIn(String prefix, Role... roles) {
        UserSummary user = testUsers.create(prefix, roles);
        login(user.username(), roles);
        return user;
    }

    private LeadId lead(String name) {
        return leads.create(new NewLead(name, "Acme", null, null, "WEBSITE", null, null, null));
    }

    private InteractionId callWithStep(LeadId lead, String step) {
        return interactions.log(new NewInteraction(lead, InteractionType.CALL, null, false, null, "Talked", 3, step,
                LocalDate.of(2030, 1, 15)));
    }

    private void openLead(LeadId id) {
        UI.getCurrent().navigate("leads/" + id.value());
    }

    private static Div entry(InteractionId id) {
        return _get(Div.class, spec -> spec.withId("interaction-" + id.value()));
    }

    private static String doneId(InteractionId id) {
        return "interaction-done-" + id.value();
    }

    private List<String> auditLines(InteractionId id) {
        Details audit = _get(entry(id), Details.class, spec -> spec.withId("interaction-audit-" + id.value()));
        return _find(audit, Div.class, spec -> spec.withClasses("ponte-interaction-change")).stream()
                .map(line -> _get(line, Span.class).getText()).toList();
    }

    @Test
    void the_person_whose_agenda_holds_the_step_marks_it_done_from_the_timeline() {
        signedIn("tl-sales", Role.SALES, Role.MARKETING);
        LeadId lead = lead(TestUsers.uniqueName("Done"));
        InteractionId id = callWithStep(lead, "Send the offer");
        assertThat(interactions.myAgenda()).extracting(AgendaItem::interaction).containsExactly(id);
        openLead(lead);
        assertThat(_find(entry(id), Span.class).stream().map(Span::getText)).contains("open");

        _click(_get(Button.class, spec -> spec.withId(doneId(id))));

        StatusMessages.expect("Next step done.");
        assertThat(interactions.forLead(lead).getFirst().nextStepDoneAt()).isNotNull();
        assertThat(interactions.myAgenda()).isEmpty();
        // the page was re-read: the step shows done and offers no second "Mark done"
        assertThat(_find(entry(id), Span.class).stream().map(Span::getText)).contains("done").doesNotContain("open");
        _assertNone(Button.class, spec -> spec.withId(doneId(id)));
    }

    @Test
    void mark_done_is_offered_to_the_step_s_owner_and_managers_only_and_never_for_a_done_or_missing_step() {
        signedIn("tl-owner", Role.SALES, Role.MARKETING);
        LeadId lead = lead(TestUsers.uniqueName("Rights"));
        InteractionId withStep = callWithStep(lead, "Call back");
        InteractionId withoutStep = interactions.log(new NewInteraction(lead, InteractionType.EMAIL, null, false,
                null, "Sent the brochure", null, null, null));
        openLead(lead);
        _get(Button.class, spec -> spec.withId(doneId(withStep)));
        _assertNone(Button.class, spec -> spec.withId(doneId(withoutStep)));

        signedIn("tl-colleague", Role.SALES, Role.MARKETING);
        openLead(lead);
        _assertNone(Button.class, spec -> spec.withId(doneId(withStep)));

        signedIn("tl-mgr", Role.MANAGER);
        openLead(lead);
        _click(_get(Button.class, spec -> spec.withId(doneId(withStep))));
        assertThat(interactions.forLead(lead)).filteredOn(e -> e.id().equals(withStep))
                .extracting(InteractionEntry::nextStepDoneAt).doesNotContainNull();
        _assertNone(Button.class, spec -> spec.withId(doneId(withStep)));
    }

    @Test
    void the_audit_trail_names_fields_and_values_in_the_reader_s_language() {
        signedIn("tl-audit", Role.SALES, Role.MARKETING);
        LeadId lead = lead(TestUsers.uniqueName("Audit"));
        InteractionId id = interactions.log(new NewInteraction(lead, InteractionType.CALL, null, false, null, "Talked",
                3, null, null));
        InteractionEntry before = interactions.forLead(lead).getFirst();
        interactions.edit(id, new InteractionChanges(InteractionType.MEETING, before.occurredAt(), false,
                "Talked → agreed", 5, "Send the offer", LocalDate.of(2030, 1, 15), before.version()));
        // what is stored does not change: English field names, ISO values
        assertThat(interactions.forLead(lead).getFirst().edits().getFirst().changes()).containsExactly(
                "type: CALL → MEETING", "summary: Talked → Talked → agreed", "outcomeScore: 3 → 5",
                "nextStep: — → Send the offer", "nextStepDue: — → 2030-01-15");

        openLead(lead);
        assertThat(auditLines(id)).containsExactly("type: Call → Meeting", "summary: Talked → Talked → agreed",
                "outcome score: 3 → 5", "next step: — → Send the offer", "next step due: — → Jan 15, 2030");

        UI.getCurrent().setLocale(Locale.ITALIAN);
        openLead(lead);
        assertThat(auditLines(id)).containsExactly("tipo: Chiamata → Incontro", "riepilogo: Talked → Talked → agreed",
                "esito: 3 → 5", "prossimo passo: — → Send the offer", "scadenza del prossimo passo: — → 15 gen 2030");
    }

    @Test
    void an_audit_line_the_page_cannot_read_is_shown_as_stored() {
        UserSummary me = signedIn("tl-legacy", Role.SALES, Role.MARKETING);
        LeadId lead = lead(TestUsers.uniqueName("Legacy"));
        InteractionId id = interactions.log(new NewInteraction(lead, InteractionType.CALL, null, false, null, "Talked",
                3, null, null));
        jdbc.sql("insert into interaction_edit (interaction_id, edited_at, edited_by_id, changes)"
                        + " values (:id, current_timestamp, :user, :changes)")
                .param("id", id.value()).param("user", me.id().value())
                .param("changes", "colour: red → blue\nimported from the old CRM\noutcomeScore: three → 4\nplanned: false → true")
                .update();
        openLead(lead);
        assertThat(auditLines(id)).containsExactly("colour: red → blue", "imported from the old CRM",
                "outcome score: three → 4", "planned: no → yes");
    }
}
