package app.ponte.interaction.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.TestUsers;
import app.ponte.base.PonteProperties;
import app.ponte.interaction.AgendaGroup;
import app.ponte.interaction.InteractionEntry;
import app.ponte.interaction.InteractionId;
import app.ponte.interaction.InteractionService;
import app.ponte.interaction.InteractionType;
import app.ponte.interaction.NewInteraction;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.NewLead;
import app.ponte.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** My agenda: open next steps by when they are due, done with one click or with a follow-up. */
class AgendaViewTest extends KaribuTest {

    @Autowired
    InteractionService interactions;

    @Autowired
    LeadService leads;

    @Autowired
    Clock clock;

    @Autowired
    PonteProperties properties;

    private void signIn(Role role) {
        login(testUsers.create("agenda", role).username(), role);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    private LeadId lead(String name) {
        return leads.create(new NewLead(name, "Acme", null, null, "WEBSITE", null, null, null));
    }

    /** A call held {@code daysAgo} days ago with a next step due on {@code due}. */
    private InteractionId step(LeadId lead, int daysAgo, String nextStep, LocalDate due) {
        return interactions.log(new NewInteraction(lead, InteractionType.CALL,
                clock.instant().minus(Duration.ofDays(daysAgo)), false, null, "Talked", 4, nextStep, due));
    }

    private static Div group(AgendaGroup group) {
        return _get(Div.class, spec -> spec.withId("agenda-group-" + group.name().toLowerCase(Locale.ROOT)));
    }

    private static boolean shows(Component parent, InteractionId id) {
        return !_find(parent, com.vaadin.flow.component.orderedlayout.HorizontalLayout.class,
                spec -> spec.withId("agenda-item-" + id.value())).isEmpty();
    }

    @Test
    void open_next_steps_are_grouped_overdue_today_this_week_and_later() {
        signIn(Role.MARKETING);
        LeadId lead = lead(TestUsers.uniqueName("Agenda lead"));
        LocalDate tomorrow = today().plusDays(1);
        InteractionId overdue = step(lead, 10, "Send the offer", today().minusDays(3));
        InteractionId dueToday = step(lead, 1, "Call back", today());
        InteractionId soon = step(lead, 0, "Book a demo", tomorrow);
        InteractionId later = step(lead, 0, "Check in", today().plusDays(30));
        InteractionId undated = step(lead, 0, "Someday", null);

        UI.getCurrent().navigate("agenda");

        assertThat(shows(group(AgendaGroup.OVERDUE), overdue)).isTrue();
        assertThat(shows(group(AgendaGroup.TODAY), dueToday)).isTrue();
        // tomorrow is later, not this week, when today is Sunday
        assertThat(shows(group(interactions.groupOf(tomorrow)), soon)).isTrue();
        assertThat(shows(group(AgendaGroup.LATER), later)).isTrue();
        assertThat(shows(group(AgendaGroup.LATER), undated)).isTrue();
        assertThat(shows(group(AgendaGroup.OVERDUE), later)).isFalse();
        assertThat(_get(group(AgendaGroup.OVERDUE), Span.class, spec -> spec.withText("Send the offer"))).isNotNull();
    }

    @Test
    void an_empty_agenda_says_so() {
        signIn(Role.MARKETING);
        UI.getCurrent().navigate("agenda");
        assertThat(_get(Paragraph.class, spec -> spec.withId("agenda-empty")).getText())
                .isEqualTo("Nothing to follow up: no open next steps.");
    }

    @Test
    void my_agenda_in_the_menu_while_on_it_reads_it_again() {
        signIn(Role.MARKETING);
        UI.getCurrent().navigate("agenda");
        InteractionId added = step(lead(TestUsers.uniqueName("Later lead")), 0, "Added meanwhile", today());
        assertThat(shows(UI.getCurrent(), added)).isFalse();

        UI.getCurrent().navigate("agenda");

        assertThat(shows(UI.getCurrent(), added)).isTrue();
    }

    @Test
    void done_removes_the_item() {
        signIn(Role.MARKETING);
        InteractionId id = step(lead(TestUsers.uniqueName("Done lead")), 0, "Send brochure", today());
        UI.getCurrent().navigate("agenda");
        assertThat(shows(UI.getCurrent(), id)).isTrue();

        _click(_get(Button.class, spec -> spec.withId("agenda-done-" + id.value())));

        assertThat(shows(UI.getCurrent(), id)).isFalse();
        assertThat(interactions.myAgenda()).noneMatch(i -> i.interaction().equals(id));
    }

    @Test
    void done_and_log_follow_up_logs_the_interaction_and_removes_the_item() {
        signIn(Role.MARKETING);
        LeadId lead = lead(TestUsers.uniqueName("Follow-up lead"));
        InteractionId id = step(lead, 0, "Call about pricing", today());
        UI.getCurrent().navigate("agenda");

        _click(_get(Button.class, spec -> spec.withId("agenda-follow-up-" + id.value())));
        FollowUpDialog dialog = _get(FollowUpDialog.class);
        dialog.type.setValue(InteractionType.MEETING);
        dialog.outcomeScore.setValue(5);
        dialog.summary.setValue("Agreed on the pilot");
        dialog.nextStep.setValue("Send the contract");
        dialog.nextStepDue.setValue(today().plusDays(2));
        _click(_get(Button.class, spec -> spec.withId("agenda-follow-up-save")));

        assertThat(_find(FollowUpDialog.class)).isEmpty();
        assertThat(shows(UI.getCurrent(), id)).isFalse();
        List<InteractionEntry> logged = interactions.forLead(lead);
        assertThat(logged).hasSize(2);
        assertThat(logged).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(InteractionType.MEETING);
            assertThat(e.outcomeScore()).isEqualTo(5);
            assertThat(e.nextStep()).isEqualTo("Send the contract");
        });
        assertThat(interactions.myAgenda()).extracting(i -> i.nextStep()).containsExactly("Send the contract");
    }

    @Test
    void the_follow_up_dialog_shows_a_missing_score_on_the_score_field() {
        signIn(Role.MARKETING);
        InteractionId id = step(lead(TestUsers.uniqueName("Score lead")), 0, "Call again", today());
        UI.getCurrent().navigate("agenda");
        _click(_get(Button.class, spec -> spec.withId("agenda-follow-up-" + id.value())));
        FollowUpDialog dialog = _get(FollowUpDialog.class);
        dialog.type.setValue(InteractionType.CALL);

        _click(_get(Button.class, spec -> spec.withId("agenda-follow-up-save")));

        assertThat(dialog.outcomeScore.isInvalid()).isTrue();
        assertThat(dialog.outcomeScore.getErrorMessage())
                .isEqualTo("Calls, video calls and meetings need an outcome score from 1 to 5.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(interactions.myAgenda()).anyMatch(i -> i.interaction().equals(id));
    }

    @Test
    void the_navigation_shows_the_overdue_count_badge() {
        signIn(Role.MARKETING);
        LeadId lead = lead(TestUsers.uniqueName("Badge lead"));
        step(lead, 10, "First", today().minusDays(2));
        step(lead, 10, "Second", today().minusDays(1));
        step(lead, 0, "Not yet", today());

        UI.getCurrent().navigate("agenda");

        assertThat(app.ponte.base.ui.Navigation.item("My agenda").badge()).contains("2");
    }
}
