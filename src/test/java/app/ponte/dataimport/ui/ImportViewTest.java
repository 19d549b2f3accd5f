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
import app.ponte.dataimport.ImportProblem;
import app.ponte.purchase.MonthlySpend;
import app.ponte.purchase.PurchaseService;
import app.ponte.security.Role;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import app.ponte.stats.StatsFixture;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
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
    private static List<List<String>> previewRows(ImportView view) {
        return GridKt._fetch(view.preview, 0, 100);
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
        assertThat(view.columns.getText()).isEqualTo("Columns: channel, month, amount");

        upload(view, "spend.csv", "month,channel,amount\r\n2019-01," + channel + ",1000\r\n2019-02," + channel
                + ",250.50\r\n");

        File waiting = view.uploaded().file();
        assertThat(waiting).exists();
        assertThat(view.fileName.getText()).isEqualTo("spend.csv (1 KB)");
        assertThat(headers(view.preview)).containsExactly("month", "channel", "amount");
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
        assertThat(view.columns.getText()).isEqualTo("Columns: username, full_name, roles (optional: email)");

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
        assertThat(view.columns.getText()).isEqualTo("Colonne: channel, month, amount");
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
}
