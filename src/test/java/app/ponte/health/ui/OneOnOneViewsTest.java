package app.ponte.health.ui;

import static app.ponte.health.SurveyFixtures.as;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.base.ui.RecordCheck;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import app.ponte.health.NewOneOnOne;
import app.ponte.health.OneOnOneId;
import app.ponte.health.OneOnOneService;
import app.ponte.health.Participant;
import app.ponte.health.Rhythm;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One-on-ones in the UI: scheduling, the shared agenda and notes, private notes, action items in the agenda. */
class OneOnOneViewsTest extends KaribuTest {

    @org.springframework.beans.factory.annotation.Autowired
    app.ponte.base.PonteProperties properties;


    @Autowired
    OneOnOneService oneOnOnes;

    @Autowired
    Clock clock;

    @Autowired
    List<RecordCheck> checks;

    private OneOnOneId meeting(UserSummary manager, UserSummary report) {
        return as(manager, () -> oneOnOnes.schedule(new NewOneOnOne(report.id(),
                clock.instant().plus(Duration.ofDays(2)), null, Rhythm.WEEKLY)));
    }

    @Test
    void a_manager_schedules_a_one_on_one_with_a_report() {
        UserSummary manager = testUsers.create("oov-mgr", Role.MANAGER);
        UserSummary report = testUsers.create("oov-rep", Role.SALES);
        login(manager.username(), Role.MANAGER);
        UI.getCurrent().navigate("one-on-ones");
        OneOnOnesView view = _get(OneOnOnesView.class);
        view.report.setValue(view.report.getListDataView().getItems()
                .filter(u -> u.id().equals(report.id())).findFirst().orElseThrow());
        view.when.setValue(LocalDateTime.of(2026, 12, 3, 15, 0));
        assertThat(view.minutes.getValue()).isEqualTo(60);
        _click(_get(Button.class, spec -> spec.withId("oneonone-schedule")));

        OneOnOneView page = _get(OneOnOneView.class);
        assertThat(_get(H2.class, spec -> spec.withText("One-on-one: " + manager.fullName() + " and "
                + report.fullName()))).isNotNull();
        var mine = as(report, () -> oneOnOnes.mine());
        assertThat(mine).singleElement().satisfies(o -> {
            // the time is read in the business time zone
            assertThat(o.scheduledAt()).isEqualTo(LocalDateTime.of(2026, 12, 3, 15, 0).atZone(properties.zone())
                    .toInstant());
            assertThat(o.durationMinutes()).isEqualTo(60);
            assertThat(o.rhythm()).isEqualTo(Rhythm.BIWEEKLY);
        });
        assertThat(page).isNotNull();
    }

    @Test
    void a_report_sees_no_scheduling_form_but_their_one_on_ones() {
        UserSummary manager = testUsers.create("oov-m", Role.MANAGER);
        UserSummary report = testUsers.create("oov-r", Role.MARKETING);
        OneOnOneId id = meeting(manager, report);
        login(report.username(), Role.MARKETING);
        UI.getCurrent().navigate("one-on-ones");
        assertThat(_find(Button.class, spec -> spec.withId("oneonone-schedule"))).isEmpty();
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<app.ponte.health.OneOnOneSummary> grid = _get(
                com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("oneonones-grid"));
        assertThat(grid.getGenericDataView().getItems().map(app.ponte.health.OneOnOneSummary::id)).containsExactly(id);
    }

