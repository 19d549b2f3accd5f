package app.ponte.interaction.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.PonteProperties;
import app.ponte.base.ui.Dialogs;
import app.ponte.base.ui.FormErrors;
import app.ponte.interaction.AgendaItem;
import app.ponte.interaction.InteractionService;
import app.ponte.interaction.InteractionType;
import app.ponte.interaction.NewInteraction;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Marks a next step done and logs what came of it in one go: the follow-up interaction with its
 * type, outcome score, summary and, often, the next step after it.
 */
class FollowUpDialog extends Dialog {

    final ComboBox<InteractionType> type = new ComboBox<>();
    final DateTimePicker occurredAt = new DateTimePicker();
    final RadioButtonGroup<Integer> outcomeScore = new RadioButtonGroup<>();
    final TextArea summary = new TextArea();
    final TextField nextStep = new TextField();
    final DatePicker nextStepDue = new DatePicker();

    private final InteractionService interactions;
    private final PonteProperties properties;
    private final AgendaItem item;
    private final Runnable afterSave;
    private final FormErrors errors = new FormErrors(this);

    FollowUpDialog(InteractionService interactions, PonteProperties properties, Clock clock, AgendaItem item,
            Runnable afterSave) {
        this.interactions = interactions;
        this.properties = properties;
        this.item = item;
        this.afterSave = afterSave;
        setId("agenda-follow-up-dialog");
        setHeaderTitle(getTranslation("agenda.follow-up.title", item.leadName()));

        type.setId("agenda-follow-up-type");
        type.setLabel(getTranslation("agenda.follow-up.type"));
        type.setItems(InteractionType.values());
        type.setItemLabelGenerator(t -> getTranslation("interaction.type." + t.name()));
        type.setValue(item.type());
        type.setRequired(true);

        occurredAt.setId("agenda-follow-up-when");
        occurredAt.setLabel(getTranslation("agenda.follow-up.when"));
        occurredAt.setValue(LocalDateTime.now(clock.withZone(properties.zone())).truncatedTo(ChronoUnit.MINUTES));

        outcomeScore.setId("agenda-follow-up-score");
        outcomeScore.setLabel(getTranslation("agenda.follow-up.score"));
        outcomeScore.setItems(1, 2, 3, 4, 5);
        outcomeScore.setItemLabelGenerator(s -> getTranslation("interaction.score.option", s, getTranslation("interaction.score." + s)));

        summary.setId("agenda-follow-up-summary");
        summary.setLabel(getTranslation("agenda.follow-up.summary"));
        nextStep.setId("agenda-follow-up-next-step");
        nextStep.setLabel(getTranslation("agenda.follow-up.next-step"));
        nextStepDue.setId("agenda-follow-up-due");
        nextStepDue.setLabel(getTranslation("agenda.follow-up.due"));

        errors.field("type", type).field("occurredAt", occurredAt).field("outcomeScore", outcomeScore)
                .field("summary", summary).field("nextStep", nextStep).field("nextStepDue", nextStepDue);

        var form = new FormLayout(type, occurredAt, outcomeScore, summary, nextStep, nextStepDue);
        form.setColspan(outcomeScore, 2);
        form.setColspan(summary, 2);
        add(form);

        var save = new Button(getTranslation("agenda.follow-up.save"), e -> save());
        save.setId("agenda-follow-up-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("agenda-follow-up-cancel");
        getFooter().add(cancel, save);
    }

    void save() {
        errors.clear();
        var when = occurredAt.getValue() == null ? null : occurredAt.getValue().atZone(properties.zone()).toInstant();
        try {
            interactions.completeWithFollowUp(item.interaction(), new NewInteraction(item.lead(), type.getValue(), when,
                    false, null, summary.getValue(), outcomeScore.getValue(), nextStep.getValue(),
                    nextStepDue.getValue()));
        } catch (BusinessRuleException e) {
            errors.show(e);
            return;
        }
        FormErrors.success(getTranslation("agenda.follow-up.saved", item.leadName()));
        Dialogs.closeAtOnce(this);
        afterSave.run();
    }
}
