package app.ponte.health;

import static app.ponte.health.SurveyFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one-on-ones and survey list exports: each holds what its list shows the caller. */
@PonteTest
@Tag("persistence")
class HealthExportTest {

    @Autowired
    OneOnOneService oneOnOnes;

    @Autowired
    SurveyService surveys;

    @Autowired
    SurveyFixtures fixtures;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Clock clock;

    @Test
    void a_person_exports_only_their_own_one_on_ones() {
        UserSummary manager = testUsers.create("hx-oo-mgr", Role.MANAGER);
        UserSummary report = testUsers.create("hx-oo-rep", Role.SALES);
        UserSummary other = testUsers.create("hx-oo-other", Role.SALES);
        Instant first = LocalDate.of(2026, 12, 1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        Instant second = LocalDate.of(2026, 12, 15).atTime(9, 30).toInstant(ZoneOffset.UTC);
        as(manager, () -> oneOnOnes.schedule(new NewOneOnOne(report.id(), first, null, Rhythm.BIWEEKLY)));
        as(manager, () -> oneOnOnes.schedule(new NewOneOnOne(report.id(), second, 30, null)));
        as(manager, () -> oneOnOnes.schedule(new NewOneOnOne(other.id(), second, 45, Rhythm.MONTHLY)));

        var out = new ByteArrayOutputStream();
        as(report, () -> oneOnOnes.exportMine(out));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "scheduled_at,manager,report,duration_minutes,rhythm\r\n"
                + "2026-12-15T09:30:00Z," + manager.username() + "," + report.username() + ",30,\r\n"
                + "2026-12-01T10:00:00Z," + manager.username() + "," + report.username() + ",60,BIWEEKLY\r\n");
    }

    @Test
    void the_survey_list_exports_with_its_audience_and_counts() {
        UserSummary manager = testUsers.create("hx-sv-mgr", Role.MANAGER);
        String title = "+Pulse " + TestUsers.uniqueName("hx");
        SurveyId id = fixtures.survey(manager, title, Role.SALES, Role.MARKETING);
        fixtures.open(id);

        var out = new ByteArrayOutputStream();
        as(manager, () -> surveys.exportSurveys(out));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("title,cadence,audience,open_days,starts_on,active,questions,runs");
        assertThat(lines).contains("'" + title + ",ONCE,MARKETING;SALES,5," + LocalDate.now(clock) + ",true,3,1");
    }
}
