package app.ponte.dataimport;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.security.SystemCaller;
import app.ponte.lead.ImportedLead;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadFilter;
import app.ponte.lead.LeadHistoryService;
import app.ponte.lead.LeadService;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import app.ponte.stats.StatsFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 11: a leads export imports back with every field kept. Leads made in Ponte (no external
 * id) export as {@code ponte-<id>}; importing that file makes a copy of each with that external id,
 * so the channel's export afterwards holds every original line exactly twice — formula-guarded
 * names, quotes, commas and line breaks, non-ASCII text, people, instants and values included.
 */
@PonteTest
@Tag("persistence")
class LeadsRoundTripTest {

    @Autowired
    LeadService leads;


    @Autowired

    LeadHistoryService leadHistory;

    @Autowired
    ImportService imports;

    @Autowired
    TestUsers testUsers;

    @Autowired
    StatsFixture data;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_export_of_leads_imports_back_with_every_field() throws Exception {
        UserSummary anna = testUsers.create("rt-anna", Role.MARKETING);
        UserSummary marco = testUsers.create("rt-marco", Role.SALES);
        String channel = data.channel(StatsFixture.prefix() + "_RT", "ONLINE");
        String[][] rows = {
                {"=HYPERLINK(\"x\")", "Acme, \"Quoted\"\nSecond line", "a@example.com", "+39 02 1234", "TRANSACTIONAL",
                        "1500.5"},
                {"+plus", null, null, "-5 55", "INFORMATIONAL", null},
                {"@mention Zoë Łukasz-Müller", "Ærø Café", "zoe@example.com", null, null, "0.01"},
                {"-minus", "=SUM(A1:A2)", null, "(02) 555.12/3", "NAVIGATIONAL", "999999999999.99"},
                {"Plain Rossi", null, null, null, null, "0"},
        };
        for (int i = 0; i < rows.length; i++) {
            String[] r = rows[i];
            Instant created = Instant.parse("2024-05-0" + (i + 1) + "T09:30:00.123456Z");
            SystemCaller.call(() -> leadHistory.importLead(new ImportedLead(null, created, anna.id(),
                    r[0].startsWith("@") ? anna.id() : marco.id(), r[0], r[1], r[2], r[3], channel,
                    r[4] == null ? null : Intent.valueOf(r[4]), r[5] == null ? null : new BigDecimal(r[5]))));
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "rt-admin", null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()),
                        new SimpleGrantedAuthority(Role.MANAGER.authority()))));
        LeadFilter ofChannel = new LeadFilter(null, null, null, channel, null, false, null, null);

        String first = export(ofChannel);
        assertThat(first).contains("\"'=HYPERLINK(\"\"x\"\")\"").contains("'+plus").contains("'@mention")
                .contains("'=SUM(A1:A2)");
        ImportResult result = imports.importCsv(ImportKind.LEADS,
                new ByteArrayInputStream(first.getBytes(StandardCharsets.UTF_8)), Locale.ENGLISH, ImportProgress.NONE);
        assertThat(result.problems()).isEmpty();
        assertThat(result.imported()).isEqualTo(rows.length);

        List<List<String>> before = records(first);
        List<List<String>> after = records(export(ofChannel));
        List<List<String>> twice = new ArrayList<>(before);
        twice.addAll(before);
        assertThat(after).containsExactlyInAnyOrderElementsOf(twice);
        // and the copies are real leads with those values, not only equal text
        assertThat(leadHistory.idsByExternalId(before.stream().map(List::getFirst).toList())).hasSize(rows.length);
    }

    private String export(LeadFilter filter) {
        var out = new ByteArrayOutputStream();
        leads.export(filter, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<List<String>> records(String csv) throws Exception {
        try (var parser = CSVFormat.RFC4180.parse(new java.io.StringReader(csv))) {
            return parser.getRecords().stream().skip(1).map(CSVRecord::toList).toList();
        }
    }
}
