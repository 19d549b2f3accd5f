package app.ponte.stats.ui;

import app.ponte.base.ui.ErrorView;
import app.ponte.base.ui.MainLayout;
import app.ponte.security.AppRoles;
import app.ponte.stats.StatsRollups;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ADMIN: checks the statistics' running totals against the data and rebuilds them (issue 23's admin
 * action; {@code --ponte.stats.rebuild} does the same at start-up). Needed after data was written into
 * the database other than through Ponte. Both run in the background: at a million leads they take
 * seconds to a minute, and the page (and the admin's other tabs) must not wait for them.
 */
@Route(value = "admin/statistics", layout = MainLayout.class)
@Menu(order = 93, title = "nav.statistics-upkeep", icon = "vaadin:refresh")
@RolesAllowed(AppRoles.ADMIN)
class StatisticsUpkeepView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsUpkeepView.class);

    private final StatsRollups rollups;
    private final SectionLoader loader;
    final Button check = new Button();
    final Button rebuild = new Button();
    final Paragraph result = new Paragraph();

    StatisticsUpkeepView(StatsRollups rollups, SectionLoader loader) {
        this.rollups = rollups;
        this.loader = loader;
        setId("statistics-upkeep-view");
        check.setText(getTranslation("upkeep.check"));
        check.setIcon(VaadinIcon.CHECK_CIRCLE_O.create());
        check.setId("upkeep-check");
        check.addClickListener(e -> run(rollups::differences, this::showDifferences));
        rebuild.setText(getTranslation("upkeep.rebuild"));
        rebuild.setIcon(VaadinIcon.REFRESH.create());
        rebuild.setId("upkeep-rebuild");
        rebuild.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rebuild.addClickListener(e -> confirmRebuild());
        result.setId("upkeep-result");
        result.getElement().setAttribute("role", "status");
        var buttons = new HorizontalLayout(check, rebuild);
        buttons.setWrap(true);
        add(new H2(getTranslation("upkeep.title")), new Paragraph(getTranslation("upkeep.text")), buttons, result);
        setMaxWidth("48rem");
    }

    private void confirmRebuild() {
        var confirm = new ConfirmDialog();
        confirm.setId("upkeep-rebuild-confirm");
        confirm.setHeader(getTranslation("upkeep.rebuild-confirm.title"));
        confirm.setText(getTranslation("upkeep.rebuild-confirm.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("upkeep.rebuild"));
        confirm.addConfirmListener(e -> run(rollups::rebuild, this::showRebuilt));
        confirm.open();
    }

    /** Runs {@code work} off the request thread and shows its outcome when it is done. */
    private <T> void run(Supplier<T> work, Consumer<T> show) {
        UI ui = UI.getCurrent();
        check.setEnabled(false);
        rebuild.setEnabled(false);
        result.setText(getTranslation("upkeep.running"));
        loader.submit(() -> {
            T outcome = null;
            RuntimeException failure = null;
            try {
                outcome = work.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            T done = outcome;
            RuntimeException failed = failure;
            ui.access(() -> {
                check.setEnabled(true);
                rebuild.setEnabled(true);
                if (failed != null) {
                    String reference = ErrorView.newReference();
                    LOG.error("Statistics upkeep failed, reference {}", reference, failed); // i18n-ignore: log
                    result.setText(getTranslation("upkeep.failed", reference));
                } else {
                    show.accept(done);
                }
            });
        });
    }

    private void showDifferences(Map<String, Long> differences) {
        long total = differences.values().stream().mapToLong(Long::longValue).sum();
        result.setText(total == 0 ? getTranslation("upkeep.agree")
                : getTranslation("upkeep.differ", number(total), tables(differences)));
    }

    private void showRebuilt(StatsRollups.Rebuilt rebuilt) {
        var format = NumberFormat.getNumberInstance(getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        String seconds = format.format(rebuilt.took().toMillis() / 1000.0);
        result.setText(getTranslation("upkeep.rebuilt", seconds, tables(rebuilt.rows())));
    }

    private String tables(Map<String, Long> rows) {
        return rows.entrySet().stream().map(e -> tableName(e.getKey()) + ": " + number(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** What a rollup table counts, in words; its own name for one added without a translation. */
    private String tableName(String table) {
        String key = "upkeep.table." + table;
        String name = getTranslation(key);
        return name.equals("!" + key) ? table : name;
    }

    private String number(long n) {
        return NumberFormat.getIntegerInstance(getLocale()).format(n);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("upkeep.title");
    }
}
