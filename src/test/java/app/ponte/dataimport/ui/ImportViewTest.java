package app.ponte.dataimport.ui;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ponte.KaribuTest;
import app.ponte.base.ui.AccessDeniedView;
import app.ponte.dataimport.ImportKind;
import app.ponte.dataimport.ImportPreview.PreviewRow;
import app.ponte.dataimport.ImportProblem;
import app.ponte.lead.Channel;
import app.ponte.lead.ChannelService;
import app.ponte.lead.LeadHistoryService;
import app.ponte.purchase.MonthlySpend;
import app.ponte.purchase.PurchaseService;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import app.ponte.stats.StatsFixture;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admin's import page: a file is uploaded to a temporary file, previewed as the chosen kind,
 * imported in the background (the page follows by push), and a refused file lists its problems
 * and offers them as a CSV report. Each test works under its own prefix in the shared database.
 */
@Tag("persistence")
class ImportViewTest extends KaribuTest {

    @Autowired
    PurchaseService purchases;

    @Autowired
    UserService users;

    @Autowired
    ChannelService channels;


    @Autowired

    LeadHistoryService leadHistory;

    @Autowired
    StatsFixture data;

    private String p;

    @BeforeEach
    void prefix() {
        p = StatsFixture.prefix();
    }

    private ImportView openAsAdmin() {
        login(testUsers.create("imp-ui", Role.ADMIN).username(), Role.ADMIN);
        UI.getCurrent().navigate("admin/import");
        return _get(ImportView.class);
    }

    private static void upload(ImportView view, String name, String csv) {
        UploadKt._upload(view.upload, name, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Lets the background import's pushes arrive until it has finished. */
    private static void untilFinished(ImportView view) {
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return view.outcome.isVisible();
        });
    }

