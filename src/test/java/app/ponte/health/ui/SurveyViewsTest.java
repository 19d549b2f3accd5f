package app.ponte.health.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.base.ui.chart.Chart;
import app.ponte.health.Cadence;
import app.ponte.health.ImportedResponse;
import app.ponte.health.LibraryQuestion;
import app.ponte.health.NewSurvey;
import app.ponte.health.Question;
import app.ponte.health.SurveyFixtures;
import app.ponte.health.SurveyId;
import app.ponte.health.SurveyRunId;
import app.ponte.health.SurveyService;
import app.ponte.health.SurveySummary;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Surveys in the UI: creating one, answering it once, results hidden below the threshold, the trend. */
class SurveyViewsTest extends KaribuTest {

    @Autowired
    SurveyService surveys;

    @Autowired
    SurveyFixtures fixtures;

    @Autowired
    Clock clock;

    private UserSummary manager() {
        UserSummary manager = testUsers.create("sv-mgr", Role.MANAGER);
        login(manager.username(), Role.MANAGER);
        return manager;
    }

    @Autowired
    List<app.ponte.base.ui.RecordCheck> checks;

    @Test
    void a_survey_or_run_that_does_not_exist_shows_not_found_and_answers_404() {
        UserSummary manager = testUsers.create("sv-404", Role.MANAGER);
        login(manager.username(), Role.MANAGER);
        UI.getCurrent().navigate("survey-results/999999999");
        assertThat(_find(app.ponte.base.ui.NotFoundView.class)).hasSize(1);
        UI.getCurrent().navigate("survey-runs/999999999");
        assertThat(_find(app.ponte.base.ui.NotFoundView.class)).hasSize(1);
        var missing = new com.vaadin.flow.router.RouteParameters(Map.of("surveyId", "999999999", "runId", "999999999"));
        assertThat(checks.stream().filter(c -> c.view() == SurveyResultsView.class || c.view() == AnswerSurveyView.class))
                .hasSize(2).allSatisfy(c -> assertThat(c.exists(missing)).isFalse());
    }

    @Test
    void a_manager_creates_a_survey_from_the_library_and_own_questions() {
        manager();
        UI.getCurrent().navigate("surveys");
        _click(_get(Button.class, spec -> spec.withId("surveys-new")));
        SurveyDialog dialog = _get(SurveyDialog.class);
        dialog.name.setValue("Team pulse");
        dialog.cadence.setValue(Cadence.WEEKLY);
        dialog.audience.setValue(java.util.Set.of(Role.SALES, Role.MARKETING));
        dialog.openDays.setValue(3);
        dialog.library.setValue(LibraryQuestion.WORKLOAD);
        _click(_get(Button.class, spec -> spec.withId("survey-add-library")));
        dialog.ownType.setValue(app.ponte.health.QuestionType.TEXT);
        dialog.ownText.setValue("What slows you down?");
        _click(_get(Button.class, spec -> spec.withId("survey-add-own")));
        assertThat(dialog.questions()).hasSize(3);
        _click(_get(Button.class, spec -> spec.withId("survey-create")));

        assertThat(_find(SurveyDialog.class)).isEmpty();
        SurveySummary created = SystemCaller.call(() -> surveys.surveys()).stream()
                .filter(s -> s.title().equals("Team pulse")).findFirst().orElseThrow();
        assertThat(created.cadence()).isEqualTo(Cadence.WEEKLY);
        assertThat(created.audience()).containsExactlyInAnyOrder(Role.SALES, Role.MARKETING);
        assertThat(created.openDays()).isEqualTo(3);
        List<Question> questions = fixtures.questions(created.id());
        assertThat(questions).extracting(Question::libraryKey)
                .containsExactly("survey.library.enps", "survey.library.workload", null);
        assertThat(questions.get(2).text()).isEqualTo("What slows you down?");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<SurveySummary> grid = _get(com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withId("surveys-grid"));
        assertThat(grid.getGenericDataView().getItems().map(SurveySummary::id)).contains(created.id());
    }

    @Test
    void a_survey_without_a_title_is_refused_beside_the_field() {
        manager();
        UI.getCurrent().navigate("surveys");
        _click(_get(Button.class, spec -> spec.withId("surveys-new")));
        _click(_get(Button.class, spec -> spec.withId("survey-create")));
        SurveyDialog dialog = _get(SurveyDialog.class);
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Give the survey a title.");
    }

