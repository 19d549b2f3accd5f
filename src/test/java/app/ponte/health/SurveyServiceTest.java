package app.ponte.health;

import static app.ponte.health.SurveyFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.base.BusinessRuleException;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Pulse surveys: runs open once, answers are anonymous and once per person, results hide below the threshold. */
@PonteTest
@Tag("persistence")
class SurveyServiceTest {

    @Autowired
    SurveyService surveys;

    @Autowired
    SurveyFixtures fixtures;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    UserSummary manager;
    int threshold;

    @BeforeEach
    void setUp() {
        manager = testUsers.create("survey-mgr", Role.MANAGER);
        threshold = surveys.anonymityThreshold();
    }

    private int runRows(SurveyId survey) {
        return jdbc.sql("select count(*) from survey_run where survey_id = :id").param("id", survey.value())
                .query(Integer.class).single();
    }

    private static int[] nines(int n) {
        return IntStream.generate(() -> 9).limit(n).toArray();
    }

    @Test
    void the_test_threshold_is_the_default_five() {
        assertThat(threshold).isEqualTo(5);
    }

    @Test
    void a_run_is_never_opened_twice_for_the_same_period() {
        SurveyId survey = fixtures.survey(manager, "Twice", Role.SALES);
        LocalDate today = LocalDate.now(clock);
        assertThat(SystemCaller.call(() -> surveys.openRun(survey, today))).isTrue();
        assertThat(SystemCaller.call(() -> surveys.openRun(survey, today))).isFalse();
        assertThat(runRows(survey)).isEqualTo(1);
        // the scheduler's pass finds it open already
        SystemCaller.call(surveys::openDueRuns);
        SystemCaller.call(surveys::openDueRuns);
        assertThat(runRows(survey)).isEqualTo(1);
    }

