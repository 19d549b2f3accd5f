package app.ponte.base.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI document at {@code /api/openapi}: signed in like any API call, it lists the API's paths. */
@PonteTest
class OpenApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers testUsers;

    @Test
    void the_document_lists_the_api_and_needs_a_sign_in() throws Exception {
        mvc.perform(get("/api/openapi")).andExpect(status().isUnauthorized());
        String sales = testUsers.create("openapi-reader", Role.SALES).username();
        mvc.perform(get("/api/openapi").with(httpBasic(sales, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/leads'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/api/leads'].post.responses['429']").exists())
                .andExpect(jsonPath("$.components.schemas.IntakeReceipt.properties.duplicate").exists())
                .andExpect(jsonPath("$.components.schemas.WebForm.properties.note").exists())
                .andExpect(jsonPath("$.paths['/api/stats/funnel'].get").exists())
                .andExpect(jsonPath("$.paths['/api/me'].get").exists())
                .andExpect(jsonPath("$.paths['/api/openapi']").doesNotExist());
    }
}
