package app.ponte.stats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import app.ponte.stats.Period;
import app.ponte.stats.StatsFixture;
import app.ponte.stats.ui.StatsFilter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /reports/audit.pdf}: a real PDF with the report's sentences, for MANAGER and ADMIN only. */
@PonteTest
class AuditPdfTest {

    private static final String URL = "/reports/audit.pdf?from=1992-01-01&to=1992-12-31";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers testUsers;
    @Autowired
    StatsFixture fixture;
    @Autowired
    AuditReportService report;
    @Autowired
    Clock clock;

    @Test
    void the_pdf_holds_the_first_sections_sentence_with_its_accents() throws Exception {
        String channel = fixture.channel(StatsFixture.prefix() + "_P", "ONLINE");
        UserSummary marketer = testUsers.create("pdf-mkt", Role.MARKETING);
        fixture.lead(channel, StatsFixture.rome("1992-02-03T10:00:00"), marketer.id());
        fixture.lead(channel, StatsFixture.rome("1992-09-03T10:00:00"), marketer.id());
        UserSummary manager = testUsers.create("pdf-mgr", Role.MANAGER);
        // an Italian reader: the sentences carry accents ("È stato", "più") that the PDF's font must hold
        SystemCaller.run(() -> jdbcLanguage(manager, "it"));

        var response = mvc.perform(get(URL).with(httpBasic(manager.username(), TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse();
        byte[] bytes = response.getContentAsByteArray();
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        String first = SystemCaller.callAs(manager.username(), List.of(Role.MANAGER), () -> report.section("volume",
                new StatsFilter(new Period(LocalDate.of(1992, 1, 1), LocalDate.of(1992, 12, 31)), null), clock.instant(),
                Locale.ITALIAN)).sentence();
        assertThat(first).startsWith("Sono stati creati 2 lead");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(normalise(text)).contains(normalise(first));
            assertThat(text).contains("Report di audit delle vendite").contains("7. Capacità");
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(8);
        }
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void jdbcLanguage(UserSummary user, String language) {
        jdbc.sql("update app_user set language = :language where id = :id").param("language", language)
                .param("id", user.id().value()).update();
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    @Test
    void marketing_and_sales_get_403_and_nobody_signed_in_401() throws Exception {
        UserSummary marketer = testUsers.create("pdf-m", Role.MARKETING);
        UserSummary sales = testUsers.create("pdf-s", Role.SALES);
        mvc.perform(get(URL).with(httpBasic(marketer.username(), TestUsers.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get(URL).with(httpBasic(sales.username(), TestUsers.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get(URL)).andExpect(status().isUnauthorized());
    }

    @Autowired
    app.ponte.security.ApiTokenService tokens;

    @Test
    void an_api_token_of_a_manager_opens_it_in_the_language_it_names() throws Exception {
        String admin = testUsers.create("pdf-token-admin", Role.ADMIN).username();
        var token = SystemCaller.callAs(admin, List.of(Role.ADMIN), () -> tokens.create(
                new app.ponte.security.NewApiToken(TestUsers.uniqueName("pdf"), Role.MANAGER,
                        LocalDate.now(clock).plusDays(30))));
        byte[] bytes = mvc.perform(get(URL + "&lang=it").header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Report di audit delle vendite");
        }
        mvc.perform(get(URL).header("Authorization", "Bearer wrong")).andExpect(status().isUnauthorized());
    }

    @Test
    void a_signed_in_browser_session_opens_it_too() throws Exception {
        UserSummary admin = testUsers.create("pdf-a", Role.ADMIN);
        var session = new org.springframework.mock.web.MockHttpSession();
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        var authorities = List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ADMIN"));
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(new org.springframework.security.core.userdetails.User(admin.username(), "", authorities),
                        null, authorities));
        session.setAttribute("SPRING_SECURITY_CONTEXT", context);
        mvc.perform(get(URL).session(session)).andExpect(status().isOk());
    }
}