    @Test
    void the_unique_key_refuses_a_second_run_even_past_the_service() {
        SurveyId survey = fixtures.survey(manager, "Key", Role.SALES);
        fixtures.open(survey);
        assertThatThrownBy(() -> jdbc.sql("insert into survey_run (survey_id, period_start, opens_at, closes_at,"
                        + " audience_size) select survey_id, period_start, opens_at, closes_at, 0 from survey_run"
                        + " where survey_id = :id").param("id", survey.value()).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void the_scheduler_opens_a_due_survey_and_tells_its_audience() {
        UserSummary seller = testUsers.create("survey-seller", Role.SALES);
        UserSummary marketer = testUsers.create("survey-mkt", Role.MARKETING);
        SurveyId survey = fixtures.survey(manager, "Due", Role.SALES);
        SystemCaller.call(surveys::openDueRuns);
        assertThat(runRows(survey)).isEqualTo(1);
        List<OpenSurvey> open = as(seller, surveys::openForMe);
        assertThat(open).extracting(o -> o.run().title()).contains("Due");
        assertThat(as(marketer, surveys::openForMe)).extracting(o -> o.run().title()).doesNotContain("Due");
        SurveyRunId run = open.stream().filter(o -> o.run().title().equals("Due")).findFirst().orElseThrow().run().id();
        assertThat(jdbc.sql("select count(*) from notification n join app_user u on u.id = n.recipient_id"
                        + " where n.kind = 'SURVEY_OPEN' and n.once_key = :key and u.username = :user")
                .param("key", "survey-run-" + run.value()).param("user", seller.username()).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(SystemCaller.call(() -> surveys.runs(survey)).getFirst().audienceSize())
                .isEqualTo(jdbc.sql("select count(*) from app_user u where u.active = true and exists (select 1 from"
                        + " app_user_role r where r.user_id = u.id and r.role = 'SALES')").query(Integer.class).single());
    }

    @Test
    void a_second_answer_is_refused_and_the_first_stays() {
        SurveyId survey = fixtures.survey(manager, "Once", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        UserSummary person = fixtures.answer(survey, run, Role.SALES, 10).getFirst();
        List<Question> q = fixtures.questions(survey);
        assertThatThrownBy(() -> as(person, () -> surveys.answer(run, new SurveyAnswers(
                Map.of(q.get(0).id(), 0, q.get(1).id(), 1), Map.of()))))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("survey.error.already-answered");
        assertThat(jdbc.sql("select count(*) from survey_response where run_id = :run").param("run", run.value())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(as(person, surveys::openForMe)).extracting(o -> o.run().id()).doesNotContain(run);
    }

    @Test
    void every_scored_question_needs_an_answer_in_range() {
        SurveyId survey = fixtures.survey(manager, "Range", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        UserSummary person = testUsers.create("range", Role.SALES);
        List<Question> q = fixtures.questions(survey);
        assertThatThrownBy(() -> as(person, () -> surveys.answer(run, new SurveyAnswers(
                Map.of(q.get(0).id(), 11, q.get(1).id(), 3), Map.of()))))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("survey.error.answer-range");
        assertThatThrownBy(() -> as(person, () -> surveys.answer(run, new SurveyAnswers(
                Map.of(q.get(0).id(), 5), Map.of()))))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("survey.error.answer-required");
    }

    @Test
    void someone_outside_the_audience_cannot_answer() {
        SurveyId survey = fixtures.survey(manager, "Sales only", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        assertThatThrownBy(() -> fixtures.answer(survey, run, Role.MARKETING, 9))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("survey.error.not-in-audience");
    }

    @Test
    void below_the_threshold_the_service_returns_only_the_count() {
        SurveyId survey = fixtures.survey(manager, "Few", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        fixtures.answer(survey, run, Role.SALES, nines(threshold - 1));
        RunResults results = as(manager, () -> surveys.results(run));
        assertThat(results.suppressed()).isTrue();
        assertThat(results.responses()).isEqualTo(threshold - 1);
        assertThat(results.enps()).isNull();
        assertThat(results.participationRate()).isNull();
        assertThat(results.questions()).isEmpty();
        assertThat(results.byRole()).isEmpty();
        assertThat(as(manager, () -> surveys.trend(survey))).singleElement()
                .satisfies(p -> {
                    assertThat(p.suppressed()).isTrue();
                    assertThat(p.enps()).isNull();
                    assertThat(p.means()).isEmpty();
                });
    }

    @Test
    void at_the_threshold_the_results_show() {
        SurveyId survey = fixtures.survey(manager, "Enough", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        fixtures.answer(survey, run, Role.SALES, 10, 9, 8, 6, 0);
        RunResults results = as(manager, () -> surveys.results(run));
        assertThat(results.suppressed()).isFalse();
        assertThat(results.responses()).isEqualTo(5);
        assertThat(results.enps()).isEqualTo(new Enps(2, 1, 2, 0));
        assertThat(results.participationRate()).isEqualTo(5.0 / results.run().audienceSize());
        QuestionResult enps = results.questions().get(0);
        assertThat(enps.distribution()).containsExactly(Map.entry(0, 1), Map.entry(1, 0), Map.entry(2, 0),
                Map.entry(3, 0), Map.entry(4, 0), Map.entry(5, 0), Map.entry(6, 1), Map.entry(7, 0), Map.entry(8, 1),
                Map.entry(9, 1), Map.entry(10, 1));
        assertThat(enps.mean()).isEqualTo(33.0 / 5);
        QuestionResult workload = results.questions().get(1);
        assertThat(workload.mean()).isEqualTo(4.0);
        assertThat(workload.distribution()).containsExactly(Map.entry(1, 0), Map.entry(2, 0), Map.entry(3, 0),
                Map.entry(4, 5), Map.entry(5, 0));
        assertThat(results.questions().get(2).texts())
                .containsExactlyInAnyOrder("text 10", "text 9", "text 8", "text 6", "text 0");
    }

    @Test
    void all_detractors_score_minus_100_and_all_promoters_100() {
        SurveyId low = fixtures.survey(manager, "Low", Role.SALES);
        SurveyRunId lowRun = fixtures.open(low);
        fixtures.answer(low, lowRun, Role.SALES, 0, 1, 2, 3, 6);
        assertThat(as(manager, () -> surveys.results(lowRun)).enps().score()).isEqualTo(-100);
        SurveyId high = fixtures.survey(manager, "High", Role.SALES);
        SurveyRunId highRun = fixtures.open(high);
        fixtures.answer(high, highRun, Role.SALES, 9, 10, 9, 10, 9);
        assertThat(as(manager, () -> surveys.results(highRun)).enps().score()).isEqualTo(100);
    }

    @Test
    void eight_responses_with_one_promoter_round_12_5_to_13() {
        SurveyId survey = fixtures.survey(manager, "Half", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        fixtures.answer(survey, run, Role.SALES, 9, 7, 7, 7, 7, 8, 8, 8);
        assertThat(as(manager, () -> surveys.results(run)).enps()).isEqualTo(new Enps(1, 7, 0, 13));
    }

    @Test
    void the_role_breakdown_shows_only_when_every_role_meets_the_threshold() {
        SurveyId survey = fixtures.survey(manager, "Roles");
        SurveyRunId run = fixtures.open(survey);
        fixtures.answer(survey, run, Role.SALES, nines(threshold));
        fixtures.answer(survey, run, Role.MARKETING, 0, 0, 0, 0);
        RunResults partial = as(manager, () -> surveys.results(run));
        assertThat(partial.suppressed()).isFalse();
        // marketing alone would be the whole minus sales: neither slice is shown
        assertThat(partial.byRole()).isEmpty();

        fixtures.answer(survey, run, Role.MARKETING, 0);
        RunResults full = as(manager, () -> surveys.results(run));
        assertThat(full.byRole()).extracting(RoleSlice::role, RoleSlice::responses)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Role.MARKETING, 5),
                        org.assertj.core.groups.Tuple.tuple(Role.SALES, 5));
        assertThat(full.byRole()).extracting(s -> s.enps().score()).containsExactly(-100, 100);
        assertThat(full.enps().score()).isZero();
    }

    @Test
    void the_trend_has_a_point_per_run_and_hides_small_runs() {
        SurveyId survey = as(manager, () -> surveys.create(new NewSurvey("Monthly", Cadence.MONTHLY, java.util.Set.of(),
                5, LocalDate.now(clock).minusMonths(2), List.of(LibraryQuestion.ENPS.question(),
                LibraryQuestion.WORKLOAD.question()))));
        var first = SystemCaller.call(() -> surveys.importRun(survey, LocalDate.now(clock).minusMonths(2).withDayOfMonth(1),
                clock.instant().minus(java.time.Duration.ofDays(60)), clock.instant().minus(java.time.Duration.ofDays(55)),
                10, List.of(), List.of(response(10, 5), response(9, 4), response(8, 3), response(3, 2), response(10, 5))));
        var second = SystemCaller.call(() -> surveys.importRun(survey, LocalDate.now(clock).minusMonths(1).withDayOfMonth(1),
                clock.instant().minus(java.time.Duration.ofDays(30)), clock.instant().minus(java.time.Duration.ofDays(25)),
                10, List.of(), List.of(response(10, 5), response(9, 4))));
        List<TrendPoint> trend = as(manager, () -> surveys.trend(survey));
        assertThat(trend).extracting(p -> p.run().id()).containsExactly(first, second);
        assertThat(trend.get(0).enps()).isEqualTo(40);
        assertThat(trend.get(0).means().values()).containsExactly(8.0, 3.8);
        assertThat(trend.get(1).suppressed()).isTrue();
        assertThat(trend.get(1).enps()).isNull();
    }

    private static ImportedResponse response(int enps, int workload) {
        return new ImportedResponse(Role.SALES, Map.of(1, enps, 2, workload), Map.of());
    }

    @Test
    void the_export_below_the_threshold_holds_only_the_count() {
        SurveyId survey = fixtures.survey(manager, "Export few", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        fixtures.answer(survey, run, Role.SALES, 9, 9);
        var out = new ByteArrayOutputStream();
        as(manager, () -> surveys.export(run, out, q -> q.libraryKey()));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).isEqualTo("Export few," + LocalDate.now(clock) + ",ALL,2,true,,,,,,,,,,,");
    }

    @Test
    void the_export_at_the_threshold_holds_the_results() {
        SurveyId survey = fixtures.survey(manager, "Export", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        fixtures.answer(survey, run, Role.SALES, 10, 9, 8, 6, 0);
        var out = new ByteArrayOutputStream();
        as(manager, () -> surveys.export(run, out, q -> q.libraryKey()));
        List<String> lines = List.of(out.toString(StandardCharsets.UTF_8).split("\r\n"));
        String p = "Export," + LocalDate.now(clock) + ",ALL,5,false,";
        assertThat(lines.get(1)).startsWith(p).endsWith(",0,2,1,2,");
        assertThat(lines.get(2)).isEqualTo(p + ",survey.library.enps,ENPS_0_10,5,6.6,"
                + "0:1 1:0 2:0 3:0 4:0 5:0 6:1 7:0 8:1 9:1 10:1,,,,,");
        assertThat(lines.get(3)).isEqualTo(p + ",survey.library.workload,SCALE_1_5,5,4.0,1:0 2:0 3:0 4:5 5:0,,,,,");
        assertThat(lines.subList(4, lines.size())).hasSize(5).allMatch(l -> l.contains(",TEXT,5,"));
    }

    @Test
    void only_managers_and_admins_read_results() {
        SurveyId survey = fixtures.survey(manager, "Rights", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        UserSummary seller = testUsers.create("rights", Role.SALES);
        assertThatThrownBy(() -> as(seller, () -> surveys.results(run))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(seller, () -> surveys.create(new NewSurvey("x", Cadence.ONCE, null, 5, null,
                List.of(LibraryQuestion.ENPS.question()))))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_survey_has_one_to_ten_questions_and_a_title() {
        List<NewQuestion> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(NewQuestion.custom(QuestionType.SCALE_1_5, "Question " + i));
        }
        assertThatThrownBy(() -> as(manager, () -> surveys.create(new NewSurvey("Too many", Cadence.WEEKLY, null, 5,
                null, eleven)))).hasMessageContaining("survey.error.question-count");
        assertThatThrownBy(() -> as(manager, () -> surveys.create(new NewSurvey("None", Cadence.WEEKLY, null, 5,
                null, List.of())))).hasMessageContaining("survey.error.question-count");
        assertThatThrownBy(() -> as(manager, () -> surveys.create(new NewSurvey(" ", Cadence.WEEKLY, null, 5,
                null, List.of(LibraryQuestion.ENPS.question()))))).hasMessageContaining("survey.error.title-required");
        assertThatThrownBy(() -> as(manager, () -> surveys.create(new NewSurvey("Long window", Cadence.WEEKLY, null, 8,
                null, List.of(LibraryQuestion.ENPS.question()))))).hasMessageContaining("survey.error.open-days");
    }

    /** No column of the answer tables names a person, a time or an order; no key leads to a user. */
    @Test
    void no_column_of_the_answers_can_join_back_to_a_user() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            assertThat(columns(meta, "survey_response")).containsExactlyInAnyOrder("id", "run_id", "role_group");
            assertThat(columns(meta, "survey_answer"))
                    .containsExactlyInAnyOrder("response_id", "question_id", "score", "text");
            for (String table : List.of("survey_response", "survey_answer")) {
                assertThat(referencedTables(meta, table)).as(table)
                        .allMatch(t -> List.of("survey_run", "survey_response", "survey_question").contains(t));
                assertThat(columnTypes(meta, table)).as(table).noneMatch(type -> type.contains("time")
                        || type.contains("date"));
            }
            // participation is the only survey table that names a user, and it names no response
            assertThat(columns(meta, "survey_participation")).containsExactlyInAnyOrder("run_id", "user_id");
        }
        // the response id is random, not a sequence that would follow the participation order
        SurveyId survey = fixtures.survey(manager, "Ids", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        fixtures.answer(survey, run, Role.SALES, 1, 2);
        assertThat(jdbc.sql("select id from survey_response where run_id = :run").param("run", run.value())
                .query(String.class).list()).allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-.*"));
    }

    private static List<String> columns(DatabaseMetaData meta, String table) throws Exception {
        List<String> names = new ArrayList<>();
        for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getColumns(null, null, candidate, null)) {
                while (rs.next()) {
                    if (rs.getString("TABLE_SCHEM").equalsIgnoreCase("public")) {
                        names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }

    private static List<String> columnTypes(DatabaseMetaData meta, String table) throws Exception {
        List<String> types = new ArrayList<>();
        for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getColumns(null, null, candidate, null)) {
                while (rs.next()) {
                    types.add(rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return types;
    }

    private static List<String> referencedTables(DatabaseMetaData meta, String table) throws Exception {
        List<String> tables = new ArrayList<>();
        for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getImportedKeys(null, null, candidate)) {
                while (rs.next()) {
                    tables.add(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }
}
