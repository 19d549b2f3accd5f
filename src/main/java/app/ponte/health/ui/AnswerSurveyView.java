package app.ponte.health.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.PonteProperties;
import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.Formats;
import app.ponte.base.ui.MainLayout;
import app.ponte.health.OpenSurvey;
import app.ponte.health.Question;
import app.ponte.health.QuestionType;
import app.ponte.health.SurveyAnswers;
import app.ponte.health.SurveyRunId;
import app.ponte.health.SurveyService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Answering a survey run: one control per question, sent once. After sending (or for a run the
 * user already answered) only a message remains: answers cannot be changed.
 */
@Route(value = AnswerSurveyView.ROUTE + "/:runId([0-9]{1,18})", layout = MainLayout.class)
@PermitAll
class AnswerSurveyView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The service's refusal for a run that does not exist (the page then is the not-found view). */
    static final String NOT_FOUND = "survey.error.run-not-found";

    static final String ROUTE = "survey-runs";

    private final SurveyService surveys;
    private final PonteProperties properties;
    private final H2 title = new H2();
    private final VerticalLayout form = new VerticalLayout();
    private final Map<Long, RadioButtonGroup<Integer>> scores = new LinkedHashMap<>();
    private final Map<Long, TextArea> texts = new LinkedHashMap<>();
    private SurveyRunId run;

    AnswerSurveyView(SurveyService surveys, PonteProperties properties) {
        this.surveys = surveys;
        this.properties = properties;
        setId("survey-answer-view");
        form.setId("survey-answer-form");
        form.setPadding(false);
        add(title, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        run = new SurveyRunId(event.getRouteParameters().getLong("runId").orElse(-1L));
        form.removeAll();
        scores.clear();
        texts.clear();
        OpenSurvey survey;
        try {
            survey = surveys.toAnswer(run);
        } catch (BusinessRuleException e) {
            if (NOT_FOUND.equals(e.messageKey())) {
                event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, getTranslation(NOT_FOUND));
                return;
            }
            title.setText(getTranslation("survey.answer.title", ""));
            var refused = new Paragraph(getTranslation(e.messageKey(), e.arguments()));
            refused.setId("survey-answer-refused");
            form.add(refused);
            return;
        }
        title.setText(getTranslation("survey.answer.title", survey.run().title()));
        form.add(new Paragraph(getTranslation("survey.answer.closes",
                Formats.dateTime(survey.run().closesAt(), properties.zone(), getLocale()),
                surveys.anonymityThreshold())));
        for (Question q : survey.questions()) {
            String label = q.order() + ". " + SurveyTexts.question(this, q);
            if (q.type() == QuestionType.TEXT) {
                var area = new TextArea(label);
                area.setId("survey-q-" + q.id());
                area.setWidthFull();
                area.setMaxLength(2000);
                texts.put(q.id(), area);
                form.add(area);
            } else {
                var group = new RadioButtonGroup<Integer>(label);
                group.setId("survey-q-" + q.id());
                group.addClassName("ponte-score-group");
                group.setItems(IntStream.rangeClosed(q.type().min(), q.type().max()).boxed().toList());
                group.addThemeVariants(RadioGroupVariant.LUMO_HELPER_ABOVE_FIELD);
                group.setHelperText(q.type() == QuestionType.ENPS_0_10
                        ? getTranslation("survey.answer.not-likely") + " (0) … " + getTranslation("survey.answer.very-likely") + " (10)"
                        : getTranslation("survey.answer.disagree") + " (1) … " + getTranslation("survey.answer.agree") + " (5)");
                scores.put(q.id(), group);
                form.add(group);
            }
        }
        var submit = new Button(getTranslation("survey.answer.submit"), e -> submit());
        submit.setId("survey-answer-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(submit);
    }

    private void submit() {
        Map<Long, Integer> chosen = new HashMap<>();
        scores.forEach((id, group) -> {
            group.setInvalid(false);
            if (group.getValue() != null) {
                chosen.put(id, group.getValue());
            }
        });
        Map<Long, String> written = new HashMap<>();
        texts.forEach((id, area) -> written.put(id, area.getValue()));
        try {
            surveys.answer(run, new SurveyAnswers(chosen, written));
        } catch (BusinessRuleException e) {
            String field = e.field().orElse("");
            var group = field.matches("q[0-9]+") ? scores.get(Long.valueOf(field.substring(1))) : null;
            if (group != null) {
                group.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
                group.setInvalid(true);
            } else {
                FormErrors.error(getTranslation(e.messageKey(), e.arguments()));
            }
            return;
        }
        form.removeAll();
        scores.clear();
        texts.clear();
        var thanks = new Paragraph(getTranslation("survey.answer.thanks"));
        thanks.setId("survey-answer-thanks");
        form.add(thanks);
    }

    /** The questions shown, by id (tests fill them in). */
    Map<Long, RadioButtonGroup<Integer>> scoreFields() {
        return scores;
    }

    Map<Long, TextArea> textFields() {
        return texts;
    }

    List<Long> questionIds() {
        return List.copyOf(scores.keySet());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + title.getText();
    }
}