    private static List<String> headers(Grid<?> grid) {
        return grid.getColumns().stream().map(c -> c.getHeaderText()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<PreviewRow> previewItems(ImportView view) {
        return GridKt._fetch(view.preview, 0, 100);
    }

    /** The preview's cells as written in the file. */
    private static List<List<String>> previewRows(ImportView view) {
        return previewItems(view).stream().map(PreviewRow::texts).toList();
    }

    /** The preview's cells of one record as the page shows them (value, then any problem or warning). */
    @SuppressWarnings("unchecked")
    private static List<List<String>> previewShown(ImportView view, int record) {
        PreviewRow item = previewItems(view).get(record);
        return view.preview.getColumns().stream().skip(1)
                .map(c -> ((ComponentRenderer<Component, PreviewRow>) c.getRenderer()).createComponent(item))
                .map(cell -> cell.getChildren().map(child -> child.getElement().getText()).toList())
                .toList();
    }

    /** Each column item of the guide as its parts joined the way the page shows them. */
    private static List<String> columnTexts(ImportView view) {
        return _find(view.columns, ListItem.class).stream()
                .map(item -> item.getChildren().map(c -> c.getElement().getText())
                        .reduce((a, b) -> a + (b.isEmpty() ? "" : " · " + b)).orElse(""))
                .toList();
    }

    /** The active channels as the guide lists them (its last part, after the format's colon). */
    private String channelValues() {
        return " · " + String.join(", ", channels.list(false).stream().map(Channel::code).toList());
    }

    @SuppressWarnings("unchecked")
    private static List<ImportProblem> problemRows(ImportView view) {
        return GridKt._fetch(view.problems, 0, 1000);
    }

    private List<BigDecimal> spendOf(String channel, int year) {
        return purchases.spend(YearMonth.of(year, 1), YearMonth.of(year, 12)).stream()
                .filter(s -> s.channelCode().equals(channel)).map(MonthlySpend::amount).toList();
    }

    @Test
    void a_good_spend_file_is_previewed_then_imported_with_its_count() {
        String channel = data.channel(p + "_UI", "ONLINE");
        ImportView view = openAsAdmin();
        _setValue(view.kind, ImportKind.SPEND);

        upload(view, "spend.csv", "month,channel,amount\r\n2019-01," + channel + ",1000\r\n2019-02," + channel
                + ",250.50\r\n");

        File waiting = view.uploaded().file();
        assertThat(waiting).exists();
        assertThat(view.fileName.getText()).isEqualTo("spend.csv (1 KB)");
        assertThat(headers(view.preview)).containsExactly("Line", "month", "channel", "amount");
        assertThat(previewRows(view)).containsExactly(List.of("2019-01", channel, "1000"),
                List.of("2019-02", channel, "250.50"));
        assertThat(view.previewTitle.getText()).isEqualTo("The first 2 records as the import reads them");
        assertThat(view.headerProblems.isVisible()).isFalse();
        assertThat(view.start.isEnabled()).isTrue();
        assertThat(spendOf(channel, 2019)).isEmpty();

        _click(view.start);
        // running: nothing to click twice until the import's pushes arrive
        assertThat(view.start.isEnabled()).isFalse();
        assertThat(view.kind.isEnabled()).isFalse();
        assertThat(view.upload.isEnabled()).isFalse();
        assertThat(view.progress.isVisible()).isTrue();
        untilFinished(view);

        assertThat(view.outcome.getText()).isEqualTo("2 records imported (Marketing spend).");
        assertThat(spendOf(channel, 2019)).containsExactly(new BigDecimal("1000.00"), new BigDecimal("250.50"));
        assertThat(view.progress.getValue()).isEqualTo(1.0);
        assertThat(view.progressText.getText()).isEqualTo("2 records read");
        assertThat(view.problems.isVisible()).isFalse();
        assertThat(view.report.isVisible()).isFalse();
        // the file is gone and cannot be imported twice
        assertThat(waiting).doesNotExist();
        assertThat(view.uploaded()).isNull();
        assertThat(view.start.isEnabled()).isFalse();
        assertThat(view.kind.isEnabled()).isTrue();
        assertThat(view.upload.isEnabled()).isTrue();
    }

    @Test
    void a_users_file_is_imported_with_its_roles() {
        String u = p.toLowerCase(Locale.ROOT);
        ImportView view = openAsAdmin();
        assertThat(view.kind.getValue()).isEqualTo(ImportKind.USERS);

        upload(view, "users.csv", "username,full_name,roles,email\n" + u + "-a,Anna Ørsted,MARKETING;SALES,"
                + "anna@example.com\n" + u + "-b,\"Bruno, the Boss\",MANAGER,\n" + u + "-c,Carla Neri,SALES,\n");
        assertThat(previewRows(view)).hasSize(3).first()
                .isEqualTo(List.of(u + "-a", "Anna Ørsted", "MARKETING;SALES", "anna@example.com"));
        _click(view.start);
        untilFinished(view);

        assertThat(view.outcome.getText()).isEqualTo("3 records imported (Users).");
        UserSummary anna = users.findByUsername(u + "-a").orElseThrow();
        assertThat(anna.fullName()).isEqualTo("Anna Ørsted");
        assertThat(anna.roles()).isEqualTo(Set.of(Role.MARKETING, Role.SALES));
        assertThat(users.findByUsername(u + "-b").orElseThrow().fullName()).isEqualTo("Bruno, the Boss");
        assertThat(users.findByUsername(u + "-c")).isPresent();
    }

    @Test
    void a_bad_file_stores_nothing_and_offers_the_problems_as_csv() {
        String channel = data.channel(p + "_BAD", "ONLINE");
        ImportView view = openAsAdmin();
        _setValue(view.kind, ImportKind.SPEND);
        upload(view, "spend.csv", "channel,month,amount\n" + channel + ",2018-01,10\n" + channel + ",2018-13,10\n"
                + channel + ",2018-03,abc\n");
        assertThat(view.start.isEnabled()).isTrue();

        _click(view.start);
        untilFinished(view);

        assertThat(view.outcome.getText()).isEqualTo("Nothing was stored: 2 problems.");
        assertThat(problemRows(view)).containsExactly(
                new ImportProblem(3, "month", "'2018-13' is not a month: write YYYY-MM."),
                new ImportProblem(4, "amount",
                        "'abc' is not a number: write digits with a point for decimals, e.g. 1250.50."));
        assertThat(headers(view.problems)).containsExactly("Line", "Column", "Problem");
        assertThat(spendOf(channel, 2018)).isEmpty();
        assertThat(view.report.isVisible()).isTrue();
        assertThat(view.report.getText()).isEqualTo("Download error report");
        String report = new String(DownloadKt._download(view.report), StandardCharsets.UTF_8);
        assertThat(report).isEqualTo("line,column,message\r\n"
                + "3,month,'2018-13' is not a month: write YYYY-MM.\r\n"
                + "4,amount,\"'abc' is not a number: write digits with a point for decimals, e.g. 1250.50.\"\r\n");
    }

    @Test
    void the_report_says_when_it_stops_at_the_first_hundred_problems() {
        String channel = data.channel(p + "_MANY", "ONLINE");
        ImportView view = openAsAdmin();
        _setValue(view.kind, ImportKind.SPEND);
        var csv = new StringBuilder("channel,month,amount\n");
        IntStream.range(0, 150).forEach(i -> csv.append(channel).append(",2018-1,1\n"));
        upload(view, "many.csv", csv.toString());

        _click(view.start);
        untilFinished(view);

        assertThat(view.outcome.getText())
                .isEqualTo("Nothing was stored: 100 problems or more; the report stops at the first 100.");
        assertThat(problemRows(view)).hasSize(100);
        assertThat(problemRows(view).getFirst().line()).isEqualTo(2);
        assertThat(problemRows(view).getLast().line()).isEqualTo(101);
    }

    @Test
    void a_wrong_header_is_listed_and_switching_the_kind_previews_the_file_again() {
        ImportView view = openAsAdmin();
        _setValue(view.kind, ImportKind.SPEND);
        upload(view, "users.csv", "username,full_name,roles\nx,X,SALES\n");

        assertThat(_find(view.headerProblems, ListItem.class).stream().map(ListItem::getText).toList())
                .containsExactly("Unknown column username; this kind has: channel, month, amount.",
                        "Unknown column full_name; this kind has: channel, month, amount.",
                        "Unknown column roles; this kind has: channel, month, amount.",
                        "The required column channel is missing.", "The required column month is missing.",
                        "The required column amount is missing.");
        assertThat(view.start.isEnabled()).isFalse();

        _setValue(view.kind, ImportKind.USERS);
        assertThat(view.headerProblems.isVisible()).isFalse();
        assertThat(previewRows(view)).containsExactly(List.of("x", "X", "SALES"));
        assertThat(view.start.isEnabled()).isTrue();
    }

    @Test
    void problems_come_in_the_admins_language() {
        UI.getCurrent().setLocale(Locale.ITALIAN);
        ImportView view = openAsAdmin();
        _setValue(view.kind, ImportKind.SPEND);
        assertThat(columnTexts(view)).containsExactly(
                "channel · obbligatoria · il codice di un canale attivo:" + channelValues(),
                "month · obbligatoria · un mese, AAAA-MM: 2024-03",
                "amount · obbligatoria · un importo in EUR: cifre, il punto prima dei decimali, nessun separatore"
                        + " delle migliaia: 1250.50 o 1250");
        upload(view, "spesa.csv", "channel,month,amount\nSEO,2018-13,10\n");
        _click(view.start);
        untilFinished(view);

        assertThat(view.outcome.getText()).isEqualTo("Non è stato salvato nulla: 1 problema.");
        assertThat(problemRows(view)).containsExactly(
                new ImportProblem(2, "month", "'2018-13' non è un mese: scrivi AAAA-MM."));
    }

    @Test
    void leaving_the_page_deletes_the_waiting_file() {
        ImportView view = openAsAdmin();
        upload(view, "users.csv", "username,full_name,roles\nx,X,SALES\n");
        File waiting = view.uploaded().file();
        assertThat(waiting).exists();

        UI.getCurrent().navigate("");

        assertThat(_find(ImportView.class)).isEmpty();
        assertThat(waiting).doesNotExist();
    }

    @Test
    void only_admins_may_open_the_import_page() {
        login(testUsers.create("imp-mgr", Role.MANAGER, Role.MARKETING).username(), Role.MANAGER, Role.MARKETING);
        UI.getCurrent().navigate("admin/import");
        assertThat(_find(ImportView.class)).isEmpty();
        assertThat(_find(AccessDeniedView.class)).hasSize(1);
    }

    @Test
    void column_formats_are_shown_beside_their_names() {
        String inactive = data.channel(p + "_OFF", "ONLINE");
        SystemCaller.run(() -> channels.setActive(inactive, false));
        ImportView view = openAsAdmin();
        _setValue(view.kind, ImportKind.LEADS);

        // one item per column of the kind's definition, in its order
        assertThat(_find(view.columns, ListItem.class).stream().map(i -> i.getId().orElseThrow()).toList())
                .isEqualTo(ImportKind.LEADS.columns().stream().map(c -> "import-column-" + c).toList());
        List<String> shown = columnTexts(view);
        assertThat(shown).contains(
                "created_at · required · date and time, ISO-8601 with an offset or Z: 2024-03-04T09:30:00+01:00 or"
                        + " 2024-03-04T08:30:00Z",
                "created_by · required · a username (an existing user, or one from the users file)",
                "channel · required · the code of an active channel:" + channelValues(),
                "intent · optional · one of: · INFORMATIONAL (Informational), NAVIGATIONAL (Navigational),"
                        + " TRANSACTIONAL (Transactional)",
                "value · optional · an amount in EUR: digits, a point before the decimals, no thousands separator:"
                        + " 1250.50 or 1250");
        assertThat(channelValues()).contains("WEBSITE").doesNotContain(inactive);

        _setValue(view.kind, ImportKind.STATUS_CHANGES);
        assertThat(columnTexts(view)).contains(
                "to_status · required · one of: · NEW (New), MQL, SQL, OPPORTUNITY (Opportunity), WON (Won),"
                        + " LOST (Lost)",
                "lost_reason · optional; required when to_status is LOST · text");

        _setValue(view.kind, ImportKind.INTERACTIONS);
        assertThat(columnTexts(view)).contains(
                "outcome_score · optional; required when type is CALL, VIDEO_CALL, MEETING · a whole number from 1 to 5",
                "campaign · optional · planned: accepted in the header, leave the cells empty");

        _setValue(view.kind, ImportKind.HANDOFFS);
        assertThat(columnTexts(view)).contains(
                "decision · optional · one of: · ACCEPTED (Accepted), REJECTED (Rejected)",
                "decided_at · optional; required when decision is given · date and time, ISO-8601 with an offset"
                        + " or Z: 2024-03-04T09:30:00+01:00 or 2024-03-04T08:30:00Z",
                "reason_code · optional; required when decision is REJECTED · one of: · NOT_A_FIT (Not a fit),"
                        + " NO_BUDGET (No budget), NO_CONTACT (No contact), NOT_READY (Not ready to buy),"
                        + " DUPLICATE (Duplicate), OTHER (Other)");

        _setValue(view.kind, ImportKind.USERS);
        assertThat(columnTexts(view)).contains("roles · required · one or more, separated by ; from: · "
                + "MARKETING (Marketing), SALES (Sales), MANAGER (Manager), ADMIN (Admin)");
    }

    @Test
    void a_template_and_a_sample_download_exist_for_every_kind() {
        ImportView view = openAsAdmin();
        for (ImportKind k : ImportKind.values()) {
            _setValue(view.kind, k);
            assertThat(view.template.getText()).isEqualTo("Template (CSV)");
            assertThat(view.sample.getText()).isEqualTo("Sample file (CSV)");

            List<String> template = new String(DownloadKt._download(view.template), StandardCharsets.UTF_8)
                    .lines().toList();
            assertThat(template).as(k.code()).hasSize(2);
            assertThat(template.getFirst()).as(k.code()).isEqualTo(String.join(",", k.columns()));

            List<String> sample = new String(DownloadKt._download(view.sample), StandardCharsets.UTF_8)
                    .lines().toList();
            assertThat(sample.size()).as(k.code()).isGreaterThanOrEqualTo(3);
            assertThat(List.of(sample.getFirst().split(","))).as(k.code()).isSubsetOf(k.columns())
                    .containsAll(k.required());
        }
    }

    @Test
    void a_row_with_a_bad_date_and_an_unknown_channel_lists_both_problems() {
        String author = testUsers.create("imp-mkt", Role.MARKETING).username();
        ImportView view = openAsAdmin();
        _setValue(view.kind, ImportKind.LEADS);
        upload(view, "leads.csv", "external_id,created_at,created_by,owner,name,channel\n"
                + p + "-1,2024-13-01T09:00:00Z," + author + "," + author + ",Anna,FAX\n"
                + p + "-2,2024-03-01T09:00:00Z," + author + "," + author + ",Bruno,WEBSITE\n");
        _click(view.start);
        untilFinished(view);

        assertThat(view.outcome.getText()).isEqualTo("Nothing was stored: 2 problems.");
        List<ImportProblem> problems = problemRows(view);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).isEqualTo(new ImportProblem(2, "created_at", "'2024-13-01T09:00:00Z' is not an"
                + " instant: write ISO-8601 with an offset, e.g. 2026-03-01T09:30:00Z or 2026-03-01T10:30:00+01:00."));
        // (the list of valid codes holds the channels other tests added too)
        assertThat(problems.get(1).line()).isEqualTo(2);
        assertThat(problems.get(1).column()).isEqualTo("channel");
        assertThat(problems.get(1).message()).startsWith("Unknown channel 'FAX'; use a code or a name of: ADVERTISING,")
                .contains("TRADE_FAIR", "WEBSITE");
        assertThat(leadHistory.idsByExternalId(List.of(p + "-2"))).isEmpty();
    }

    @Test
    void the_preview_shows_values_as_ponte_stores_them() {
        String channel = data.channel(p + "_PV", "ONLINE");
        ImportView view = openAsAdmin();
        _setValue(view.kind, ImportKind.SPEND);
        upload(view, "spend.csv", "channel,month,amount\n" + channel + ",2017-03,15\n" + channel + ",2017-13,abc\n");

        assertThat(headers(view.preview)).containsExactly("Line", "channel", "month", "amount");
        assertThat(previewShown(view, 0)).containsExactly(List.of(channel), List.of("March 2017"), List.of("€15.00"));
        assertThat(previewShown(view, 1)).containsExactly(List.of(channel),
                List.of("2017-13", "'2017-13' is not a month: write YYYY-MM."),
                List.of("abc", "'abc' is not a number: write digits with a point for decimals, e.g. 1250.50."));

        _setValue(view.kind, ImportKind.STATUS_CHANGES);
        upload(view, "status.csv", "lead,changed_at,to_status,changed_by,lost_reason\n"
                + "crm-1,2024-03-07T10:00:00+01:00,LOST,someone,No budget\n");
        assertThat(previewShown(view, 0)).containsExactly(List.of("crm-1"), List.of("Mar 7, 2024, 10:00\u202fAM"),
                List.of("Lost"), List.of("someone"), List.of("No budget"));
    }

    @Test
    void money_with_three_decimals_is_previewed_with_a_warning_and_still_imports() {
        String channel = data.channel(p + "_TH", "ONLINE");
        ImportView view = openAsAdmin();
        _setValue(view.kind, ImportKind.SPEND);
        upload(view, "spend.csv", "channel,month,amount\n" + channel + ",2016-01,15.000\n" + channel
                + ",2016-02,15.50\n");

        String warning = "'15.000' is read as €15.00. If you meant €15,000.00, write 15000: in an import file a point"
                + " marks the decimals and thousands have no separator.";
        assertThat(previewShown(view, 0).get(2)).containsExactly("€15.00", warning);
        assertThat(previewShown(view, 1).get(2)).containsExactly("€15.50");
        assertThat(view.previewWarnings.isVisible()).isTrue();
        assertThat(_find(view.previewWarnings, ListItem.class).stream().map(ListItem::getText).toList())
                .containsExactly("Line 2, amount: " + warning);
        // a warning, not a problem: the file imports
        assertThat(view.start.isEnabled()).isTrue();
        _click(view.start);
        untilFinished(view);
        assertThat(view.outcome.getText()).isEqualTo("2 records imported (Marketing spend).");
        assertThat(spendOf(channel, 2016)).containsExactly(new BigDecimal("15.00"), new BigDecimal("15.50"));
    }

    @Test
    void the_three_decimals_warning_comes_in_italian_too() {
        UI.getCurrent().setLocale(Locale.ITALIAN);
        ImportView view = openAsAdmin();
        _setValue(view.kind, ImportKind.PURCHASES);
        upload(view, "acquisti.csv", "lead,purchased_on,amount\ncrm-1,2024-05-20,1.250\n");

        assertThat(previewShown(view, 0)).containsExactly(List.of("crm-1"), List.of("20 mag 2024"),
                List.of("1,25\u00a0€", "'1.250' viene letto come 1,25\u00a0€. Se intendevi 1.250,00\u00a0€, scrivi 1250:"
                        + " in un file di importazione il punto separa i decimali e le migliaia non hanno separatore."));
    }
}