    @Test
    void both_share_the_agenda_and_notes_but_private_notes_stay_with_their_author() {
        UserSummary manager = testUsers.create("oov-share-m", Role.MANAGER);
        UserSummary report = testUsers.create("oov-share-r", Role.SALES);
        OneOnOneId id = meeting(manager, report);

        login(report.username(), Role.SALES);
        UI.getCurrent().navigate("one-on-ones/" + id.value());
        OneOnOneView page = _get(OneOnOneView.class);
        page.agenda.setValue("Talk about the trade fair");
        _click(_get(Button.class, spec -> spec.withId("oneonone-save-agenda")));
        page.privateNote.setValue("I want to move to key accounts");
        _click(_get(Button.class, spec -> spec.withId("oneonone-save-private-note")));

        login(manager.username(), Role.MANAGER);
        UI.getCurrent().navigate("one-on-ones/" + id.value());
        page = _get(OneOnOneView.class);
        assertThat(page.agenda.getValue()).isEqualTo("Talk about the trade fair");
        assertThat(page.privateNote.getValue()).isEmpty();
        page.notes.setValue("Agreed: two fairs in spring");
        _click(_get(Button.class, spec -> spec.withId("oneonone-save-notes")));
        page.privateNote.setValue("Ready for key accounts in Q2");
        _click(_get(Button.class, spec -> spec.withId("oneonone-save-private-note")));

        login(report.username(), Role.SALES);
        UI.getCurrent().navigate("one-on-ones/" + id.value());
        page = _get(OneOnOneView.class);
        assertThat(page.notes.getValue()).isEqualTo("Agreed: two fairs in spring");
        assertThat(page.privateNote.getValue()).isEqualTo("I want to move to key accounts");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("oneonone-next")).getText())
                .startsWith("Next one suggested: ").endsWith("(Weekly)");
    }

    @Test
    void a_one_on_one_that_does_not_exist_shows_not_found_and_answers_404_one_that_is_not_yours_stays() {
        UserSummary manager = testUsers.create("oov-404-m", Role.MANAGER);
        UserSummary report = testUsers.create("oov-404-r", Role.SALES);
        OneOnOneId id = meeting(manager, report);
        UserSummary outsider = testUsers.create("oov-404-o", Role.MANAGER);
        login(outsider.username(), Role.MANAGER);
        UI.getCurrent().navigate("one-on-ones/999999999");
        assertThat(_find(app.ponte.base.ui.NotFoundView.class)).hasSize(1);
        RecordCheck check = checks.stream().filter(c -> c.view() == OneOnOneView.class).findFirst().orElseThrow();
        assertThat(check.exists(new RouteParameters("id", "999999999"))).isFalse();
        // someone else's: it exists (the page says whose it is), it is not "not found"
        assertThat(check.exists(new RouteParameters("id", Long.toString(id.value())))).isTrue();
    }

    @Test
    void an_admin_or_another_manager_cannot_open_someone_else_s_one_on_one() {
        UserSummary manager = testUsers.create("oov-priv-m", Role.MANAGER);
        UserSummary report = testUsers.create("oov-priv-r", Role.SALES);
        OneOnOneId id = meeting(manager, report);
        as(manager, () -> oneOnOnes.savePrivateNote(id, "Salary concern"));
        for (Role role : new Role[] {Role.ADMIN, Role.MANAGER}) {
            UserSummary outsider = testUsers.create("oov-out", role);
            login(outsider.username(), role);
            UI.getCurrent().navigate("one-on-ones/" + id.value());
            assertThat(_get(H2.class, spec -> spec.withId("oneonone-refused")).getText())
                    .isEqualTo("Only the two people who meet can open this one-on-one.");
            assertThat(_find(TextArea.class).stream().filter(TextArea::isVisible).map(TextArea::getValue))
                    .noneMatch(v -> v.contains("Salary concern"));
            assertThat(_get(OneOnOneView.class).privateNote.getValue()).isEmpty();
        }
    }

    @Test
    void an_action_item_appears_in_the_owner_s_agenda_until_done() {
        UserSummary manager = testUsers.create("oov-act-m", Role.MANAGER);
        UserSummary report = testUsers.create("oov-act-r", Role.SALES);
        OneOnOneId id = meeting(manager, report);
        login(manager.username(), Role.MANAGER);
        UI.getCurrent().navigate("one-on-ones/" + id.value());
        OneOnOneView page = _get(OneOnOneView.class);
        Participant owner = page.owner.getListDataView().getItems().filter(p -> p.id().equals(report.id()))
                .findFirst().orElseThrow();
        page.owner.setValue(owner);
        page.actionText.setValue("Send the price list to Acme");
        page.actionDue.setValue(LocalDate.now(clock).minusDays(1));
        _click(_get(Button.class, spec -> spec.withId("oneonone-action-add")));
        long action = as(report, () -> oneOnOnes.myOpenActionItems()).getFirst().id();
        assertThat(_find(HorizontalLayout.class, spec -> spec.withId("oneonone-action-" + action))).hasSize(1);

        login(report.username(), Role.SALES);
        UI.getCurrent().navigate("agenda");
        HorizontalLayout item = _get(HorizontalLayout.class,
                spec -> spec.withId("agenda-extra-oneonone-action-" + action));
        assertThat(_get(item, Anchor.class).getHref()).isEqualTo("one-on-ones/" + id.value());
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("agenda-group-overdue")))
                .isNotNull();

        UI.getCurrent().navigate("one-on-ones/" + id.value());
        _get(Checkbox.class, spec -> spec.withId("oneonone-action-done-" + action)).setValue(true);
        UI.getCurrent().navigate("agenda");
        assertThat(_find(HorizontalLayout.class, spec -> spec.withId("agenda-extra-oneonone-action-" + action)))
                .isEmpty();
    }
}
