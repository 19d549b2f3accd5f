package app.ponte.health.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.health.SurveyFixtures;
import app.ponte.health.SurveyId;
import app.ponte.health.SurveyRunId;
import app.ponte.health.SurveyService;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/stats/surveys/{runId}}: results at the threshold, only the count below it. */
@PonteTest
@Tag("persistence")
class SurveyStatsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers testUsers;

    @Autowired
    SurveyFixtures fixtures;

    @Autowired
    SurveyService surveys;

    @Test
    void below_the_threshold_the_api_answers_the_count_and_suppressed_only() throws Exception {
        UserSummary manager = testUsers.create("api-survey-few", Role.MANAGER);
        SurveyId survey = fixtures.survey(manager, "Api few", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        fixtures.answer(survey, run, Role.SALES, 10, 10, 10, 10);
        mvc.perform(get("/api/stats/surveys/" + run.value()).with(httpBasic(manager.username(), TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"responses\":4,\"suppressed\":true}", org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void at_the_threshold_the_api_answers_enps_and_questions() throws Exception {
        UserSummary admin = testUsers.create("api-survey-admin", Role.ADMIN);
        UserSummary manager = testUsers.create("api-survey-mgr", Role.MANAGER);
        SurveyId survey = fixtures.survey(manager, "Api enough", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        fixtures.answer(survey, run, Role.SALES, 10, 9, 8, 6, 0);
        mvc.perform(get("/api/stats/surveys/" + run.value()).with(httpBasic(admin.username(), TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.responses").value(5))
                .andExpect(jsonPath("$.suppressed").value(false))
                .andExpect(content().json("{\"enps\":{\"promoters\":2,\"passives\":1,\"detractors\":2,\"score\":0}}"))
                .andExpect(jsonPath("$.questions[0].type").value("ENPS_0_10"))
                .andExpect(jsonPath("$.questions[0].text")
                        .value("How likely are you to recommend our company as a place to work?"))
                .andExpect(jsonPath("$.questions[0].answered").value(5))
                .andExpect(jsonPath("$.questions[0].mean").value(6.6))
                .andExpect(jsonPath("$.questions[0].distribution.10").value(1))
                .andExpect(jsonPath("$.questions[0].distribution.5").value(0))
                .andExpect(jsonPath("$.questions[1].type").value("SCALE_1_5"))
                .andExpect(jsonPath("$.questions[1].mean").value(4.0))
                .andExpect(jsonPath("$.questions[1].distribution.4").value(5))
                .andExpect(jsonPath("$.questions[2].type").value("TEXT"))
                .andExpect(jsonPath("$.questions[2].texts.length()").value(5));
    }

    @Test
    void a_salesperson_is_refused_and_an_unknown_run_is_a_400() throws Exception {
        UserSummary seller = testUsers.create("api-survey-sales", Role.SALES);
        mvc.perform(get("/api/stats/surveys/1").with(httpBasic(seller.username(), TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        UserSummary manager = testUsers.create("api-survey-404", Role.MANAGER);
        mvc.perform(get("/api/stats/surveys/999999999").with(httpBasic(manager.username(), TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("This survey run does not exist."));
    }

    @Test
    void the_csv_form_follows_the_same_threshold_and_an_unknown_run_is_still_the_json_400() throws Exception {
        UserSummary manager = testUsers.create("api-survey-csv", Role.MANAGER);
        SurveyId survey = fixtures.survey(manager, "Api csv few", Role.SALES);
        SurveyRunId run = fixtures.open(survey);
        fixtures.answer(survey, run, Role.SALES, 10, 10);
        String period = SurveyFixtures.as(manager, () -> surveys.runs(survey)).getLast().periodStart().toString();
        mvc.perform(get("/api/stats/surveys/" + run.value() + "?format=csv")
                        .with(httpBasic(manager.username(), TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(String.join(",", SurveyService.EXPORT_HEADER) + "\r\n"
                        + "Api csv few," + period + ",ALL,2,true,,,,,,,,,,,\r\n"));
        mvc.perform(get("/api/stats/surveys/999999999?format=csv").with(httpBasic(manager.username(), TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("This survey run does not exist."));
    }
}
