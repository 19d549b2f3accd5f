package app.ponte.stats.api;

import static app.ponte.stats.StatsFixture.rome;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.lead.LeadId;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import app.ponte.stats.StatsFixture;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code /api/stats/**}: the exact JSON of metrics.md (field names and order, money with two
 * decimals, unrounded ratios, nulls), 400 naming the parameter, 401/403 for the wrong caller.
 * Data lives in years no other test writes (2021, 2022) or in empty years, so bodies are exact.
 */
@PonteTest
@Tag("persistence")
class StatsApiControllerTest {

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
        return testUsers.create("st-api-mgr", Role.MANAGER).username();
    }

    @Test
    void the_funnel_json_has_the_fields_of_the_spec_in_order() throws Exception {
        UserSummary m = testUsers.create("st-api-f", Role.MARKETING, Role.SALES);
        String ch = data.channel(StatsFixture.prefix() + "_F", "ONLINE");
        // two cohort leads: one NEW, one won (value 1234.5) → MQL 1/2, SQL 1/1, ...; leadToCustomer 1/2
        data.lead(ch, rome("2021-05-05T10:00:00"), m.id());
        LeadId won = data.lead(ch, rome("2021-05-06T10:00:00"), m.id(), m.id(), new BigDecimal("1234.5"));
        data.win(won, rome("2021-05-10T10:00:00"), m.id());
        getAs(manager(), "/api/stats/funnel?from=2021-01-01&to=2021-12-31&channel=" + ch)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().string("{\"from\":\"2021-01-01\",\"to\":\"2021-12-31\",\"cohort\":2,"
                        + "\"steps\":[{\"status\":\"NEW\",\"reached\":2,\"conversion\":null},"
                        + "{\"status\":\"MQL\",\"reached\":1,\"conversion\":0.5},"
                        + "{\"status\":\"SQL\",\"reached\":1,\"conversion\":1.0},"
                        + "{\"status\":\"OPPORTUNITY\",\"reached\":1,\"conversion\":1.0},"
                        + "{\"status\":\"WON\",\"reached\":1,\"conversion\":1.0}],"
                        + "\"leadToCustomer\":0.5,\"lost\":{\"NEW\":0,\"MQL\":0,\"SQL\":0,\"OPPORTUNITY\":0}}"));
        // the rep who won it: money with two decimals, unrounded ratios, only non-zero types
        getAs(manager(), "/api/stats/reps?from=2021-01-01&to=2021-12-31")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("{\"username\":\"" + m.username() + "\",\"interactions\":0,"
                        + "\"interactionsByType\":{},\"scoredInteractions\":0,\"avgOutcome\":null,"
                        + "\"handoffsReceived\":0,\"accepted\":0,\"rejected\":0,\"pending\":0,\"acceptanceRate\":null,"
                        + "\"medianDecisionHours\":null,\"won\":1,\"wonValue\":1234.50,\"lostFromOpportunity\":0,"
                        + "\"winRate\":1.0}")));
        getAs(manager(), "/api/stats/marketers?from=2021-01-01&to=2021-12-31")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("{\"username\":\"" + m.username() + "\",\"leadsCreated\":2,"
                        + "\"mqls\":1,\"handoffsSent\":0,\"accepted\":0,\"rejected\":0,\"pending\":0,"
                        + "\"acceptanceRate\":null,\"handoffsWon\":0}")));
    }

    @Test
    void channel_economics_and_time_to_customer_json() throws Exception {
        UserSummary m = testUsers.create("st-api-c", Role.MARKETING, Role.SALES);
        String ch = data.channel(StatsFixture.prefix() + "_C", "OFFLINE");
        // 2022: three leads, one won after 3 days with purchases 100.10 + 0.01, spend 10.00 in March
        Instant created = rome("2022-03-01T10:00:00");
        LeadId won = data.lead(ch, created, m.id());
        data.win(won, rome("2022-03-04T10:00:00"), m.id());
        data.purchase(won, "2022-03-05", "100.10");
        data.purchase(won, "2023-01-05", "0.01");
        data.lead(ch, created, m.id());
        data.lead(ch, created, m.id());
        data.spend(ch, "2022-03", "10.00");
        // cpl 10 / 3 = 3.33; cac 10.00; revenue 100.11; ltv 100.11; ltvToCac 100.11 / 10 = 10.011
        getAs(manager(), "/api/stats/channels?from=2022-01-01&to=2022-12-31")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("{\"channel\":\"" + ch + "\",\"kind\":\"OFFLINE\","
                        + "\"leads\":3,\"mqls\":1,\"customers\":1,\"spend\":10.00,\"cpl\":3.33,\"cac\":10.00,"
                        + "\"revenue\":100.11,\"ltv\":100.11,\"ltvToCac\":10.011}")));
        getAs(manager(), "/api/stats/time-to-customer?from=2022-01-01&to=2022-12-31")
                .andExpect(status().isOk())
                .andExpect(content().string("{\"overall\":{\"count\":1,\"meanDays\":3.0,\"medianDays\":3.0},"
                        + "\"channels\":[{\"channel\":\"" + ch + "\",\"count\":1,\"meanDays\":3.0,\"medianDays\":3.0}]}"));
        getAs(manager(), "/api/stats/stage-durations?from=2022-01-01&to=2022-12-31&channel=" + ch)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statuses[0].status").value("NEW"))
                .andExpect(jsonPath("$.statuses[0].count").value(1))
                .andExpect(jsonPath("$.statuses[3].status").value("OPPORTUNITY"));
    }

    @Test
    void empty_periods_give_zeros_and_nulls_in_the_shapes_of_the_spec() throws Exception {
        String manager = manager();
        getAs(manager, "/api/stats/repeat-purchases?from=1981-01-01&to=1981-12-31")
                .andExpect(content().string("{\"buyers\":0,\"oneTime\":0,\"repeat\":0,"
                        + "\"histogram\":{\"1\":0,\"2\":0,\"3\":0,\"4\":0,\"5+\":0},\"revenue\":0.00,"
                        + "\"repeatRevenueShare\":null}"));
        getAs(manager, "/api/stats/handoffs?from=1981-01-01&to=1981-12-31&asOf=1982-01-01T00:00:00Z")
                .andExpect(content().string("{\"sent\":0,\"accepted\":0,\"rejected\":0,\"pending\":0,"
                        + "\"acceptanceRate\":null,\"medianDecisionHours\":null,\"slaHours\":24,\"overduePending\":0,"
                        + "\"rejectionReasons\":{}}"));
        getAs(manager, "/api/stats/time-to-customer?from=1981-01-01&to=1981-12-31")
                .andExpect(content().string("{\"overall\":{\"count\":0,\"meanDays\":null,\"medianDays\":null},"
                        + "\"channels\":[]}"));
        getAs(manager, "/api/stats/volume?from=1981-01-15&to=1981-03-10&bucket=month")
                .andExpect(content().string("{\"bucket\":\"month\",\"series\":["
                        + "{\"start\":\"1981-01-15\",\"leads\":0,\"mqls\":0,\"won\":0},"
                        + "{\"start\":\"1981-02-01\",\"leads\":0,\"mqls\":0,\"won\":0},"
                        + "{\"start\":\"1981-03-01\",\"leads\":0,\"mqls\":0,\"won\":0}]}"));
        getAs(manager, "/api/stats/stalled?asOf=1981-01-01T00:00:00Z")
                .andExpect(content().string("{\"days\":14,\"byStatus\":{\"NEW\":0,\"MQL\":0,\"SQL\":0,"
                        + "\"OPPORTUNITY\":0},\"leads\":[]}"));
        getAs(manager, "/api/stats/stage-durations?from=1981-01-01&to=1981-12-31")
                .andExpect(content().string("{\"statuses\":[{\"status\":\"NEW\",\"count\":0,\"meanDays\":null,"
                        + "\"medianDays\":null},{\"status\":\"MQL\",\"count\":0,\"meanDays\":null,\"medianDays\":null},"
                        + "{\"status\":\"SQL\",\"count\":0,\"meanDays\":null,\"medianDays\":null},"
                        + "{\"status\":\"OPPORTUNITY\",\"count\":0,\"meanDays\":null,\"medianDays\":null}]}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/stats/funnel?from=2021-13-01&to=2021-12-31|from",
        "/api/stats/funnel?to=2021-12-31|from",
        "/api/stats/funnel?from=2021-01-01|to",
        "/api/stats/funnel?from=2021-01-01&to=yesterday|to",
        "/api/stats/funnel?from=2021-02-01&to=2021-01-31|from",
        "/api/stats/funnel?from=2021-01-01&to=2021-12-31&channel=NOPE|channel",
        "/api/stats/stage-durations?from=2021-01-01&to=2021-12-31&channel=NOPE|channel",
        "/api/stats/volume?from=2021-01-01&to=2021-12-31&bucket=year|bucket",
        "/api/stats/volume?from=2021-01-01&to=2021-12-31|bucket",
        "/api/stats/handoffs?from=2021-01-01&to=2021-12-31&asOf=tomorrow|asOf",
        "/api/stats/stalled?days=two|days",
        "/api/stats/stalled?days=-1|days",
        "/api/stats/stalled?asOf=2021-01-01|asOf",
    })
    void a_bad_parameter_is_a_400_naming_it(String url, String parameter) throws Exception {
        getAs(manager(), url)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString(parameter)))
                .andExpect(jsonPath("$.field").value(parameter));
    }

    @Test
    void without_credentials_401_and_for_other_roles_403_managers_and_admins_200() throws Exception {
        String url = "/api/stats/funnel?from=1981-01-01&to=1981-12-31";
        mvc.perform(get(url)).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").exists());
        for (Role role : new Role[] {Role.SALES, Role.MARKETING}) {
            getAs(testUsers.create("st-api-" + role.name().toLowerCase(java.util.Locale.ROOT), role).username(), url)
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error").exists());
        }
        getAs(testUsers.create("st-api-admin", Role.ADMIN).username(), url).andExpect(status().isOk());
        getAs(manager(), url).andExpect(status().isOk()).andExpect(jsonPath("$.cohort").value(0));
    }
}
