package app.ponte.health.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ui.FormErrors;
import app.ponte.health.Cadence;
import app.ponte.health.LibraryQuestion;
import app.ponte.health.NewQuestion;
import app.ponte.health.NewSurvey;
import app.ponte.health.QuestionType;
import app.ponte.health.SurveyService;
import app.ponte.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Creating a pulse survey: title, cadence, audience, open window, 1–10 questions from the library or one's own. */
class SurveyDialog extends Dialog {

    private final SurveyService surveys;
    private final Runnable onCreated;
    final TextField name = new TextField();
    final ComboBox<Cadence> cadence = new ComboBox<>();
    final MultiSelectComboBox<Role> audience = new MultiSelectComboBox<>();
    final IntegerField openDays = new IntegerField();
    final DatePicker startsOn = new DatePicker();
    final ComboBox<LibraryQuestion> library = new ComboBox<>();
    final ComboBox<QuestionType> ownType = new ComboBox<>();
    final TextField ownText = new TextField();
    private final List<NewQuestion> questions = new ArrayList<>();
    private final Div questionList = new Div();
    private final Span questionError = new Span();
    private final FormErrors errors;

    SurveyDialog(SurveyService surveys, Clock clock, Runnable onCreated) {
        this.surveys = surveys;
        this.onCreated = onCreated;
        setId("survey-dialog");
        setHeaderTitle(getTranslation("survey.dialog.title"));
        name.setId("survey-name");
        name.setLabel(getTranslation("survey.dialog.name"));
        name.setWidthFull();
        cadence.setId("survey-cadence");
        cadence.setLabel(getTranslation("survey.dialog.cadence"));
        cadence.setItems(Cadence.values());
        cadence.setItemLabelGenerator(c -> getTranslation("survey.cadence." + c.name()));
        cadence.setValue(Cadence.MONTHLY);
        audience.setId("survey-audience");
        audience.setLabel(getTranslation("survey.dialog.audience"));
        audience.setPlaceholder(getTranslation("survey.dialog.audience-everyone"));
        audience.setItems(Role.values());
        audience.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        openDays.setId("survey-open-days");
        openDays.setLabel(getTranslation("survey.dialog.open-days"));
        openDays.setValue(5);
        openDays.setMin(1);
        openDays.setStepButtonsVisible(true);
        startsOn.setId("survey-starts-on");
        startsOn.setLabel(getTranslation("survey.dialog.starts-on"));
        startsOn.setValue(LocalDate.now(clock));
        library.setId("survey-library");
        library.setLabel(getTranslation("survey.dialog.library"));
        library.setItems(LibraryQuestion.values());
        library.setItemLabelGenerator(q -> getTranslation(q.key()));
        library.setWidth("28em");
        var addLibrary = new Button(getTranslation("survey.dialog.add-library"), e -> {
            if (library.getValue() != null) {
                questions.add(library.getValue().question());
                library.clear();
                showQuestions();
            }
        });
        addLibrary.setId("survey-add-library");
        ownType.setId("survey-own-type");
        ownType.setLabel(getTranslation("survey.dialog.own-type"));
        ownType.setItems(QuestionType.values());
        ownType.setItemLabelGenerator(t -> getTranslation("survey.type." + t.name()));
        ownType.setValue(QuestionType.SCALE_1_5);
        ownText.setId("survey-own-text");
        ownText.setLabel(getTranslation("survey.dialog.own-text"));
        ownText.setWidth("20em");
        var addOwn = new Button(getTranslation("survey.dialog.add-own"), e -> {
            if (!ownText.getValue().isBlank() && ownType.getValue() != null) {
                questions.add(NewQuestion.custom(ownType.getValue(), ownText.getValue()));
                ownText.clear();
                showQuestions();
            }
        });
        addOwn.setId("survey-add-own");
        questionList.setId("survey-questions");
        questionError.setId("survey-questions-error");
        questionError.addClassName("ponte-error-text");
        errors = new FormErrors(this).field("title", name).field("cadence", cadence).field("openDays", openDays);

        var fromLibrary = new HorizontalLayout(library, addLibrary);
        fromLibrary.setAlignItems(FlexComponent.Alignment.BASELINE);
        var own = new HorizontalLayout(ownType, ownText, addOwn);
        own.setAlignItems(FlexComponent.Alignment.BASELINE);
        var settings = new HorizontalLayout(cadence, audience, openDays, startsOn);
        settings.setWrap(true);
        var body = new VerticalLayout(name, settings, new H4(getTranslation("survey.dialog.questions")), questionList,
                questionError, fromLibrary, own);
        body.setPadding(false);
        add(body);
        var save = new Button(getTranslation("survey.dialog.create"), e -> save());
        save.setId("survey-create");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, save);
        // a new survey starts from the eNPS question, the one every pulse survey asks
        questions.add(LibraryQuestion.ENPS.question());
        showQuestions();
    }

    private void showQuestions() {
        questionList.removeAll();
        for (int i = 0; i < questions.size(); i++) {
            NewQuestion q = questions.get(i);
            int index = i;
            String text = q.libraryKey() != null ? getTranslation(q.libraryKey()) : q.text();
            var remove = new Button(getTranslation("survey.dialog.remove"), e -> {
                questions.remove(index);
                showQuestions();
            });
            remove.setId("survey-remove-" + i);
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            var type = new Span(getTranslation("survey.type." + q.type().name()));
            type.getElement().getThemeList().add("badge contrast");
            var row = new HorizontalLayout(new Span((i + 1) + ". " + text), type, remove);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            questionList.add(row);
        }
    }

    List<NewQuestion> questions() {
        return questions;
    }

    void save() {
        errors.clear();
        questionError.setText("");
        try {
            surveys.create(new NewSurvey(name.getValue(), cadence.getValue(), audience.getValue(),
                    openDays.getValue() == null ? 0 : openDays.getValue(), startsOn.getValue(), questions));
        } catch (BusinessRuleException e) {
            if (e.field().filter("questions"::equals).isPresent()) {
                questionError.setText(getTranslation(e.messageKey(), e.arguments()));
            } else {
                errors.show(e);
            }
            return;
        }
        FormErrors.success(getTranslation("survey.dialog.created", name.getValue().strip()));
        close();
        onCreated.run();
    }
}
