package app.ponte.base.ui.chart;

import app.ponte.base.ui.Frozen;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Every chart of Ponte: drawn by Apache ECharts in the browser ({@code frontend/ponte-chart.ts})
 * from an option written here with Jackson, and below it a table view of the same data (for screen
 * readers, and to copy figures out), with numbers in the user's locale.
 */
public class Chart extends Composite<Div> implements HasSize {

    private final Canvas canvas = new Canvas();
    private final Details tableView = new Details();
    private final String description;
    /** The table view's rows as text, header first; the table itself goes to the browser {@link Frozen}. */
    private List<List<String>> rows = List.of();
    private Component frozenTable;
    private ChartData data;

    /** @param description what the chart shows, in the user's language (read to screen readers) */
    public Chart(String description) {
        this.description = description;
        canvas.setWidthFull();
        canvas.setHeight("320px");
        canvas.getElement().setAttribute("role", "img");
        canvas.getElement().setAttribute("aria-label", description);
        tableView.setSummaryText(getTranslation("chart.table"));
        tableView.addClassName("ponte-chart-details");
        getContent().addClassName("ponte-chart");
        getContent().add(canvas, tableView);
    }

    public void setData(ChartData data) {
        this.data = data;
        Locale locale = getLocale() == null ? Locale.ENGLISH : getLocale();
        canvas.getElement().setProperty("locale", locale.toLanguageTag());
        canvas.getElement().setProperty("option", ChartOptions.json(data, description));
        fillTable(data, locale);
    }

    /** The drawn part's height, e.g. {@code "240px"}; the table view takes what it needs below. */
    public void setChartHeight(String height) {
        canvas.setHeight(height);
    }

    public ChartData data() {
        return data;
    }

    /** The ECharts option as sent to the browser. */
    public String option() {
        return canvas.getElement().getProperty("option");
    }

    /** The table view's rows, header first, as the person reads them. */
    public List<List<String>> tableRows() {
        return rows;
    }

    private void fillTable(ChartData data, Locale locale) {
        NumberFormat numbers = NumberFormat.getNumberInstance(locale);
        numbers.setMaximumFractionDigits(2);
        List<List<String>> table = new ArrayList<>();
        switch (data) {
            case ChartData.Categories c -> {
                table.add(row("", c.series().stream().map(ChartData.Series::name).toList()));
                for (int i = 0; i < c.categories().size(); i++) {
                    int at = i;
                    table.add(row(c.categories().get(i),
                            c.series().stream().map(s -> format(numbers, s.values().get(at))).toList()));
                }
            }
            case ChartData.Slices s -> {
                table.add(row("", List.of(getTranslation("chart.value"))));
                s.slices().forEach(slice -> table.add(row(slice.name(), List.of(format(numbers, slice.value())))));
            }
            case ChartData.Flow f -> {
                table.add(row(getTranslation("chart.from"), List.of(getTranslation("chart.to"),
                        getTranslation("chart.value"))));
                f.links().forEach(l -> table.add(row(l.source(), List.of(l.target(), format(numbers, l.value())))));
            }
            case ChartData.Grid g -> {
                table.add(row("", g.columns()));
                String[][] cells = new String[g.rows().size()][g.columns().size()];
                g.cells().forEach(c -> cells[c.row()][c.column()] = format(numbers, c.value()));
                for (int r = 0; r < g.rows().size(); r++) {
                    table.add(row(g.rows().get(r),
                            java.util.Arrays.stream(cells[r]).map(v -> v == null ? "–" : v).toList()));
                }
            }
        }
        rows = List.copyOf(table);
        if (frozenTable != null) {
            tableView.remove(frozenTable);
        }
        frozenTable = Frozen.of(html(rows));
        tableView.add(frozenTable);
    }

    private static List<String> row(String first, List<String> rest) {
        List<String> row = new ArrayList<>(rest.size() + 1);
        row.add(first);
        row.addAll(rest);
        return List.copyOf(row);
    }

    /** The table view's HTML: the header row in {@code thead}, each row's label a row header. */
    private static Element html(List<List<String>> rows) {
        var table = new Element("table").addClass("ponte-chart-table");
        var head = table.appendElement("thead").appendElement("tr");
        rows.getFirst().forEach(text -> head.appendElement("th").text(text));
        if (rows.size() > 1) {
            // as NativeTable did: no tbody for a chart without data
            var body = table.appendElement("tbody");
            for (List<String> values : rows.subList(1, rows.size())) {
                var row = body.appendElement("tr");
                row.appendElement("th").attr("scope", "row").text(values.getFirst());
                values.subList(1, values.size()).forEach(v -> row.appendElement("td").text(v));
            }
        }
        return table;
    }

    private static String format(NumberFormat numbers, Number value) {
        return value == null ? "–" : numbers.format(value);
    }

    /** The ECharts element itself. */
    @Tag("ponte-chart")
    @JsModule("./ponte-chart.ts")
    @NpmPackage(value = "echarts", version = "6.1.0")
    static class Canvas extends Component implements HasSize {
    }
}
