package app.ponte.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.health.OneOnOneService;
import app.ponte.health.SurveyFixtures;
import app.ponte.health.SurveyService;
import app.ponte.health.SurveySummary;
import app.ponte.health.TrendPoint;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Demo team health: a year of monthly runs above the threshold, this month's below it, one-on-ones. */
@PonteTest
@Tag("persistence")
class DemoHealthTest {

    @Autowired
    DemoHealth demoHealth;

    @Autowired
    SurveyService surveys;

    @Autowired
    OneOnOneService oneOnOnes;

    @Autowired
    TestUsers testUsers;

    @Test
    void a_year_of_pulse_runs_above_the_threshold_and_this_month_below_it() {
        UserSummary manager = testUsers.create("demo-health-mgr", Role.MANAGER);
        UserSummary seller = testUsers.create("demo-health-sales", Role.SALES);
        UserSummary marketer = testUsers.create("demo-health-mkt", Role.MARKETING);
        // the demo team has 14 active people; the test database may hold fewer
        for (int i = 0; i < 11; i++) {
            testUsers.create("demo-health-team", i % 2 == 0 ? Role.SALES : Role.MARKETING);
        }
        int runs = SystemCaller.call(() -> demoHealth.create(7L, ZoneOffset.UTC, manager, seller, marketer));
        assertThat(runs).isEqualTo(13);

        SurveySummary survey = SystemCaller.call(() -> surveys.surveys()).stream()
                .filter(s -> s.title().equals(DemoHealth.SURVEY_TITLE)).reduce((a, b) -> b).orElseThrow();
        List<TrendPoint> trend = SurveyFixtures.as(manager, () -> surveys.trend(survey.id()));
        assertThat(trend).hasSize(13);
        assertThat(trend.subList(0, 12)).allSatisfy(p -> {
            assertThat(p.suppressed()).isFalse();
            assertThat(p.responses()).isGreaterThanOrEqualTo(surveys.anonymityThreshold());
            assertThat(p.enps()).isBetween(-100, 100);
        });
        TrendPoint current = trend.getLast();
        assertThat(current.suppressed()).isTrue();
        assertThat(current.responses()).isEqualTo(3);
        assertThat(SurveyFixtures.as(manager, () -> surveys.results(current.run().id())).questions()).isEmpty();

        assertThat(SurveyFixtures.as(seller, () -> oneOnOnes.mine())).hasSize(4);
        assertThat(SurveyFixtures.as(seller, () -> oneOnOnes.myOpenActionItems()))
                .extracting(a -> a.text()).containsExactly("Prepare the key-account pilot plan");
        assertThat(SurveyFixtures.as(marketer, () -> oneOnOnes.myOpenActionItems())).hasSize(1);
        var last = SurveyFixtures.as(seller, () -> oneOnOnes.mine()).get(1);
        assertThat(SurveyFixtures.as(manager, () -> oneOnOnes.myPrivateNote(last.id()))).isPresent();
        assertThat(SurveyFixtures.as(seller, () -> oneOnOnes.myPrivateNote(last.id()))).isEmpty();
    }
}
