package app.ponte.stats.api;

import static app.ponte.stats.StatsFixture.rome;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.lead.LeadId;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import app.ponte.stats.StatsFixture;
import java.math.BigDecimal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code /api/stats/**?format=csv}: the same figures as the JSON, as CSV; bad parameters are
 * still the JSON 400 and the roles are the same. Data in a channel of its own, or in empty years.
 */
@PonteTest
@Tag("persistence")
class StatsCsvApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers testUsers;

    @Autowired
    StatsFixture data;

    private ResultActions getAs(String username, String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic(username, TestUsers.PASSWORD)));
    }

    private String manager() {
        return testUsers.create("st-csv-mgr", Role.MANAGER).username();
    }

    @Test
    void the_funnel_of_a_channel_as_csv() throws Exception {
        UserSummary m = testUsers.create("st-csv-f", Role.MARKETING, Role.SALES);
        String ch = data.channel(StatsFixture.prefix() + "_C", "ONLINE");
        data.lead(ch, rome("2021-05-05T10:00:00"), m.id());
        LeadId won = data.lead(ch, rome("2021-05-06T10:00:00"), m.id(), m.id(), new BigDecimal("1234.5"));
        data.win(won, rome("2021-05-10T10:00:00"), m.id());
        getAs(manager(), "/api/stats/funnel?from=2021-01-01&to=2021-12-31&format=csv&channel=" + ch)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"funnel.csv\""))
                .andExpect(content().string("status,reached,conversion,lost\r\nNEW,2,,0\r\nMQL,1,0.5,0\r\n"
                        + "SQL,1,1.0,0\r\nOPPORTUNITY,1,1.0,0\r\nWON,1,1.0,\r\n"));
        // without format=csv the JSON contract is untouched
        getAs(manager(), "/api/stats/funnel?from=2021-01-01&to=2021-12-31&channel=" + ch)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.cohort").value(2));
    }

    @Test
    void an_empty_period_gives_the_header_and_zero_rows_where_the_table_has_fixed_rows() throws Exception {
        String mgr = manager();
        getAs(mgr, "/api/stats/volume?from=1993-01-01&to=1993-03-31&bucket=month&format=csv")
                .andExpect(status().isOk())
                .andExpect(content().string("start,leads,mqls,won\r\n1993-01-01,0,0,0\r\n1993-02-01,0,0,0\r\n"
                        + "1993-03-01,0,0,0\r\n"));
        getAs(mgr, "/api/stats/time-to-customer?from=1993-01-01&to=1993-12-31&format=csv")
                .andExpect(status().isOk())
                .andExpect(content().string("channel,count,mean_days,median_days\r\nALL,0,,\r\n"));
        getAs(mgr, "/api/stats/repeat-purchases?from=1993-01-01&to=1993-12-31&format=csv")
                .andExpect(status().isOk())
                .andExpect(content().string("buyers,one_time,repeat,buyers_1,buyers_2,buyers_3,buyers_4,"
                        + "buyers_5_plus,revenue,repeat_revenue_share\r\n0,0,0,0,0,0,0,0,0.00,\r\n"));
        getAs(mgr, "/api/stats/handoffs?from=1993-01-01&to=1993-12-31&format=csv")
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.endsWith("\r\n0,0,0,0,,,24,0,0,0,0,0,0,0\r\n")));
    }

    @Test
    void a_bad_parameter_is_the_json_400_and_the_roles_are_those_of_the_api() throws Exception {
        getAs(manager(), "/api/stats/volume?from=1993-01-01&to=1993-03-31&bucket=day&format=csv")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.field").value("bucket"));
        getAs(testUsers.create("st-csv-mkt", Role.MARKETING).username(),
                "/api/stats/reps?from=1993-01-01&to=1993-12-31&format=csv")
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/stats/reps?from=1993-01-01&to=1993-12-31&format=csv"))
                .andExpect(status().isUnauthorized());
        getAs(manager(), "/api/stats/nothing?format=csv").andExpect(status().isNotFound());
    }
}
