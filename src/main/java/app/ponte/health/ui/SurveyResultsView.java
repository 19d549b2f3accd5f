package app.ponte.health.ui;

import app.ponte.base.PonteProperties;
import app.ponte.base.ui.MainLayout;
import app.ponte.base.ui.chart.Chart;
import app.ponte.base.ui.chart.ChartData;
import app.ponte.health.Enps;
import app.ponte.health.Question;
import app.ponte.health.QuestionResult;
import app.ponte.health.RoleSlice;
import app.ponte.health.RunResults;
import app.ponte.health.SurveyId;
import app.ponte.health.SurveyRun;
import app.ponte.health.SurveyService;
import app.ponte.health.SurveySummary;
import app.ponte.health.TrendPoint;
import app.ponte.security.AppRoles;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A survey's results for managers: one run at a time (responses, participation, eNPS, each
 * question's distribution and mean, written answers in random order, the role breakdown where
 * every role meets the threshold), the trend across runs, and the CSV export — all under the
 * anonymity threshold: a run below it shows its number of responses and nothing else.
 */
@Route(value = SurveyResultsView.ROUTE + "/:surveyId([0-9]{1,18})", layout = MainLayout.class)
@RolesAllowed(AppRoles.MANAGER)
class SurveyResultsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "survey-results";

    private final SurveyService surveys;
    private final PonteProperties properties;
    private final H2 title = new H2();
    private final ComboBox<SurveyRun> run = new ComboBox<>();
    private final Div results = new Div();
    private final Div trend = new Div();
    private final Chart chart;
    private final Anchor export;
    private SurveySummary survey;
    private List<Question> questions = List.of();
    private Map<Long, Integer> responsesPerRun = Map.of();
    /** Read by the download request too. */
    private volatile SurveyRun shown;
    private boolean entering;

    SurveyResultsView(SurveyService surveys, PonteProperties properties) {
        this.surveys = surveys;
        this.properties = properties;
        setId("survey-results-view");
        run.setId("survey-results-run");
        run.setLabel(getTranslation("survey.results.run"));
        run.setWidth("22em");
        run.addValueChangeListener(e -> {
            if (!entering && e.getValue() != null) {
                show(e.getValue());
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                        new Location(ROUTE + "/" + survey.id().value(),
                                QueryParameters.simple(Map.of("run", Long.toString(e.getValue().id().value()))))));
            }
        });
        DownloadHandler csv = event -> {
            SurveyRun current = shown;
            event.setFileName("survey-" + (current == null ? "none" : current.periodStart()) + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (OutputStream out = event.getOutputStream()) {
                if (current != null) {
                    surveys.export(current.id(), out, q -> SurveyTexts.question(this, q));
                }
            }
        };
        export = new Anchor(csv, AttachmentType.DOWNLOAD, getTranslation("survey.results.export"));
        export.setId("survey-results-export");
        results.setId("survey-results");
        results.setWidthFull();
        trend.setId("survey-trend");
        trend.setWidthFull();
        chart = new Chart(getTranslation("survey.results.trend"));
        chart.setId("survey-trend-chart");
        var bar = new HorizontalLayout(run, export);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new Anchor(SurveysView.ROUTE, getTranslation("survey.results.back")), title, bar, results, trend);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("surveyId").orElse(-1L);
        var found = surveys.survey(new SurveyId(id));
        if (found.isEmpty()) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, getTranslation("survey.error.not-found"));
            return;
        }
        survey = found.get();
        questions = surveys.questions(survey.id());
        title.setText(getTranslation("survey.results.title", survey.title()));
        List<TrendPoint> points = surveys.trend(survey.id());
        responsesPerRun = new java.util.HashMap<>();
        points.forEach(p -> responsesPerRun.put(p.run().id().value(), p.responses()));
        List<SurveyRun> runs = new ArrayList<>(points.stream().map(TrendPoint::run).toList());
        java.util.Collections.reverse(runs);
        entering = true;
        try {
            run.setItems(runs);
            run.setItemLabelGenerator(r -> getTranslation("survey.results.run-label", r.periodStart().toString(),
                    responsesPerRun.getOrDefault(r.id().value(), 0)));
            String wanted = event.getLocation().getQueryParameters().getParameters()
                    .getOrDefault("run", List.of("")).getFirst();
            SurveyRun selected = runs.stream().filter(r -> Long.toString(r.id().value()).equals(wanted)).findFirst()
                    .orElse(runs.isEmpty() ? null : runs.getFirst());
            run.setValue(selected);
        } finally {
            entering = false;
        }
        if (run.getValue() == null) {
            results.removeAll();
            var none = new Paragraph(getTranslation("survey.results.no-runs"));
            none.setId("survey-results-no-runs");
            results.add(none);
        } else {
            show(run.getValue());
        }
        showTrend(points);
    }

    private void show(SurveyRun selected) {
        shown = selected;
        results.removeAll();
        RunResults r = surveys.results(selected.id());
        var responses = figure("survey-results-responses", getTranslation("survey.results.responses"),
                Integer.toString(r.responses()));
        if (r.suppressed()) {
            var hidden = new Paragraph(getTranslation("survey.results.suppressed", r.responses(),
                    surveys.anonymityThreshold()));
            hidden.setId("survey-results-suppressed");
            results.add(new HorizontalLayout(responses), hidden);
            return;
        }
        var figures = new HorizontalLayout(responses);
        figures.setId("survey-results-figures");
        if (r.participationRate() != null) {
            figures.add(figure("survey-results-participation", getTranslation("survey.results.participation"),
                    percent(r.participationRate())));
        }
        if (r.enps() != null) {
            Enps e = r.enps();
            figures.add(figure("survey-results-enps", getTranslation("survey.results.enps"), Integer.toString(e.score())),
                    figure("survey-results-promoters", getTranslation("survey.results.promoters"),
                            Integer.toString(e.promoters())),
                    figure("survey-results-passives", getTranslation("survey.results.passives"),
                            Integer.toString(e.passives())),
                    figure("survey-results-detractors", getTranslation("survey.results.detractors"),
                            Integer.toString(e.detractors())));
        }
        results.add(figures);
        for (QuestionResult q : r.questions()) {
            results.add(question(q));
        }
        results.add(new H3(getTranslation("survey.results.by-role")));
        if (r.byRole().isEmpty()) {
            var hidden = new Paragraph(getTranslation("survey.results.by-role-hidden", surveys.anonymityThreshold()));
            hidden.setId("survey-results-by-role-hidden");
            results.add(hidden);
        } else {
            results.add(roles(r.byRole()));
        }
    }

    private Div question(QuestionResult q) {
        var box = new Div();
        box.setId("survey-result-q-" + q.question().id());
        box.addClassName("ponte-survey-question");
        box.add(new H4(q.question().order() + ". " + SurveyTexts.question(this, q.question())));
        if (q.question().type().scored()) {
            var mean = new Span(getTranslation("survey.results.mean", decimal(q.mean())));
            mean.setId("survey-result-mean-" + q.question().id());
            box.add(new Paragraph(mean, new Span(" · " + getTranslation("survey.results.answered", q.answered()))));
            int max = q.distribution().values().stream().mapToInt(Integer::intValue).max().orElse(0);
            var bars = new Div();
            bars.addClassName("ponte-survey-bars");
            q.distribution().forEach((score, count) -> {
                var bar = new Div();
                bar.addClassName("ponte-survey-bar");
                bar.getStyle().set("--ponte-bar", max == 0 ? "0%" : (100 * count / max) + "%");
                var label = new Span(score + ": " + count);
                label.setId("survey-result-" + q.question().id() + "-" + score);
                bars.add(new HorizontalLayout(label, bar));
            });
            box.add(bars);
        } else {
            box.add(new Paragraph(getTranslation("survey.results.texts-note")));
            if (q.texts().isEmpty()) {
                box.add(new Paragraph(getTranslation("survey.results.no-texts")));
            } else {
                var list = new UnorderedList();
                list.setId("survey-result-texts-" + q.question().id());
                q.texts().forEach(t -> list.add(new ListItem(t)));
                box.add(list);
            }
        }
        return box;
    }

    private Grid<RoleSlice> roles(List<RoleSlice> slices) {
        var grid = new Grid<RoleSlice>();
        grid.setId("survey-results-by-role");
        grid.setAllRowsVisible(true);
        grid.addColumn(s -> getTranslation("role." + s.role().name())).setHeader(getTranslation("survey.results.role"));
        grid.addColumn(RoleSlice::responses).setHeader(getTranslation("survey.results.responses"));
        grid.addColumn(s -> s.enps() == null ? "" : Integer.toString(s.enps().score()))
                .setHeader(getTranslation("survey.results.enps"));
        for (Question q : questions) {
            if (q.type().scored()) {
                grid.addColumn(s -> s.questions().stream().filter(r -> r.question().id() == q.id()).findFirst()
                        .map(r -> decimal(r.mean())).orElse("")).setHeader(q.order() + ".");
            }
        }
        grid.setItems(slices);
        return grid;
    }

    private void showTrend(List<TrendPoint> points) {
        trend.removeAll();
        if (points.isEmpty()) {
            return;
        }
        trend.add(new H3(getTranslation("survey.results.trend")),
                new Paragraph(getTranslation("survey.results.trend-hidden", surveys.anonymityThreshold())));
        List<String> labels = points.stream().map(p -> java.time.format.DateTimeFormatter
                .ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(getLocale())
                .format(p.run().periodStart())).toList();
        List<ChartData.Series> series = new ArrayList<>();
        // eNPS runs from -100 to 100 on the left axis; a 1-5 question's mean on the right one
        if (questions.stream().anyMatch(q -> q.type() == app.ponte.health.QuestionType.ENPS_0_10)) {
            series.add(new ChartData.Series(getTranslation("survey.results.trend-enps"),
                    points.stream().map(p -> p.enps() == null ? null : p.enps().doubleValue()).toList(), 0));
        }
        for (Question q : questions) {
            if (q.type() == app.ponte.health.QuestionType.SCALE_1_5) {
                series.add(new ChartData.Series(q.order() + ". " + SurveyTexts.question(this, q),
                        points.stream().map(p -> p.means().get(q.id())).toList(), 1));
            }
        }
        chart.setData(new ChartData.Categories(ChartData.Categories.Kind.LINE, labels, series, List.of(
                new ChartData.ValueAxis(getTranslation("survey.results.trend-enps"), -100.0, 100.0),
                new ChartData.ValueAxis(getTranslation("survey.results.trend-mean"), 1.0, 5.0))));
        trend.add(chart);
    }

    private static VerticalLayout figure(String id, String label, String value) {
        var number = new Span(value);
        number.setId(id);
        number.addClassName("ponte-figure-value");
        var caption = new Span(label);
        caption.addClassName("ponte-figure-label");
        var box = new VerticalLayout(number, caption);
        box.setSpacing(false);
        box.addClassName("ponte-figure");
        return box;
    }

    private String percent(double value) {
        NumberFormat format = NumberFormat.getPercentInstance(getLocale());
        format.setMaximumFractionDigits(0);
        return format.format(value);
    }

    private String decimal(Double value) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    Chart chart() {
        return chart;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + title.getText();
    }
}
