package app.ponte.health.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.PonteProperties;
import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.Formats;
import app.ponte.base.ui.CsvDownload;
import app.ponte.base.ui.MainLayout;
import app.ponte.health.NewOneOnOne;
import app.ponte.health.OneOnOneId;
import app.ponte.health.OneOnOneService;
import app.ponte.health.OneOnOneSummary;
import app.ponte.health.Rhythm;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** The signed-in user's one-on-ones (as manager or report); managers schedule new ones here. */
@Route(value = OneOnOneView.ROUTE, layout = MainLayout.class)
@Menu(order = 45, title = "nav.oneonones", icon = "vaadin:handshake")
@PermitAll
class OneOnOnesView extends VerticalLayout implements HasDynamicTitle {

    private final OneOnOneService oneOnOnes;
    private final PonteProperties properties;
    private final Grid<OneOnOneSummary> grid = new Grid<>();
    final ComboBox<UserSummary> report = new ComboBox<>();
    final DateTimePicker when = new DateTimePicker();
    final IntegerField minutes = new IntegerField();
    final ComboBox<Rhythm> rhythm = new ComboBox<>();

    OneOnOnesView(OneOnOneService oneOnOnes, CurrentUser currentUser, PonteProperties properties, Clock clock) {
        this.oneOnOnes = oneOnOnes;
        this.properties = properties;
        setId("oneonones-view");
        setSizeFull();
        add(new H2(getTranslation("oneonone.list.title")));
        if (currentUser.has(Role.MANAGER)) {
            add(scheduleForm(clock));
        }
        grid.setId("oneonones-grid");
        grid.addComponentColumn(o -> {
            var link = new Anchor(OneOnOneView.ROUTE + "/" + o.id().value(),
                    Formats.dateTime(o.scheduledAt(), properties.zone(), getLocale()));
            link.setId("oneonone-link-" + o.id().value());
            return link;
        }).setHeader(getTranslation("oneonone.list.when")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> o.manager().fullName()).setHeader(getTranslation("oneonone.list.manager")).setFlexGrow(1);
        grid.addColumn(o -> o.report().fullName()).setHeader(getTranslation("oneonone.list.report")).setFlexGrow(1);
        grid.addColumn(o -> getTranslation("oneonone.minutes", o.durationMinutes()))
                .setHeader(getTranslation("oneonone.list.duration")).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("oneonone.list.empty"));
        add(new CsvDownload("oneonones-export", getTranslation("oneonone.list.export"), "one-on-ones", clock,
                properties.zone(), oneOnOnes::exportMine));
        add(grid);
        expand(grid);
        reload();
    }

    private VerticalLayout scheduleForm(Clock clock) {
        report.setId("oneonone-report");
        report.setLabel(getTranslation("oneonone.schedule.report"));
        report.setItems(oneOnOnes.possibleReports());
        report.setItemLabelGenerator(UserSummary::fullName);
        when.setId("oneonone-when");
        when.setLabel(getTranslation("oneonone.schedule.when"));
        when.setValue(LocalDateTime.now(clock.withZone(properties.zone())).plusDays(1).truncatedTo(ChronoUnit.HOURS));
        minutes.setId("oneonone-minutes");
        minutes.setLabel(getTranslation("oneonone.schedule.minutes"));
        minutes.setValue(OneOnOneService.DEFAULT_MINUTES);
        minutes.setStepButtonsVisible(true);
        minutes.setStep(15);
        rhythm.setId("oneonone-rhythm");
        rhythm.setLabel(getTranslation("oneonone.schedule.rhythm"));
        rhythm.setItems(Rhythm.values());
        rhythm.setItemLabelGenerator(r -> getTranslation("oneonone.rhythm." + r.name()));
        rhythm.setValue(Rhythm.BIWEEKLY);
        var errors = new FormErrors(this).field("report", report).field("scheduledAt", when)
                .field("durationMinutes", minutes);
        var schedule = new Button(getTranslation("oneonone.schedule.button"), e -> {
            errors.clear();
            try {
                OneOnOneId id = oneOnOnes.schedule(new NewOneOnOne(report.getValue() == null ? null : report.getValue().id(),
                        when.getValue() == null ? null : when.getValue().atZone(properties.zone()).toInstant(),
                        minutes.getValue(), rhythm.getValue()));
                FormErrors.success(getTranslation("oneonone.schedule.done", report.getValue().fullName()));
                reload();
                getUI().ifPresent(ui -> ui.navigate(OneOnOneView.ROUTE + "/" + id.value()));
            } catch (BusinessRuleException ex) {
                errors.show(ex);
            }
        });
        schedule.setId("oneonone-schedule");
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var row = new HorizontalLayout(report, when, minutes, rhythm, schedule);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        var form = new VerticalLayout(new H3(getTranslation("oneonone.schedule.title")), row);
        form.setPadding(false);
        return form;
    }

    void reload() {
        grid.setItems(oneOnOnes.mine());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("oneonone.list.title");
    }
}
