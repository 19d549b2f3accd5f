package app.ponte.interaction.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.ui.Dialogs;
import app.ponte.base.ui.FormErrors;
import app.ponte.interaction.InteractionChanges;
import app.ponte.interaction.InteractionEntry;
import app.ponte.interaction.InteractionType;
import app.ponte.interaction.NewInteraction;
import app.ponte.lead.LeadId;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Logs an interaction with a lead (a call, a meeting, an e-mail…) with its outcome score on the
 * 1–5 scale and an optional next step, or corrects one already logged. The service decides what
 * is required; its refusal is shown beside the field at fault.
 */
class LogInteractionDialog extends Dialog {

    private final InteractionUi ui;
    private final LeadId lead;
    private final InteractionEntry existing;
    private final Runnable onSaved;
    private final ZoneId zone;

    final Select<InteractionType> type = new Select<>();
    final DateTimePicker when = new DateTimePicker();
    final Checkbox planned = new Checkbox();
    final ComboBox<UserSummary> who = new ComboBox<>();
    final TextArea summary = new TextArea();
    final RadioButtonGroup<Integer> score = new RadioButtonGroup<>();
    final TextField nextStep = new TextField();
    final DatePicker nextStepDue = new DatePicker();
    final Button save = new Button();
    private final FormErrors errors = new FormErrors(this);

    /** A dialog to log a new interaction with {@code lead}, preset to {@code preset}. */
    LogInteractionDialog(InteractionUi ui, LeadId lead, InteractionType preset, Runnable onSaved) {
        this(ui, lead, preset, null, onSaved);
    }

    /** A dialog to correct {@code existing}. */
    LogInteractionDialog(InteractionUi ui, InteractionEntry existing, Runnable onSaved) {
        this(ui, existing.lead(), existing.type(), existing, onSaved);
    }

    private LogInteractionDialog(InteractionUi ui, LeadId lead, InteractionType preset, InteractionEntry existing,
            Runnable onSaved) {
        this.ui = ui;
        this.lead = lead;
        this.existing = existing;
        this.onSaved = onSaved;
        this.zone = ui.properties().zone();
        setId("interaction-dialog");
        setHeaderTitle(getTranslation(existing == null ? "interaction.dialog.new" : "interaction.dialog.edit"));
        setWidth("40rem");

        type.setId("interaction-type");
        type.setLabel(getTranslation("interaction.field.type"));
        type.setItems(InteractionType.values());
        type.setItemLabelGenerator(t -> getTranslation("interaction.type." + t.name()));
        type.setValue(preset == null ? InteractionType.CALL : preset);
        type.addValueChangeListener(e -> typeChanged());

        when.setId("interaction-when");
        when.setLabel(getTranslation("interaction.field.when"));
        when.setValue(LocalDateTime.now(ui.clock().withZone(zone)).truncatedTo(ChronoUnit.MINUTES));

        planned.setId("interaction-planned");
        planned.setLabel(getTranslation("interaction.field.planned"));
        planned.addValueChangeListener(e -> score.setEnabled(!e.getValue()));

        who.setId("interaction-who");
        who.setLabel(getTranslation("interaction.field.who"));
        who.setItemLabelGenerator(UserSummary::fullName);
        boolean manager = ui.currentUser().has(Role.MANAGER);
        who.setVisible(manager && existing == null);
        if (manager && existing == null) {
            UserSummary me = ui.users().me();
            Map<Object, UserSummary> team = new LinkedHashMap<>();
            team.put(me.id(), me);
            ui.leads().possibleOwners().forEach(u -> team.putIfAbsent(u.id(), u));
            who.setItems(List.copyOf(team.values()));
            who.setValue(me);
        }

        summary.setId("interaction-summary");
        summary.setLabel(getTranslation("interaction.field.summary"));
        summary.setMaxLength(2000);
        summary.setWidthFull();

        score.setId("interaction-score");
        score.setLabel(getTranslation("interaction.field.score"));
        score.setItems(IntStream.rangeClosed(1, 5).boxed().toList());
        score.setItemLabelGenerator(n -> getTranslation("interaction.score.option", n,
                getTranslation("interaction.score." + n)));
        score.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        score.addClassName("ponte-score-scale");

        nextStep.setId("interaction-next-step");
        nextStep.setLabel(getTranslation("interaction.field.next-step"));
        nextStep.setMaxLength(500);
        nextStepDue.setId("interaction-next-step-due");
        nextStepDue.setLabel(getTranslation("interaction.field.next-step-due"));
        nextStepDue.setClearButtonVisible(true);

        errors.field("type", type).field("occurredAt", when).field("planned", planned).field("user", who).field("summary", summary)
                .field("outcomeScore", score).field("nextStep", nextStep).field("nextStepDue", nextStepDue);

        if (existing != null) {
            when.setValue(LocalDateTime.ofInstant(existing.occurredAt(), zone));
            planned.setValue(existing.planned());
            summary.setValue(existing.summary() == null ? "" : existing.summary());
            score.setValue(existing.outcomeScore());
            nextStep.setValue(existing.nextStep() == null ? "" : existing.nextStep());
            nextStepDue.setValue(existing.nextStepDue());
        }
        typeChanged();

        var form = new FormLayout(type, when, planned, who, summary, score, nextStep, nextStepDue);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setColspan(summary, 2);
        form.setColspan(score, 2);
        add(form);

        save.setText(getTranslation("common.save"));
        save.setId("interaction-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("interaction-cancel");
        getFooter().add(cancel, save);
    }

    /** Only calls, video calls and meetings can be planned ahead. */
    private void typeChanged() {
        InteractionType t = type.getValue();
        boolean plannable = t != null && t.canBePlanned();
        planned.setVisible(plannable);
        if (!plannable) {
            planned.setValue(false);
        }
    }

    void save() {
        errors.clear();
        boolean isPlanned = planned.isVisible() && planned.getValue();
        var occurredAt = when.getValue() == null ? null : when.getValue().atZone(zone).toInstant();
        Integer outcome = isPlanned ? null : score.getValue();
        try {
            if (existing == null) {
                var user = who.isVisible() && who.getValue() != null ? who.getValue().id() : null;
                ui.interactions().log(new NewInteraction(lead, type.getValue(), occurredAt, isPlanned, user,
                        summary.getValue(), outcome, nextStep.getValue(), nextStepDue.getValue()));
                FormErrors.success(getTranslation("interaction.logged"));
            } else {
                ui.interactions().edit(existing.id(), new InteractionChanges(type.getValue(), occurredAt, isPlanned,
                        summary.getValue(), outcome, nextStep.getValue(), nextStepDue.getValue(), existing.version()));
                FormErrors.success(getTranslation("interaction.saved"));
            }
        } catch (BusinessRuleException e) {
            errors.show(e);
            return;
        } catch (ConcurrentEditException e) {
            errors.show(e);
            return;
        }
        Dialogs.closeAtOnce(this);
        onSaved.run();
    }
}