    @Test
    void a_person_answers_from_the_home_page_once() {
        UserSummary manager = testUsers.create("sv-owner", Role.MANAGER);
        SurveyId survey = fixtures.survey(manager, "Home pulse", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        UserSummary seller = testUsers.create("sv-seller", Role.SALES);
        login(seller.username(), Role.SALES);
        UI.getCurrent().navigate("");
        Anchor link = _get(Anchor.class, spec -> spec.withId("home-survey-" + run.value()));
        assertThat(link.getHref()).isEqualTo("survey-runs/" + run.value());

        UI.getCurrent().navigate("survey-runs/" + run.value());
        List<Question> q = fixtures.questions(survey);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> enps = _get(RadioButtonGroup.class, spec -> spec.withId("survey-q-" + q.get(0).id()));
        assertThat(enps.getListDataView().getItems().toList()).containsExactlyElementsOf(
                IntStream.rangeClosed(0, 10).boxed().toList());
        // sending without the required score is refused beside the question
        _click(_get(Button.class, spec -> spec.withId("survey-answer-submit")));
        assertThat(enps.isInvalid()).isTrue();
        enps.setValue(9);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> workload = _get(RadioButtonGroup.class,
                spec -> spec.withId("survey-q-" + q.get(1).id()));
        workload.setValue(4);
        _get(TextArea.class, spec -> spec.withId("survey-q-" + q.get(2).id())).setValue("More demos");
        _click(_get(Button.class, spec -> spec.withId("survey-answer-submit")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("survey-answer-thanks")).getText())
                .isEqualTo("Thank you! Your answers were recorded anonymously.");
        assertThat(_find(Button.class, spec -> spec.withId("survey-answer-submit"))).isEmpty();

        // a second visit can only read that it was answered; the home page no longer offers it
        UI.getCurrent().navigate("survey-runs/" + run.value());
        assertThat(_get(Paragraph.class, spec -> spec.withId("survey-answer-refused")).getText())
                .isEqualTo("You have already answered this survey. Answers cannot be changed.");
        assertThat(_find(RadioButtonGroup.class)).isEmpty();
        UI.getCurrent().navigate("");
        assertThat(_find(Anchor.class, spec -> spec.withId("home-survey-" + run.value()))).isEmpty();
    }

    @Test
    void below_the_threshold_the_results_view_shows_only_the_number_of_responses() {
        UserSummary manager = testUsers.create("sv-few", Role.MANAGER);
        SurveyId survey = fixtures.survey(manager, "Few answers", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        fixtures.answer(survey, run, Role.SALES, IntStream.generate(() -> 10).limit(surveys.anonymityThreshold() - 1)
                .toArray());
        login(manager.username(), Role.MANAGER);
        UI.getCurrent().navigate("survey-results/" + survey.value());
        assertThat(_get(Span.class, spec -> spec.withId("survey-results-responses")).getText()).isEqualTo("4");
        assertThat(_get(Paragraph.class, spec -> spec.withId("survey-results-suppressed")).getText())
                .isEqualTo("Only 4 responses so far. Results appear when at least 5 people have answered,"
                        + " so nobody can be recognised.");
        assertThat(_find(Span.class, spec -> spec.withId("survey-results-enps"))).isEmpty();
        assertThat(_find(Span.class, spec -> spec.withId("survey-results-participation"))).isEmpty();
        assertThat(_find(Div.class, spec -> spec.withId("survey-result-q-" + fixtures.questions(survey).get(0).id())))
                .isEmpty();
        assertThat(_find(ListItem.class)).isEmpty();
        // the chart leaves the run out as well
        assertThat(_get(SurveyResultsView.class).chart().tableRows()).last().asList().endsWith("–");
    }

    @Test
    void at_the_threshold_the_results_view_shows_enps_distribution_means_and_texts() {
        UserSummary manager = testUsers.create("sv-enough", Role.MANAGER);
        SurveyId survey = fixtures.survey(manager, "Enough answers", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        fixtures.answer(survey, run, Role.SALES, 10, 9, 8, 6, 0);
        login(manager.username(), Role.MANAGER);
        UI.getCurrent().navigate("survey-results/" + survey.value(),
                com.vaadin.flow.router.QueryParameters.simple(Map.of("run", Long.toString(run.value()))));
        assertThat(_find(Paragraph.class, spec -> spec.withId("survey-results-suppressed"))).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("survey-results-responses")).getText()).isEqualTo("5");
        assertThat(_get(Span.class, spec -> spec.withId("survey-results-enps")).getText()).isEqualTo("0");
        assertThat(_get(Span.class, spec -> spec.withId("survey-results-promoters")).getText()).isEqualTo("2");
        assertThat(_get(Span.class, spec -> spec.withId("survey-results-passives")).getText()).isEqualTo("1");
        assertThat(_get(Span.class, spec -> spec.withId("survey-results-detractors")).getText()).isEqualTo("2");
        List<Question> q = fixtures.questions(survey);
        assertThat(_get(Span.class, spec -> spec.withId("survey-result-mean-" + q.get(1).id())).getText())
                .isEqualTo("Mean 4.0");
        assertThat(_get(Span.class, spec -> spec.withId("survey-result-" + q.get(0).id() + "-10")).getText())
                .isEqualTo("10: 1");
        assertThat(_find(ListItem.class).stream().map(ListItem::getText).toList())
                .containsExactlyInAnyOrder("text 10", "text 9", "text 8", "text 6", "text 0");
        // one role only: no breakdown (it would equal the whole)
        assertThat(_get(Paragraph.class, spec -> spec.withId("survey-results-by-role-hidden"))).isNotNull();
    }

    @Test
    void the_trend_charts_enps_and_means_run_by_run_with_gaps_for_small_runs() {
        UserSummary manager = testUsers.create("sv-trend", Role.MANAGER);
        LocalDate start = LocalDate.now(clock).minusMonths(3).withDayOfMonth(1);
        SurveyId survey = SurveyFixtures.as(manager, () -> surveys.create(new NewSurvey("Trend pulse", Cadence.MONTHLY,
                null, 5, start, List.of(LibraryQuestion.ENPS.question(), LibraryQuestion.WORKLOAD.question()))));
        List<ImportedResponse> five = List.of(r(10, 5), r(10, 4), r(9, 4), r(7, 3), r(2, 2));
        SystemCaller.run(() -> {
            surveys.importRun(survey, start, clock.instant().minus(Duration.ofDays(90)),
                    clock.instant().minus(Duration.ofDays(85)), 10, List.of(), five);
            surveys.importRun(survey, start.plusMonths(1), clock.instant().minus(Duration.ofDays(60)),
                    clock.instant().minus(Duration.ofDays(55)), 10, List.of(), List.of(r(10, 5)));
            surveys.importRun(survey, start.plusMonths(2), clock.instant().minus(Duration.ofDays(30)),
                    clock.instant().minus(Duration.ofDays(25)), 10, List.of(), List.of(r(0, 1), r(0, 1), r(0, 1),
                            r(0, 1), r(10, 1)));
        });
        login(manager.username(), Role.MANAGER);
        UI.getCurrent().navigate("survey-results/" + survey.value());
        Chart chart = _get(SurveyResultsView.class).chart();
        java.time.format.DateTimeFormatter medium = java.time.format.DateTimeFormatter
                .ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(java.util.Locale.ENGLISH);
        assertThat(chart.tableRows()).containsExactly(
                List.of("", "eNPS", "2. My workload is manageable."),
                List.of(medium.format(start), "40", "3.6"),
                List.of(medium.format(start.plusMonths(1)), "–", "–"),
                List.of(medium.format(start.plusMonths(2)), "-60", "1"));
        // the same values go to the browser, unrounded, with a gap (null) for the small run
        assertThat(chart.option()).contains("\"data\":[40.0,null,-60.0]", "\"data\":[3.6,null,1.0]",
                "\"min\":-100.0", "\"max\":100.0", "\"yAxisIndex\":1");
    }

    @Test
    void the_role_breakdown_appears_only_when_no_role_is_below_the_threshold() {
        UserSummary manager = testUsers.create("sv-roles", Role.MANAGER);
        SurveyId survey = fixtures.survey(manager, "Roles pulse");
        SurveyRunId run = fixtures.open(survey);
        fixtures.answer(survey, run, Role.SALES, 9, 9, 9, 9, 9);
        fixtures.answer(survey, run, Role.MARKETING, 3, 3, 3, 3);
        login(manager.username(), Role.MANAGER);
        UI.getCurrent().navigate("survey-results/" + survey.value());
        assertThat(_get(Span.class, spec -> spec.withId("survey-results-enps")).getText()).isEqualTo("11");
        assertThat(_get(Paragraph.class, spec -> spec.withId("survey-results-by-role-hidden")).getText())
                .isEqualTo("The breakdown by role appears only when at least two roles answered and each of them"
                        + " has at least 5 responses.");
        assertThat(_find(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("survey-results-by-role")))
                .isEmpty();

        fixtures.answer(survey, run, Role.MARKETING, 3);
        UI.getCurrent().navigate("survey-results/" + survey.value());
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<app.ponte.health.RoleSlice> grid = _get(
                com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("survey-results-by-role"));
        assertThat(grid.getGenericDataView().getItems().map(s -> s.role() + ":" + s.responses() + ":" + s.enps().score()))
                .containsExactly("MARKETING:5:-100", "SALES:5:100");
    }

    private static ImportedResponse r(int enps, int workload) {
        return new ImportedResponse(Role.SALES, Map.of(1, enps, 2, workload), Map.of());
    }
}
