package app.ponte.health.query;

import static app.ponte.base.SqlValues.instant;

import app.ponte.health.Cadence;
import app.ponte.health.Question;
import app.ponte.health.QuestionType;
import app.ponte.health.SurveyId;
import app.ponte.health.SurveyRun;
import app.ponte.health.SurveyRunId;
import app.ponte.health.SurveySummary;
import app.ponte.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side of surveys. Results are counts grouped in SQL (per question and score, per role
 * group); no statement reads one person's response, and none can: responses carry no user.
 */
@Component
public class SurveyQuery {

    private static final String RUN_COLUMNS = "r.id, r.survey_id, s.title, r.period_start, r.opens_at, r.closes_at,"
            + " r.audience_size from survey_run r join survey s on s.id = r.survey_id";

    private final JdbcClient jdbc;

    public SurveyQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A survey due for a run: what the scheduler needs. */
    public record Schedule(long id, Cadence cadence, Set<Role> audience, int openDays, LocalDate startsOn,
            String title) {
    }

    /** Count of one score of one question (in one role group, when grouped). */
    public record ScoreCount(long run, Role roleGroup, long question, int score, int count) {
    }

    public List<SurveySummary> surveys() {
        return jdbc.sql("select s.id, s.title, s.cadence, s.audience, s.open_days, s.starts_on, s.active,"
                        + " (select count(*) from survey_question q where q.survey_id = s.id) as questions,"
                        + " (select count(*) from survey_run r where r.survey_id = s.id) as runs"
                        + " from survey s order by s.active desc, lower(s.title), s.id")
                .query((rs, n) -> new SurveySummary(new SurveyId(rs.getLong("id")), rs.getString("title"),
                        Cadence.valueOf(rs.getString("cadence")), roles(rs.getString("audience")),
                        rs.getInt("open_days"), rs.getObject("starts_on", LocalDate.class), rs.getBoolean("active"),
                        rs.getInt("questions"), rs.getInt("runs")))
                .list();
    }

