package app.ponte.stats.report.ui;

import app.ponte.base.PonteProperties;
import app.ponte.base.ui.CsvDownload;
import app.ponte.base.ui.MainLayout;
import app.ponte.base.ui.chart.Chart;
import app.ponte.security.AppRoles;
import app.ponte.stats.StatsService;
import app.ponte.stats.report.AuditReportService;
import app.ponte.stats.report.ReportCell;
import app.ponte.stats.report.ReportCsv;
import app.ponte.stats.report.ReportSection;
import app.ponte.stats.report.ReportTable;
import app.ponte.stats.ui.Figure;
import app.ponte.stats.ui.PeriodBar;
import app.ponte.stats.ui.SectionLoader;
import app.ponte.stats.ui.StatsFilter;
import app.ponte.stats.ui.StatsPage;
import app.ponte.stats.ui.StatsSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The sales audit report {@code /reports/audit} (dashboards.md): the audit's questions in order, one
 * section each with its figures, a chart, its tables (each a CSV download) and one plain sentence.
 * Every section loads in the background and fills in; the PDF ({@code /reports/audit.pdf}) renders
 * the same model on the server (decision 028).
 */
@Route(value = AuditReportView.ROUTE, layout = MainLayout.class)
@RolesAllowed({AppRoles.MANAGER, AppRoles.ADMIN})
@Menu(order = 35, title = "nav.audit", icon = "vaadin:file-text-o")
class AuditReportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "reports/audit";

    private final AuditReportService report;
    private final Clock clock;
    private final PonteProperties properties;
    private final LocalDate today;
    private final Set<String> knownChannels;
    private final PeriodBar periodBar;
    private final StatsPage page = new StatsPage();
    private final Anchor pdf = new Anchor();
    private final Paragraph channelNote = new Paragraph();
    private StatsFilter filter;
    private Instant asOf;
    /** The reader's language, read in the UI thread: the sections load in the background. */
    private Locale locale;

    AuditReportView(AuditReportService report, StatsService stats, SectionLoader loader, Clock clock,
            PonteProperties properties) {
        this.report = report;
        this.clock = clock;
        this.properties = properties;
        this.today = LocalDate.now(clock.withZone(stats.zone()));
        addClassName("ponte-audit-report");
        setPadding(true);

        Map<String, String> channelNames = new LinkedHashMap<>();
        Function<String, String> names = report.channelNames(getLocale());
        report.channelCodes(getLocale()).forEach(code -> channelNames.put(code, names.apply(code)));
        knownChannels = channelNames.keySet();
        periodBar = new PeriodBar(today, channelNames);
        periodBar.addFilterChangeListener(this::filterChanged);

        pdf.setText(getTranslation("audit.download-pdf"));
        pdf.setId("audit-pdf");
        pdf.addClassName("ponte-audit-pdf");
        pdf.setRouterIgnore(true);
        pdf.setTarget(AnchorTarget.BLANK);
        pdf.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        var header = new Div(new H2(getTranslation("audit.title")), pdf);
        header.addClassName("ponte-audit-header");
        channelNote.setText(getTranslation("audit.channel-note"));
        channelNote.addClassName("ponte-audit-note");
        channelNote.setVisible(false);

        for (String key : AuditReportService.SECTIONS) {
            var section = new StatsSection<ReportSection>(key, getTranslation("audit.section." + key), loader,
                    () -> report.section(key, filter, asOf, locale), this::render);
            section.addClassName("ponte-audit-section");
            page.track(section);
            page.add(section);
        }
        page.setId("audit-report");
        page.setWidthFull();
        add(header, periodBar, channelNote, page);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        StatsFilter fromUrl = StatsFilter.fromQuery(event.getLocation().getQueryParameters(), today, knownChannels);
        show(fromUrl);
    }

    private void filterChanged(StatsFilter newFilter) {
        show(newFilter);
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(ROUTE, newFilter.toQuery())));
    }

    private void show(StatsFilter newFilter) {
        filter = newFilter;
        locale = getLocale();
        asOf = clock.instant();
        periodBar.setFilter(newFilter);
        page.setFilter(newFilter);
        page.setAsOf(asOf, 14);
        pdf.setHref(ROUTE + ".pdf?" + newFilter.toQuery().getQueryString());
        channelNote.setVisible(newFilter.channel() != null);
        page.reloadAll();
    }

    /** One section's figures as components (in the UI, when they arrive). */
    private Component render(ReportSection section) {
        Locale locale = getLocale();
        var body = new Div();
        body.addClassName("ponte-audit-body");
        var sentence = new Paragraph(section.sentence());
        sentence.setId("audit-sentence-" + section.key());
        sentence.addClassName(section.empty() ? "ponte-empty-state" : "ponte-audit-sentence");
        body.add(sentence);
        if (section.empty()) {
            return body;
        }
        if (!section.figures().isEmpty()) {
            var figures = new Div();
            figures.addClassName("ponte-audit-figures");
            for (ReportCell cell : section.figures()) {
                var caption = new Span(cell.label());
                caption.addClassName("ponte-audit-figure-label");
                var box = new Div(figure(cell, locale), caption);
                box.addClassName("ponte-audit-figure");
                figures.add(box);
            }
            body.add(figures);
        }
        if (section.formula() != null) {
            var formula = new Paragraph(section.formula());
            formula.setId("audit-formula-" + section.key());
            formula.addClassName("ponte-audit-formula");
            body.add(formula);
        }
        if (section.chart() != null) {
            var chart = new Chart(section.chartDescription());
            chart.setData(section.chart());
            chart.setChartHeight("260px");
            if (section.bucket() != null) {
                chart.getElement().setAttribute("data-bucket", section.bucket());
            }
            body.add(chart);
        }
        for (ReportTable table : section.tables()) {
            body.add(table(table, section.bucket(), locale));
        }
        return body;
    }

    private Component table(ReportTable table, String bucket, Locale locale) {
        var title = new H4(table.title());
        var csv = new CsvDownload("audit-csv-" + table.key(), getTranslation("audit.csv"), "audit-" + table.key(),
                clock, properties.zone(), out -> ReportCsv.write(table, out));
        var heading = new Div(title, csv);
        heading.addClassName("ponte-audit-table-heading");
        var html = new NativeTable();
        html.setId("audit-table-" + table.key());
        html.addClassName("ponte-audit-table");
        if (bucket != null) {
            html.getElement().setAttribute("data-bucket", bucket);
        }
        var head = new NativeTableRow();
        table.headings().forEach(h -> head.add(new NativeTableHeaderCell(h)));
        html.getHead().add(head);
        NativeTableBody body = html.getBody();
        for (List<ReportCell> row : table.rows()) {
            var tr = new NativeTableRow();
            for (ReportCell cell : row) {
                tr.add(cell.isText() ? new NativeTableHeaderCell(cell.label()) : new NativeTableCell(figure(cell, locale)));
            }
            body.add(tr);
        }
        var scroll = new Div(html);
        scroll.addClassName("ponte-audit-table-scroll");
        var box = new Div(heading, scroll);
        box.addClassName("ponte-audit-table-box");
        return box;
    }

    private Component figure(ReportCell cell, Locale locale) {
        if (cell.metric() == null) {
            // a figure the page derives (a share, an average, went no further): no API path to name
            return Figure.unmarked(cell.kind(), cell.value(), locale, properties.currency(), cell.href());
        }
        return Figure.of(cell.metric(), cell.kind(), cell.value(), locale, properties.currency(), cell.href());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }

    /** For tests: the sections in their order. */
    List<StatsSection<?>> sections() {
        return new ArrayList<>(page.sections());
    }

    StatsPage page() {
        return page;
    }
}
