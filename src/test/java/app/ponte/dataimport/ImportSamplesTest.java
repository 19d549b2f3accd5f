package app.ponte.dataimport;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.lead.LeadHistoryService;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.security.NewUser;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The sample files the import page offers import cleanly, kind after kind in the page's order, into
 * a database holding what they refer to from the demo data (the demo team's sromano and rossi and
 * the channels every database has): a sample that stopped importing would teach users a wrong file.
 */
@PonteTest
@Tag("persistence")
class ImportSamplesTest {

    /** The demo team's people the samples name besides the users sample's own. */
    private static final Map<String, Role> DEMO_PEOPLE = Map.of("sromano", Role.MARKETING, "rossi", Role.SALES);

    @Autowired
    ImportService imports;

    @Autowired
    UserService users;

    @Autowired
    LeadService leads;


    @Autowired

    LeadHistoryService leadHistory;

    @BeforeEach
    void demoPeopleAndAnAdmin() {
        DEMO_PEOPLE.forEach((username, role) -> SystemCaller.run(() -> {
            if (users.findByUsername(username).isEmpty()) {
                users.create(new NewUser(username, username, username + "@ponte.example", Set.of(role),
                        "ponte-demo-1", Locale.ITALIAN));
            }
        }));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "imp-samples", null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()),
                        new SimpleGrantedAuthority(Role.MANAGER.authority()))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void every_sample_file_imports_in_the_kinds_order() throws IOException {
        for (ImportKind kind : ImportKind.values()) {
            long records;
            try (InputStream in = imports.sample(kind)) {
                records = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().count() - 1;
            }
            ImportResult result;
            try (InputStream in = imports.sample(kind)) {
                result = imports.importCsv(kind, in, Locale.ENGLISH, ImportProgress.NONE);
            }
            assertThat(result.problems()).as(kind.code()).isEmpty();
            assertThat(result.imported()).as(kind.code()).isEqualTo(records).isGreaterThanOrEqualTo(2);
        }
        // the story the samples tell: the first lead became a customer, the second was lost
        var ids = leadHistory.idsByExternalId(List.of("crm-1001", "crm-1002"));
        assertThat(leads.get(ids.get("crm-1001")).orElseThrow().status()).isEqualTo(LeadStatus.WON);
        assertThat(leads.get(ids.get("crm-1002")).orElseThrow().status()).isEqualTo(LeadStatus.LOST);
    }

    @Test
    void every_template_names_the_columns_and_gives_an_example_row() {
        for (ImportKind kind : ImportKind.values()) {
            var out = new java.io.ByteArrayOutputStream();
            imports.writeTemplate(kind, out);
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).as(kind.code()).hasSize(2);
            assertThat(lines.getFirst()).isEqualTo(String.join(",", kind.columns()));
        }
    }
}
