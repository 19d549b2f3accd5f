package app.ponte.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The leads CSV export: the columns of the leads import, the list's filters, a stable external id
 * for leads made in Ponte, and no cell a spreadsheet would run as a formula.
 */
@PonteTest
@Tag("persistence")
class LeadExportTest {

    @Autowired
    LeadService leads;


    @Autowired

    LeadHistoryService leadHistory;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String export(LeadFilter filter) {
        var out = new ByteArrayOutputStream();
        leads.export(filter, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static LeadFilter text(String text) {
        return new LeadFilter(text, null, null, null, null, false, null, null);
    }

    private LeadId imported(String externalId, String createdAt, UserSummary by, UserSummary owner, String name,
            String company, String email, String phone, String channel, Intent intent, String value) {
        return SystemCaller.call(() -> leadHistory.importLead(new ImportedLead(externalId, Instant.parse(createdAt),
                by.id(), owner.id(), name, company, email, phone, channel, intent,
                value == null ? null : new BigDecimal(value))));
    }

    @Test
    void the_export_has_the_columns_of_the_leads_import_with_usernames_iso_instants_and_plain_decimals() {
        String tag = TestUsers.uniqueName("lx");
        UserSummary anna = testUsers.create("lx-anna", Role.MARKETING);
        UserSummary marco = testUsers.create("lx-marco", Role.SALES);
        imported("crm-" + tag, "2024-03-01T09:30:00Z", anna, marco, "Rossi, " + tag, "Rossi \"Srl\"",
                "rossi@example.com", "02 1234", "SEO", Intent.TRANSACTIONAL, "1500.5");
        imported(null, "2024-03-02T10:00:00.123Z", anna, anna, "Verdi " + tag, null, null, null, "WEBSITE", null,
                null);
        LeadServiceTest.signIn(marco);
        LeadId verdi = leads.find(text("Verdi " + tag), LeadSort.NAME, true, 0, 10).getFirst().id();

        assertThat(export(text(tag))).isEqualTo(
                "external_id,created_at,created_by,owner,name,company,email,phone,channel,intent,value\r\n"
                + "crm-" + tag + ",2024-03-01T09:30:00Z," + anna.username() + "," + marco.username() + ",\"Rossi, "
                + tag + "\",\"Rossi \"\"Srl\"\"\",rossi@example.com,02 1234,SEO,TRANSACTIONAL,1500.50\r\n"
                + "ponte-" + verdi.value() + ",2024-03-02T10:00:00.123Z," + anna.username() + "," + anna.username()
                + ",Verdi " + tag + ",,,,WEBSITE,,\r\n");
    }

    @Test
    void a_lead_named_like_a_formula_exports_as_text() {
        String tag = TestUsers.uniqueName("lx-formula");
        UserSummary anna = testUsers.create("lx-f", Role.MARKETING);
        LeadId hyperlink = imported(null, "2024-04-01T08:00:00Z", anna, anna, "=HYPERLINK(\"x\")", tag, null,
                "+39 02 1234", "SEO", null, null);
        LeadId minus = imported(null, "2024-04-01T08:00:01Z", anna, anna, "-1+1", tag, null, null, "SEO", null, null);
        LeadId at = imported(null, "2024-04-01T08:00:02Z", anna, anna, "@SUM(A1)", tag, null, null, "SEO", null,
                null);
        // the service strips names, but older data (an import, SQL) may start with a tab or a carriage return
        LeadId tab = imported(null, "2024-04-01T08:00:03Z", anna, anna, "Tab", tag, null, null, "SEO", null, null);
        jdbc.sql("update lead set name = :name where id = :id").param("name", "\tTab").param("id", tab.value()).update();
        LeadId cr = imported(null, "2024-04-01T08:00:04Z", anna, anna, "CR", tag, null, null, "SEO", null, null);
        jdbc.sql("update lead set name = :name where id = :id").param("name", "\rCR").param("id", cr.value()).update();
        LeadServiceTest.signIn(anna);

        String[] lines = export(text(tag)).split("\r\n(?=ponte-)");
        String who = ",2024-04-01T08:00:0";
        String people = "Z," + anna.username() + "," + anna.username() + ",";
        assertThat(lines).containsExactly(
                "external_id,created_at,created_by,owner,name,company,email,phone,channel,intent,value",
                "ponte-" + hyperlink.value() + who + "0" + people + "\"'=HYPERLINK(\"\"x\"\")\"," + tag
                        + ",,'+39 02 1234,SEO,,",
                "ponte-" + minus.value() + who + "1" + people + "'-1+1," + tag + ",,,SEO,,",
                "ponte-" + at.value() + who + "2" + people + "'@SUM(A1)," + tag + ",,,SEO,,",
                "ponte-" + tab.value() + who + "3" + people + "'\tTab," + tag + ",,,SEO,,",
                "ponte-" + cr.value() + who + "4" + people + "\"'\rCR\"," + tag + ",,,SEO,,\r\n");
    }

    @Test
    void a_filtered_export_holds_only_the_leads_the_filtered_list_shows() {
        String tag = TestUsers.uniqueName("lx-filter");
        UserSummary anna = testUsers.create("lx-fa", Role.MARKETING);
        UserSummary bruno = testUsers.create("lx-fb", Role.MARKETING);
        imported(null, "2024-05-01T08:00:00Z", anna, anna, "Anna SEO " + tag, null, null, null, "SEO", null, null);
        imported(null, "2024-05-01T08:00:00Z", anna, anna, "Anna Web " + tag, null, null, null, "WEBSITE", null,
                null);
        imported(null, "2024-05-01T08:00:00Z", bruno, bruno, "Bruno SEO " + tag, null, null, null, "SEO", null,
                null);
        LeadServiceTest.signIn(anna);

        String seo = export(new LeadFilter(tag, null, null, "SEO", null, false, null, null));
        assertThat(seo.lines().skip(1).map(l -> l.split(",")[4])).containsExactly("Anna SEO " + tag,
                "Bruno SEO " + tag);
        String mine = export(new LeadFilter(tag, null, null, null, null, true, null, null));
        assertThat(mine.lines().skip(1).map(l -> l.split(",")[4])).containsExactly("Anna SEO " + tag,
                "Anna Web " + tag);
        String none = export(new LeadFilter(tag, LeadStatus.WON, null, null, null, false, null, null));
        assertThat(none).isEqualTo(String.join(",", LeadService.EXPORT_HEADER) + "\r\n");
    }

    @Test
    void the_export_pages_through_more_leads_than_one_statement_reads() {
        String tag = TestUsers.uniqueName("lx-many");
        UserSummary anna = testUsers.create("lx-m", Role.MARKETING);
        int count = LeadService.EXPORT_CHUNK + 3;
        for (int i = 0; i < count; i++) {
            imported(null, "2024-06-01T08:00:00Z", anna, anna, "Many " + i + " " + tag, null, null, null, "SEO", null,
                    null);
        }
        LeadServiceTest.signIn(anna);

        var rows = export(text(tag)).lines().skip(1).toList();
        assertThat(rows).hasSize(count);
        assertThat(rows).doesNotHaveDuplicates();
        assertThat(rows.getLast()).contains(",Many " + (count - 1) + " " + tag + ",");
    }

    @Test
    void nobody_exports_without_signing_in() {
        assertThatThrownBy(() -> export(LeadFilter.none()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
