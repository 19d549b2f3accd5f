package app.ponte.dataimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.handoff.HandoffEntry;
import app.ponte.handoff.HandoffService;
import app.ponte.interaction.InteractionEntry;
import app.ponte.interaction.InteractionService;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadHistoryService;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.purchase.MonthlySpend;
import app.ponte.purchase.Purchase;
import app.ponte.purchase.PurchaseService;
import app.ponte.security.Role;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import app.ponte.stats.StatsFixture;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The CSV import of each kind (import.md): a good file stores exactly its rows; one bad row stores
 * nothing and is reported with its line and column; the same file twice is refused as duplicates.
 * Every test works under its own prefix (usernames, external ids, channels) in the shared database.
 */
@PonteTest
@Tag("persistence")
class ImportServiceTest {

    @Autowired
    ImportService imports;

    @Autowired
    UserService users;

    @Autowired
    LeadService leads;


    @Autowired

    LeadHistoryService leadHistory;

    @Autowired
    InteractionService interactions;

    @Autowired
    HandoffService handoffs;

    @Autowired
    PurchaseService purchases;

    @Autowired
    StatsFixture data;

    private String p;

    @BeforeEach
    void signInAsAdmin() {
        p = StatsFixture.prefix().toLowerCase(Locale.ROOT);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "imp-admin", null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()),
                        new SimpleGrantedAuthority(Role.MANAGER.authority()))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private ImportResult run(ImportKind kind, String csv) {
        return imports.importCsv(kind, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), Locale.ENGLISH,
                ImportProgress.NONE);
    }

    private static void assertRefused(ImportResult result, long line, String column, String messagePart) {
        assertThat(result.stored()).isFalse();
        assertThat(result.imported()).isZero();
        assertThat(result.problems()).anySatisfy(problem -> {
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.column()).isEqualTo(column);
            assertThat(problem.message()).contains(messagePart);
        });
    }

    /** Three people of this test: a marketer, a rep and a manager. */
    private void people() {
        ImportResult result = run(ImportKind.USERS, "username,full_name,roles,email\r\n"
                + p + "-m,Marta Rossi,MARKETING,marta@example.com\r\n"
                + p + "-s,Sandro Bianchi,SALES,\r\n"
                + p + "-g,Giulia Verdi,MANAGER;SALES,giulia@example.com\r\n");
        assertThat(result.problems()).isEmpty();
    }

    private void lead(String externalId, String created) {
        assertThat(run(ImportKind.LEADS, "external_id,created_at,created_by,owner,name,channel\n"
                + externalId + "," + created + "," + p + "-m," + p + "-m,Lead " + externalId + ",SEO\n").problems())
                .isEmpty();
    }

    private LeadDetails leadByExternalId(String externalId) {
        LeadId id = leadHistory.idsByExternalId(List.of(externalId)).get(externalId);
        assertThat(id).as("lead " + externalId).isNotNull();
        return leads.get(id).orElseThrow();
    }

    // ---- users ---------------------------------------------------------------------------------

    @Test
    void users_are_imported_with_their_roles_and_cannot_sign_in() {
        ImportResult result = run(ImportKind.USERS, "username,full_name,roles,email\n"
                + p + "-a,Anna Ørsted,MARKETING;SALES,anna@example.com\n"
                + p + "-b,\"Bruno, the \"\"Boss\"\"\",MANAGER,\n");
        assertThat(result.problems()).isEmpty();
        assertThat(result.imported()).isEqualTo(2);
        UserSummary anna = users.findByUsername(p + "-a").orElseThrow();
        assertThat(anna.fullName()).isEqualTo("Anna Ørsted");
        assertThat(anna.roles()).containsExactlyInAnyOrder(Role.MARKETING, Role.SALES);
        assertThat(anna.canSignIn()).isFalse();
        assertThat(users.findByUsername(p + "-b").orElseThrow().fullName()).isEqualTo("Bruno, the \"Boss\"");
    }

    @Test
    void a_user_file_with_a_bad_row_in_the_middle_stores_nothing() {
        ImportResult result = run(ImportKind.USERS, "username,full_name,roles\n"
                + p + "-a,Anna,SALES\n"
                + p + "-b,Bruno,CEO\n"
                + p + "-c,Carla,SALES\n");
        assertRefused(result, 3, "roles", "Unknown value 'CEO'");
        assertThat(result.problems()).hasSize(1);
        assertThat(users.findByUsername(p + "-a")).isEmpty();
        assertThat(users.findByUsername(p + "-c")).isEmpty();
    }

    @Test
    void the_same_user_file_twice_reports_duplicates() {
        String csv = "username,full_name,roles\n" + p + "-a,Anna,SALES\n" + p + "-b,Bruno,SALES\n";
        assertThat(run(ImportKind.USERS, csv).imported()).isEqualTo(2);
        ImportResult again = run(ImportKind.USERS, csv);
        assertRefused(again, 2, "username", "already");
        assertRefused(again, 3, "username", "already");
    }

    // ---- the file and its header -----------------------------------------------------------------

    @Test
    void unknown_duplicate_and_missing_columns_are_errors_of_line_one() {
        ImportResult result = run(ImportKind.USERS, "username,nickname,roles,roles\n" + p + "-a,A,SALES,SALES\n");
        assertRefused(result, 1, "nickname", "Unknown column nickname");
        assertRefused(result, 1, "roles", "appears twice");
        assertRefused(result, 1, "full_name", "required column full_name is missing");
        assertThat(users.findByUsername(p + "-a")).isEmpty();
    }

    @Test
    void a_bom_quoted_newlines_and_non_ascii_text_are_read_and_lines_count_from_the_record_start() {
        people();
        String csv = "\uFEFFexternal_id,created_at,created_by,owner,name,company,email,phone,channel,intent,value\r\n"
                + p + "-1,2025-03-01T09:30:00+01:00," + p + "-m," + p + "-s,Zoë Müller-Łukasz,"
                + "\"Acme, \"\"Quoted\"\"\nSecond line\",zoe@example.com,+39 02 1234,SEO,TRANSACTIONAL,1250.50\r\n"
                + p + "-2,2025-03-02T10:00:00Z," + p + "-m," + p + "-m,Bad,,,,SEO,,12,5\r\n";
        ImportResult refused = run(ImportKind.LEADS, csv);
        // the first record spans lines 2 and 3, so the bad one starts on line 4
        assertRefused(refused, 4, null, "12 values where the header has 11");

        ImportResult result = run(ImportKind.LEADS, csv.substring(0, csv.lastIndexOf(p + "-2")));
        assertThat(result.problems()).isEmpty();
        assertThat(result.imported()).isEqualTo(1);
        LeadDetails lead = leadByExternalId(p + "-1");
        assertThat(lead.name()).isEqualTo("Zoë Müller-Łukasz");
        assertThat(lead.company()).isEqualTo("Acme, \"Quoted\"\nSecond line");
        assertThat(lead.email()).isEqualTo("zoe@example.com");
        assertThat(lead.phone()).isEqualTo("+39 02 1234");
        assertThat(lead.intent()).isEqualTo(Intent.TRANSACTIONAL);
        assertThat(lead.expectedValue()).isEqualByComparingTo("1250.50");
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2025-03-01T08:30:00Z"));
        assertThat(lead.createdBy().username()).isEqualTo(p + "-m");
        assertThat(lead.owner().username()).isEqualTo(p + "-s");
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
    }

    // ---- leads ---------------------------------------------------------------------------------

    @Test
    void every_bad_lead_row_is_reported_and_nothing_is_stored() {
        people();
        lead(p + "-old", "2025-01-01T00:00:00Z");
        String header = "external_id,created_at,created_by,owner,name,channel,value\n";
        ImportResult result = run(ImportKind.LEADS, header
                + p + "-1,2025-03-01T09:00:00Z," + p + "-m," + p + "-m,Good one,SEO,\n"
                + p + "-2,2025-03-01,"           + p + "-m," + p + "-m,Bad date,SEO,\n"
                + p + "-3,2025-03-01T09:00:00Z," + p + "-m," + p + "-m,Bad number,SEO,12;5\n"
                + p + "-4,2025-03-01T09:00:00Z," + p + "-m," + p + "-nobody,Unknown owner,SEO,\n"
                + p + "-5,2025-03-01T09:00:00Z," + p + "-m," + p + "-m,Unknown channel,FAX,\n"
                + p + "-old,2025-03-01T09:00:00Z," + p + "-m," + p + "-m,Stored before,SEO,\n"
                + p + "-1,2025-03-01T09:00:00Z," + p + "-m," + p + "-m,Twice in the file,SEO,\n"
                + p + "-8,2025-03-01T09:00:00Z," + p + "-m," + p + "-m,,SEO,\n"
                + p + "-9,2025-03-01T09:00:00Z," + p + "-m," + p + "-m,Negative,SEO,-5\n");
        assertRefused(result, 3, "created_at", "'2025-03-01' is not an instant");
        assertRefused(result, 4, "value", "'12;5' is not a number");
        assertRefused(result, 5, "owner", "No user " + p + "-nobody");
        assertRefused(result, 6, "channel", "Unknown channel 'FAX'");
        assertRefused(result, 7, "external_id", "already used");
        assertRefused(result, 8, "external_id", "already used");
        assertRefused(result, 9, "name", "required");
        assertRefused(result, 10, "value", "between 0 and");
        assertThat(result.problems()).hasSize(8);
        assertThat(leadHistory.idsByExternalId(List.of(p + "-1", p + "-9"))).isEmpty();
    }

    @Test
    void a_lead_names_its_channel_by_code_or_by_its_english_or_italian_name_in_any_case() {
        people();
        String header = "external_id,created_at,created_by,owner,name,channel\n";
        ImportResult result = run(ImportKind.LEADS, header
                + p + "-c,2025-03-01T09:00:00Z," + p + "-m," + p + "-m,By code,trade_fair\n"
                + p + "-e,2025-03-01T09:00:00Z," + p + "-m," + p + "-m,By English name,\" Word of Mouth \"\n"
                + p + "-i,2025-03-01T09:00:00Z," + p + "-m," + p + "-m,By Italian name,PASSAPAROLA\n"
                + p + "-a,2025-03-01T09:00:00Z," + p + "-m," + p + "-m,Accented,pubblicità\n");
        assertThat(result.problems()).isEmpty();
        assertThat(result.imported()).isEqualTo(4);
        assertThat(leadByExternalId(p + "-c").channelCode()).isEqualTo("TRADE_FAIR");
        assertThat(leadByExternalId(p + "-e").channelCode()).isEqualTo("WORD_OF_MOUTH");
        assertThat(leadByExternalId(p + "-i").channelCode()).isEqualTo("WORD_OF_MOUTH");
        assertThat(leadByExternalId(p + "-a").channelCode()).isEqualTo("ADVERTISING");
    }

    @Test
    void an_unknown_channel_is_refused_with_the_valid_codes_and_nothing_is_stored() {
        people();
        ImportResult result = run(ImportKind.LEADS, "external_id,created_at,created_by,owner,name,channel\n"
                + p + "-1,2025-03-01T09:00:00Z," + p + "-m," + p + "-m,Good one,Fiere\n"
                + p + "-2,2025-03-01T09:00:00Z," + p + "-m," + p + "-m,Unknown,Fax\n");
        assertRefused(result, 3, "channel", "Unknown channel 'Fax'; use a code or a name of: ");
        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().getFirst().message()).contains("ADVERTISING", "BLOG", "TRADE_FAIR").contains("WORD_OF_MOUTH");
        assertThat(leadHistory.idsByExternalId(List.of(p + "-1"))).isEmpty();

        ImportResult spend = run(ImportKind.SPEND, "channel,month,amount\nRete vendita,2019-05,10\nFax,2019-06,1\n");
        assertRefused(spend, 3, "channel", "Unknown channel 'Fax'");
        assertThat(purchases.spend(YearMonth.of(2019, 5), YearMonth.of(2019, 5)).stream()
                .filter(s -> s.channelCode().equals("SALES_NETWORK"))).isEmpty();
    }

    @Test
    void the_same_lead_file_twice_stores_nothing_new() {
        people();
        String csv = "external_id,created_at,created_by,owner,name,channel\n"
                + p + "-1,2025-03-01T09:00:00Z," + p + "-m," + p + "-m,One,SEO\n"
                + p + "-2,2025-03-01T09:00:00Z," + p + "-m," + p + "-m,Two,SEO\n";
        assertThat(run(ImportKind.LEADS, csv).imported()).isEqualTo(2);
        ImportResult again = run(ImportKind.LEADS, csv);
        assertRefused(again, 2, "external_id", "already used");
        assertRefused(again, 3, "external_id", "already used");
        assertThat(leadByExternalId(p + "-1").name()).isEqualTo("One");
    }

    @Test
    void a_file_longer_than_one_batch_imports_every_row() {
        people();
        StringBuilder csv = new StringBuilder("external_id,created_at,created_by,owner,name,channel\n");
        int n = ImportService.BATCH * 2 + 17;
        for (int i = 0; i < n; i++) {
            csv.append(p).append("-n").append(i).append(",2025-03-01T09:00:00Z,").append(p).append("-m,")
                    .append(p).append("-m,Lead ").append(i).append(",SEO\n");
        }
        List<Long> seen = new java.util.ArrayList<>();
        ImportResult result = imports.importCsv(ImportKind.LEADS,
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), Locale.ENGLISH,
                (records, bytes) -> seen.add(records));
        assertThat(result.problems()).isEmpty();
        assertThat(result.imported()).isEqualTo(n);
        assertThat(seen).containsExactly(1000L, 2000L, (long) n);
        assertThat(leadHistory.idsByExternalId(List.of(p + "-n0", p + "-n" + (n - 1)))).hasSize(2);
    }

    @Test
    void only_an_admin_may_import() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "imp-mgr", null, List.of(new SimpleGrantedAuthority(Role.MANAGER.authority()))));
        assertThatThrownBy(() -> run(ImportKind.SPEND, "channel,month,amount\nSEO,2020-01,1\n"))
                .isInstanceOf(AccessDeniedException.class);
    }

    // ---- status changes --------------------------------------------------------------------------

    @Test
    void status_changes_replay_the_history_and_refuse_forbidden_moves() {
        people();
        lead(p + "-1", "2025-01-01T09:00:00Z");
        lead(p + "-2", "2025-01-01T09:00:00Z");
        String header = "lead,changed_at,to_status,changed_by,lost_reason\n";
        String good = p + "-1,2025-01-02T09:00:00Z,MQL," + p + "-m,\n"
                + p + "-1,2025-01-05T09:00:00Z,SQL," + p + "-s,\n"
                + p + "-1,2025-01-09T09:00:00Z,LOST," + p + "-s,\"No budget, sadly\"\n";
        ImportResult bad = run(ImportKind.STATUS_CHANGES, header + good
                + p + "-2,2025-01-02T09:00:00Z,SQL," + p + "-m,\n"
                + p + "-2,2025-01-03T09:00:00Z,LOST," + p + "-m,\n"
                + p + "-9,2025-01-03T09:00:00Z,MQL," + p + "-m,\n"
                + p + "-2,2025-01-03T09:00:00Z,DONE," + p + "-m,\n");
        assertRefused(bad, 5, "to_status", "cannot go from NEW to SQL");
        assertRefused(bad, 6, "lost_reason", "Say why");
        assertRefused(bad, 7, "lead", "No lead with external id " + p + "-9");
        assertRefused(bad, 8, "to_status", "Unknown value 'DONE'");
        assertThat(leadByExternalId(p + "-1").status()).isEqualTo(LeadStatus.NEW);

        ImportResult result = run(ImportKind.STATUS_CHANGES, header + good);
        assertThat(result.problems()).isEmpty();
        assertThat(result.imported()).isEqualTo(3);
        LeadDetails lead = leadByExternalId(p + "-1");
        assertThat(lead.status()).isEqualTo(LeadStatus.LOST);
        assertThat(lead.lostFrom()).isEqualTo(LeadStatus.SQL);
        assertThat(lead.lostReason()).isEqualTo("No budget, sadly");
        assertThat(leads.history(lead.id())).extracting(h -> h.to() + "@" + h.changedAt() + "/" + h.timeInPrevious())
                .containsExactly("MQL@2025-01-02T09:00:00Z/PT24H", "SQL@2025-01-05T09:00:00Z/PT72H",
                        "LOST@2025-01-09T09:00:00Z/PT96H");

        assertRefused(run(ImportKind.STATUS_CHANGES, header + good), 2, "changed_at", "already has the move to MQL");
    }

    // ---- interactions ----------------------------------------------------------------------------

    @Test
    void interactions_keep_their_time_and_author_and_fill_the_lead_summary() {
        people();
        lead(p + "-1", "2025-01-01T09:00:00Z");
        assertThat(run(ImportKind.STATUS_CHANGES, "lead,changed_at,to_status,changed_by\n"
                + p + "-1,2025-01-10T09:00:00Z,MQL," + p + "-m\n").problems()).isEmpty();
        String csv = "lead,occurred_at,type,username,outcome_score,summary,next_step,next_step_due,campaign,content\n"
                + p + "-1,2025-01-05T09:00:00Z,EMAIL," + p + "-m,,\"Hello, \"\"world\"\"\",,,,\n"
                + p + "-1,2025-01-12T09:00:00Z,CALL," + p + "-s,2,First call,Send offer,2025-01-20,,\n"
                + p + "-1,2025-01-15T09:00:00Z,MEETING," + p + "-s,1,Went badly,Call again,2999-01-01,,\n"
                + p + "-1,2025-01-16T09:00:00Z,EMAIL," + p + "-s,,Sorry note,,,,\n";
        ImportResult result = run(ImportKind.INTERACTIONS, csv);
        assertThat(result.problems()).isEmpty();
        assertThat(result.imported()).isEqualTo(4);
        LeadDetails lead = leadByExternalId(p + "-1");
        List<InteractionEntry> list = interactions.forLead(lead.id());
        assertThat(list).extracting(i -> i.type() + "/" + i.leadStatus() + "/" + i.user().username() + "/"
                + i.occurredAt()).containsExactlyInAnyOrder(
                        "EMAIL/NEW/" + p + "-m/2025-01-05T09:00:00Z",
                        "CALL/MQL/" + p + "-s/2025-01-12T09:00:00Z",
                        "MEETING/MQL/" + p + "-s/2025-01-15T09:00:00Z",
                        "EMAIL/MQL/" + p + "-s/2025-01-16T09:00:00Z");
        // the latest held interaction is the unscored e-mail; the last two scored ones are 2 and 1
        assertThat(lead.lastInteractionAt()).isEqualTo(Instant.parse("2025-01-16T09:00:00Z"));
        assertThat(lead.lastOutcomeScore()).isNull();
        assertThat(lead.atRisk()).isTrue();

        ImportResult again = run(ImportKind.INTERACTIONS, csv);
        assertRefused(again, 2, "occurred_at", "already has an interaction");
        assertThat(again.problems()).hasSize(4);
        assertThat(interactions.forLead(lead.id())).hasSize(4);
    }

    @Test
    void an_interaction_file_with_a_bad_row_stores_nothing() {
        people();
        lead(p + "-1", "2025-01-01T09:00:00Z");
        ImportResult result = run(ImportKind.INTERACTIONS, "lead,occurred_at,type,username,outcome_score,campaign\n"
                + p + "-1,2025-01-05T09:00:00Z,EMAIL," + p + "-m,,\n"
                + p + "-1,2025-01-06T09:00:00Z,CALL," + p + "-s,,\n"
                + p + "-1,2025-01-07T09:00:00Z,CALL," + p + "-s,9,\n"
                + p + "-1,2025-01-08T09:00:00Z,CALL," + p + "-s,x,\n"
                + p + "-1,2025-01-09T09:00:00Z,EMAIL," + p + "-m,,SPRING\n");
        assertRefused(result, 3, "outcome_score", "need an outcome score");
        assertRefused(result, 4, "outcome_score", "from 1 to 5");
        assertRefused(result, 5, "outcome_score", "not a whole number");
        assertRefused(result, 6, "campaign", "planned");
        assertThat(interactions.forLead(leadByExternalId(p + "-1").id())).isEmpty();
    }

    // ---- handoffs ------------------------------------------------------------------------------

    @Test
    void handoffs_are_history_and_a_rejection_needs_its_reason() {
        people();
        lead(p + "-1", "2025-01-01T09:00:00Z");
        String header = "lead,created_at,from_user,to_user,decision,decided_at,reason_code,note\n";
        String good = p + "-1,2025-01-02T09:00:00Z," + p + "-m," + p + "-s,REJECTED,2025-01-03T09:00:00Z,NO_BUDGET,\n"
                + p + "-1,2025-01-04T09:00:00Z," + p + "-m,,ACCEPTED,2025-01-05T09:00:00Z,,\"Hot, call soon\"\n";
        ImportResult bad = run(ImportKind.HANDOFFS, header + good
                + p + "-1,2025-01-06T09:00:00Z," + p + "-m," + p + "-s,REJECTED,2025-01-07T09:00:00Z,,\n");
        assertRefused(bad, 4, "reason_code", "");
        LeadId lead = leadByExternalId(p + "-1").id();
        assertThat(handoffs.forLead(lead)).isEmpty();

        assertThat(run(ImportKind.HANDOFFS, header + good).imported()).isEqualTo(2);
        List<HandoffEntry> list = handoffs.forLead(lead);
        assertThat(list).hasSize(2);
        assertThat(leadByExternalId(p + "-1").status()).isEqualTo(LeadStatus.NEW);
        assertRefused(run(ImportKind.HANDOFFS, header + good), 2, "created_at", "already has a handoff");
    }

    // ---- purchases and spend ---------------------------------------------------------------------

    @Test
    void purchases_are_imported_once() {
        people();
        lead(p + "-1", "2025-01-01T09:00:00Z");
        String csv = "lead,purchased_on,amount,order_ref\n"
                + p + "-1,2025-02-01,100.50,ORD-1\n"
                + p + "-1,2025-03-01,20,\n";
        assertRefused(run(ImportKind.PURCHASES, csv + p + "-1,2025-13-01,5,\n"), 4, "purchased_on",
                "'2025-13-01' is not a date");
        ImportResult result = run(ImportKind.PURCHASES, csv);
        assertThat(result.problems()).isEmpty();
        List<Purchase> list = purchases.forLead(leadByExternalId(p + "-1").id());
        assertThat(list).extracting(x -> x.purchasedOn() + "/" + x.amount() + "/" + x.orderRef())
                .containsExactly("2025-03-01/20.00/null", "2025-02-01/100.50/ORD-1");
        ImportResult again = run(ImportKind.PURCHASES, csv);
        assertRefused(again, 2, "purchased_on", "already recorded");
        assertRefused(again, 3, "purchased_on", "already recorded");
    }

    @Test
    void spend_is_imported_once_per_channel_and_month() {
        String channel = data.channel(StatsFixture.prefix() + "_S", "ONLINE");
        String csv = "month,channel,amount\n2020-01," + channel + ",1000\n2020-02," + channel + ",1500.25\n";
        assertRefused(run(ImportKind.SPEND, csv + "2020-3," + channel + ",1\n"), 4, "month", "not a month");
        assertThat(run(ImportKind.SPEND, csv).imported()).isEqualTo(2);
        assertThat(purchases.spend(YearMonth.of(2020, 1), YearMonth.of(2020, 2)).stream()
                .filter(s -> s.channelCode().equals(channel)).map(MonthlySpend::amount).toList())
                .containsExactly(new BigDecimal("1000.00"), new BigDecimal("1500.25"));
        assertRefused(run(ImportKind.SPEND, csv), 2, "month", "already recorded");
    }

    @Test
    void a_header_without_records_is_refused() {
        assertRefused(run(ImportKind.SPEND, "channel,month,amount\n"), 1, null, "no records");
        assertRefused(run(ImportKind.SPEND, ""), 1, null, "empty");
        assertThat(Set.of(ImportKind.of("status-changes").orElseThrow())).containsExactly(ImportKind.STATUS_CHANGES);
    }

    @Test
    void an_import_job_runs_off_the_callers_thread_as_the_caller_and_deletes_its_file() throws Exception {
        java.nio.file.Path file = imports.receive(new ByteArrayInputStream(("username,full_name,roles,email\r\n"
                + p + "-job,Jo Bianchi,SALES,\r\n").getBytes(StandardCharsets.UTF_8)));
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread caller = Thread.currentThread();

        ImportResult result = imports.start(ImportKind.USERS, file, Locale.ENGLISH, (records, bytes) -> seen.add(
                records + " " + SecurityContextHolder.getContext().getAuthentication().getName() + " "
                        + (Thread.currentThread() != caller && Thread.currentThread().isVirtual())))
                .get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(result.stored()).isTrue();
        assertThat(result.imported()).isEqualTo(1);
        assertThat(seen).containsExactly("1 imp-admin true");
        assertThat(users.findByUsername(p + "-job")).isPresent();
        assertThat(file).doesNotExist();
    }

    @Test
    void a_refused_import_job_deletes_its_file_too_and_a_non_admin_may_not_upload() throws Exception {
        java.nio.file.Path file = imports.receive(new ByteArrayInputStream("username,full_name\r\n"
                .getBytes(StandardCharsets.UTF_8)));
        ImportResult result = imports.start(ImportKind.USERS, file, Locale.ENGLISH, ImportProgress.NONE)
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(result.stored()).isFalse();
        assertThat(file).doesNotExist();

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "imp-manager", null, List.of(new SimpleGrantedAuthority(Role.MANAGER.authority()))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.receive(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
