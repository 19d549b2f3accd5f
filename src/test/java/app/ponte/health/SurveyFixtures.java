package app.ponte.health;

import app.ponte.TestUsers;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Surveys, runs and answers for the team-health tests, made through the services. */
@Component
public class SurveyFixtures {

    private final SurveyService surveys;
    private final TestUsers testUsers;
    private final Clock clock;

    public SurveyFixtures(SurveyService surveys, TestUsers testUsers, Clock clock) {
        this.surveys = surveys;
        this.testUsers = testUsers;
        this.clock = clock;
    }

    /** Runs work as the given user with the given roles; the previous caller is restored. */
    public static <T> T as(UserSummary user, Supplier<T> work) {
        return SystemCaller.callAs(user.username(), user.roles(), work);
    }

    public static void as(UserSummary user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }

    /** A one-off survey (eNPS, one 1–5 question, one text question) for the given roles. */
    public SurveyId survey(UserSummary manager, String title, Role... audience) {
        return as(manager, () -> surveys.create(new NewSurvey(title, Cadence.ONCE, java.util.Set.of(audience), 5,
                LocalDate.now(clock), List.of(LibraryQuestion.ENPS.question(), LibraryQuestion.WORKLOAD.question(),
                        LibraryQuestion.IMPROVE.question()))));
    }

    /** Opens the survey's run for today's period, as the scheduler would. */
    public SurveyRunId open(SurveyId survey) {
        SystemCaller.call(() -> surveys.openRun(survey, LocalDate.now(clock)));
        return SystemCaller.call(() -> surveys.runs(survey)).getLast().id();
    }

    public List<Question> questions(SurveyId survey) {
        return SystemCaller.call(() -> surveys.questions(survey));
    }

    /** New users of the role each answering the run with the given eNPS scores (workload 4, a text). */
    public List<UserSummary> answer(SurveyId survey, SurveyRunId run, Role role, int... enpsScores) {
        List<Question> q = questions(survey);
        List<UserSummary> people = new ArrayList<>();
        for (int score : enpsScores) {
            UserSummary person = testUsers.create("answer", role);
            as(person, () -> surveys.answer(run, new SurveyAnswers(
                    Map.of(q.get(0).id(), score, q.get(1).id(), 4), Map.of(q.get(2).id(), "text " + score))));
            people.add(person);
        }
        return people;
    }

    public static int[] scores(int... scores) {
        return Arrays.copyOf(scores, scores.length);
    }
}
