package app.ponte.health.repository;

import app.ponte.health.Cadence;
import app.ponte.health.NewQuestion;
import app.ponte.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes of surveys, runs, participation and responses; always inside the survey service's
 * transaction. A response gets a random id and carries no user and no time.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class SurveyStore {

    private final JdbcClient jdbc;

    public SurveyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertSurvey(String title, Cadence cadence, Set<Role> audience, int openDays, LocalDate startsOn,
            long createdBy, String createdByName, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into survey (title, cadence, audience, open_days, starts_on, active, created_by_id,"
                        + " created_at, updated_at, updated_by, version)"
                        + " values (:title, :cadence, :audience, :openDays, :startsOn, true, :by, :now, :now, :byName, 0)")
                .param("title", title).param("cadence", cadence.name())
                .param("audience", audience.isEmpty() ? null
                        : audience.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("openDays", openDays).param("startsOn", startsOn).param("by", createdBy)
                .param("now", now.atOffset(ZoneOffset.UTC)).param("byName", createdByName)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void insertQuestion(long survey, int order, NewQuestion question) {
        jdbc.sql("insert into survey_question (survey_id, sort_order, type, library_key, text)"
                        + " values (:survey, :order, :type, :key, :text)")
                .param("survey", survey).param("order", order).param("type", question.type().name())
                .param("key", question.libraryKey()).param("text", question.text()).update();
    }

    public int setActive(long survey, boolean active, String by, Instant now) {
        return jdbc.sql("update survey set active = :active, updated_at = :now, updated_by = :by,"
                        + " version = version + 1 where id = :id")
                .param("active", active).param("now", now.atOffset(ZoneOffset.UTC)).param("by", by)
                .param("id", survey).update();
    }

    /** Inserts a run; a second run for the same survey and period breaks the unique key. */
    public long insertRun(long survey, LocalDate periodStart, Instant opensAt, Instant closesAt, int audienceSize) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into survey_run (survey_id, period_start, opens_at, closes_at, audience_size)"
                        + " values (:survey, :period, :opens, :closes, :size)")
                .param("survey", survey).param("period", periodStart).param("opens", opensAt.atOffset(ZoneOffset.UTC))
                .param("closes", closesAt.atOffset(ZoneOffset.UTC)).param("size", audienceSize)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Records that a user answered a run; a second time breaks the primary key. */
    public void insertParticipation(long run, long user) {
        jdbc.sql("insert into survey_participation (run_id, user_id) values (:run, :user)")
                .param("run", run).param("user", user).update();
    }

    /** Stores one anonymous response and its answers (scores and texts by question id). */
    public void insertResponse(long run, Role roleGroup, Map<Long, Integer> scores, Map<Long, String> texts) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into survey_response (id, run_id, role_group) values (:id, :run, :role)")
                .param("id", id).param("run", run).param("role", roleGroup.name()).update();
        for (var e : scores.entrySet()) {
            jdbc.sql("insert into survey_answer (response_id, question_id, score, text) values (:id, :q, :score, null)")
                    .param("id", id).param("q", e.getKey()).param("score", e.getValue()).update();
        }
        for (var e : texts.entrySet()) {
            jdbc.sql("insert into survey_answer (response_id, question_id, score, text) values (:id, :q, null, :text)")
                    .param("id", id).param("q", e.getKey()).param("text", e.getValue()).update();
        }
    }

    public List<Long> questionIds(long survey) {
        return jdbc.sql("select id from survey_question where survey_id = :survey order by sort_order")
                .param("survey", survey).query(Long.class).list();
    }
}
