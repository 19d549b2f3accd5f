package app.ponte.health.ui;

import app.ponte.base.ui.CsvDownload;
import app.ponte.base.ui.MainLayout;
import app.ponte.health.SurveyService;
import app.ponte.health.SurveySummary;
import app.ponte.security.AppRoles;
import app.ponte.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.stream.Collectors;

/** Managers' pulse surveys: create one, pause or resume it, open its results. */
@Route(value = SurveysView.ROUTE, layout = MainLayout.class)
@Menu(order = 40, title = "nav.surveys", icon = "vaadin:chart")
@RolesAllowed(AppRoles.MANAGER)
class SurveysView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "surveys";

    private final SurveyService surveys;
    private final Clock clock;
    private final Grid<SurveySummary> grid = new Grid<>();

    SurveysView(SurveyService surveys, Clock clock) {
        this.surveys = surveys;
        this.clock = clock;
        setId("surveys-view");
        setSizeFull();
        var create = new Button(getTranslation("survey.list.new"), VaadinIcon.PLUS.create(),
                e -> new SurveyDialog(surveys, clock, this::reload).open());
        create.setId("surveys-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("surveys-grid");
        grid.addComponentColumn(s -> {
            var link = new Anchor(SurveyResultsView.ROUTE + "/" + s.id().value(), s.title());
            link.setId("survey-results-link-" + s.id().value());
            return link;
        }).setHeader(getTranslation("survey.list.title-column")).setFlexGrow(1);
        grid.addColumn(s -> getTranslation("survey.cadence." + s.cadence().name()))
                .setHeader(getTranslation("survey.list.cadence")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::audience).setHeader(getTranslation("survey.list.audience")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(SurveySummary::questions).setHeader(getTranslation("survey.list.questions")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(SurveySummary::runs).setHeader(getTranslation("survey.list.runs")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(s -> {
            var toggle = new Button(getTranslation(s.active() ? "survey.list.pause" : "survey.list.resume"), e -> {
                surveys.setActive(s.id(), !s.active());
                reload();
            });
            toggle.setId("survey-toggle-" + s.id().value());
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return toggle;
        }).setHeader(getTranslation("survey.list.active")).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("survey.list.empty"));
        var export = new CsvDownload("surveys-export", getTranslation("survey.list.export"), "surveys", clock,
                clock.getZone(), surveys::exportSurveys);
        var bar = new HorizontalLayout(create, export);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("survey.list.title")), bar, grid);
        expand(grid);
        reload();
    }

    private String audience(SurveySummary s) {
        if (s.audience().isEmpty()) {
            return getTranslation("survey.list.everyone");
        }
        return s.audience().stream().sorted().map(Role::name).map(r -> getTranslation("role." + r))
                .collect(Collectors.joining(", "));
    }

    void reload() {
        grid.setItems(surveys.surveys());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("survey.list.title");
    }
}