    public Optional<SurveySummary> survey(SurveyId id) {
        return surveys().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<Schedule> activeSchedules() {
        return jdbc.sql("select id, cadence, audience, open_days, starts_on, title from survey where active = true"
                        + " order by id")
                .query((rs, n) -> new Schedule(rs.getLong("id"), Cadence.valueOf(rs.getString("cadence")),
                        roles(rs.getString("audience")), rs.getInt("open_days"),
                        rs.getObject("starts_on", LocalDate.class), rs.getString("title")))
                .list();
    }

    public Optional<Schedule> schedule(long survey) {
        return jdbc.sql("select id, cadence, audience, open_days, starts_on, title from survey where id = :id")
                .param("id", survey)
                .query((rs, n) -> new Schedule(rs.getLong("id"), Cadence.valueOf(rs.getString("cadence")),
                        roles(rs.getString("audience")), rs.getInt("open_days"),
                        rs.getObject("starts_on", LocalDate.class), rs.getString("title")))
                .optional();
    }

    public boolean runExists(long survey, LocalDate periodStart) {
        return jdbc.sql("select count(*) from survey_run where survey_id = :survey and period_start = :period")
                .param("survey", survey).param("period", periodStart).query(Integer.class).single() > 0;
    }

    public List<Question> questions(long survey) {
        return jdbc.sql("select id, sort_order, type, library_key, text from survey_question where survey_id = :survey"
                        + " order by sort_order")
                .param("survey", survey)
                .query((rs, n) -> new Question(rs.getLong("id"), rs.getInt("sort_order"),
                        QuestionType.valueOf(rs.getString("type")), rs.getString("library_key"), rs.getString("text")))
                .list();
    }

    public Optional<SurveyRun> run(SurveyRunId id) {
        return jdbc.sql("select " + RUN_COLUMNS + " where r.id = :id").param("id", id.value())
                .query(SurveyQuery::run).optional();
    }

    /** A survey's runs, oldest period first. */
    public List<SurveyRun> runs(SurveyId survey) {
        return jdbc.sql("select " + RUN_COLUMNS + " where r.survey_id = :survey order by r.period_start, r.id")
                .param("survey", survey.value()).query(SurveyQuery::run).list();
    }

    /** Runs open at {@code now} of active surveys, with their audience, that the user has not answered. */
    public List<SurveyRun> openRunsNotAnsweredBy(long user, Instant now) {
        return jdbc.sql("select " + RUN_COLUMNS + " where s.active = true and r.opens_at <= :now"
                        + " and r.closes_at > :now and not exists (select 1 from survey_participation p"
                        + " where p.run_id = r.id and p.user_id = :user) order by r.closes_at, r.id")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("user", user)
                .query(SurveyQuery::run).list();
    }

    public Set<Role> audience(long survey) {
        return roles(jdbc.sql("select audience from survey where id = :id").param("id", survey)
                .query(String.class).optional().orElse(null));
    }

    public boolean participated(long run, long user) {
        return jdbc.sql("select count(*) from survey_participation where run_id = :run and user_id = :user")
                .param("run", run).param("user", user).query(Integer.class).single() > 0;
    }

    /** Active accounts holding one of the roles (any role when empty): who a run asks. */
    public List<Long> audienceMembers(Set<Role> roles) {
        if (roles.isEmpty()) {
            return jdbc.sql("select id from app_user where active = true order by id").query(Long.class).list();
        }
        return jdbc.sql("select u.id from app_user u where u.active = true and exists (select 1 from app_user_role ur"
                        + " where ur.user_id = u.id and ur.role in (:roles)) order by u.id")
                .param("roles", roles.stream().map(Role::name).toList()).query(Long.class).list();
    }

    public int responses(long run) {
        return jdbc.sql("select count(*) from survey_response where run_id = :run").param("run", run)
                .query(Integer.class).single();
    }

    /** Responses per role group (groups without responses absent). */
    public java.util.Map<Role, Integer> responsesByRole(long run) {
        var result = new java.util.EnumMap<Role, Integer>(Role.class);
        jdbc.sql("select role_group, count(*) as n from survey_response where run_id = :run group by role_group")
                .param("run", run)
                .query((rs, n) -> {
                    result.put(Role.valueOf(rs.getString("role_group")), rs.getInt("n"));
                    return n;
                })
                .list();
        return result;
    }

    /** Counts per question and score of one run, optionally per role group. */
    public List<ScoreCount> scoreCounts(long run, boolean byRole) {
        String group = byRole ? "r.role_group, " : "";
        return jdbc.sql("select r.run_id, " + (byRole ? "r.role_group" : "null as role_group")
                        + ", a.question_id, a.score, count(*) as n from survey_answer a"
                        + " join survey_response r on r.id = a.response_id where r.run_id = :run and a.score is not null"
                        + " group by r.run_id, " + group + "a.question_id, a.score")
                .param("run", run).query(SurveyQuery::scoreCount).list();
    }

    /** Responses per run of a survey. */
    public java.util.Map<Long, Integer> responsesPerRun(long survey) {
        var result = new java.util.HashMap<Long, Integer>();
        jdbc.sql("select r.id, (select count(*) from survey_response x where x.run_id = r.id) as n"
                        + " from survey_run r where r.survey_id = :survey")
                .param("survey", survey)
                .query((rs, n) -> {
                    result.put(rs.getLong("id"), rs.getInt("n"));
                    return n;
                }).list();
        return result;
    }

    /** Counts per run, question and score over the given runs: the trend in one statement. */
    public List<ScoreCount> scoreCountsOfRuns(List<Long> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select r.run_id, null as role_group, a.question_id, a.score, count(*) as n from survey_answer a"
                        + " join survey_response r on r.id = a.response_id where r.run_id in (:runs)"
                        + " and a.score is not null group by r.run_id, a.question_id, a.score")
                .param("runs", runs).query(SurveyQuery::scoreCount).list();
    }

    /** A text question's answers of a run, in no meaningful order (the caller shuffles them). */
    public List<String> texts(long run, long question) {
        return jdbc.sql("select a.text from survey_answer a join survey_response r on r.id = a.response_id"
                        + " where r.run_id = :run and a.question_id = :question and a.text is not null")
                .param("run", run).param("question", question).query(String.class).list();
    }

    private static ScoreCount scoreCount(ResultSet rs, int n) throws SQLException {
        String role = rs.getString("role_group");
        return new ScoreCount(rs.getLong("run_id"), role == null ? null : Role.valueOf(role),
                rs.getLong("question_id"), rs.getInt("score"), rs.getInt("n"));
    }

    private static SurveyRun run(ResultSet rs, int n) throws SQLException {
        return new SurveyRun(new SurveyRunId(rs.getLong("id")), new SurveyId(rs.getLong("survey_id")),
                rs.getString("title"), rs.getObject("period_start", LocalDate.class), instant(rs, "opens_at"),
                instant(rs, "closes_at"), rs.getInt("audience_size"));
    }


    public static Set<Role> roles(String audience) {
        if (audience == null || audience.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(audience.split(",")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
