package app.ponte.dataimport.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.security.Role;
import app.ponte.stats.StatsFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/import/{kind}}: the JSON of import.md for success and refusal, ADMIN only. */
@PonteTest
@Tag("persistence")
class ImportApiControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers testUsers;

    @Autowired
    StatsFixture data;

    private ResultActions post(String username, String kind, String csv) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/import/" + kind)
                .with(httpBasic(username, TestUsers.PASSWORD)).contentType("text/csv").content(csv));
    }

    @Test
    void a_good_file_answers_200_with_the_count() throws Exception {
        String admin = testUsers.create("imp-api-a", Role.ADMIN).username();
        String channel = data.channel(StatsFixture.prefix() + "_I", "ONLINE");
        post(admin, "spend", "channel,month,amount\r\n" + channel + ",2019-01,10\r\n" + channel + ",2019-02,20.5\r\n")
                .andExpect(status().isOk())
                .andExpect(content().json("{\"kind\":\"spend\",\"imported\":2}", org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void a_bad_file_answers_422_with_every_bad_row_and_stores_nothing() throws Exception {
        String admin = testUsers.create("imp-api-b", Role.ADMIN).username();
        String channel = data.channel(StatsFixture.prefix() + "_J", "ONLINE");
        String csv = "channel,month,amount\n" + channel + ",2019-01,10\nFAX,2019-02,1\n" + channel + ",2019-03,ten\n";
        post(admin, "spend", csv)
                .andExpect(status().isUnprocessableContent())
                // the unknown channel's message lists every channel's code, and other tests add channels
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("channel"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("Unknown channel 'FAX'; use a code or a name of: "),
                        org.hamcrest.Matchers.containsString("ADVERTISING"),
                        org.hamcrest.Matchers.containsString("WORD_OF_MOUTH"))))
                .andExpect(jsonPath("$.errors[1]").value(org.hamcrest.Matchers.equalTo(java.util.Map.of("line", 4,
                        "column", "amount", "message",
                        "'ten' is not a number: write digits with a point for decimals, e.g. 1250.50."))));
        // nothing stored: the good first row imports afterwards without a duplicate
        post(admin, "spend", "channel,month,amount\n" + channel + ",2019-01,10\n")
                .andExpect(status().isOk());
    }

    @Test
    void only_admins_may_import_and_unknown_kinds_are_404() throws Exception {
        String manager = testUsers.create("imp-api-m", Role.MANAGER).username();
        String admin = testUsers.create("imp-api-c", Role.ADMIN).username();
        post(manager, "spend", "channel,month,amount\n").andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/import/spend")
                .contentType("text/csv").content("x")).andExpect(status().isUnauthorized());
        post(admin, "campaigns", "code\n").andExpect(status().isNotFound())
                .andExpect(content().json("{\"error\":\"the import of 'campaigns' is planned, not available yet\"}"));
        post(admin, "fax", "code\n").andExpect(status().isNotFound());
    }
}
