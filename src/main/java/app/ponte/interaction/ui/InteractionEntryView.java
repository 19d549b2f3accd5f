package app.ponte.interaction.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.Formats;
import app.ponte.interaction.InteractionEdit;
import app.ponte.interaction.InteractionEntry;
import app.ponte.interaction.InteractionRights;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;

/**
 * One interaction in a lead's timeline: what, who, when, the lead's status then, the summary, the
 * outcome score, the next step (with "Mark done" for whoever may complete it: the person whose
 * agenda holds it, or a manager), and — for whoever may still correct it — an edit button; its
 * corrections are listed in a collapsible audit trail, in the reader's language.
 */
class InteractionEntryView extends Div {

    private final InteractionEntry entry;

    /** {@code rights}: the signed-in user's, decided once for the whole timeline. */
    InteractionEntryView(InteractionUi ui, InteractionRights rights, InteractionEntry entry, Runnable refresh) {
        this.entry = entry;
        ZoneId zone = ui.properties().zone();
        setId("interaction-" + entry.id().value());
        addClassNames("ponte-timeline-entry", "ponte-interaction");
        getElement().setAttribute("data-kind", "interaction");

        var head = new Div();
        head.addClassName("ponte-interaction-head");
        var what = new Span(getTranslation("interaction.type." + entry.type().name()));
        what.addClassName("ponte-timeline-what");
        head.add(what);
        if (entry.planned()) {
            var planned = new Span(getTranslation("interaction.planned"));
            planned.addClassName("ponte-interaction-planned");
            planned.getElement().getThemeList().add("badge contrast small");
            head.add(planned);
        }
        if (entry.outcomeScore() != null) {
            head.add(scoreChip(this, entry.outcomeScore()));
        }
        if (rights.mayEdit(entry)) {
            var edit = new Button(getTranslation("interaction.edit"),
                    e -> new LogInteractionDialog(ui, entry, refresh).open());
            edit.setId("interaction-edit-" + entry.id().value());
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            head.add(edit);
        }
        add(head);

        var when = new Span(getTranslation("interaction.timeline.meta", entry.user().fullName(),
                Formats.dateTime(entry.occurredAt(), zone, getLocale()),
                getTranslation("status." + entry.leadStatus().name())));
        when.addClassName("ponte-timeline-when");
        add(when);
        if (!entry.loggedBy().id().equals(entry.user().id())) {
            var by = new Span(getTranslation("interaction.timeline.logged-by", entry.loggedBy().fullName()));
            by.addClassName("ponte-timeline-when");
            add(by);
        }
        if (entry.summary() != null) {
            var summary = new Span(entry.summary());
            summary.addClassName("ponte-interaction-summary");
            add(summary);
        }
        if (entry.nextStep() != null) {
            var step = new Div(new Span(getTranslation("interaction.timeline.next-step", entry.nextStep())));
            step.addClassName("ponte-interaction-next-step");
            if (entry.nextStepDue() != null) {
                step.add(new Span(" " + getTranslation("interaction.timeline.due",
                        Formats.date(entry.nextStepDue().atStartOfDay(zone).toInstant(), zone, getLocale()))));
            }
            var state = new Span(getTranslation(entry.nextStepDoneAt() == null ? "interaction.timeline.open"
                    : "interaction.timeline.done"));
            state.getElement().getThemeList().add(entry.nextStepDoneAt() == null ? "badge small" : "badge success small");
            step.add(state);
            if (rights.mayComplete(entry)) {
                var done = new Button(getTranslation("interaction.timeline.mark-done"), e -> complete(ui, refresh));
                done.setId("interaction-done-" + entry.id().value());
                done.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                step.add(done);
            }
            add(step);
        }
        if (!entry.edits().isEmpty()) {
            var trail = new Div();
            trail.addClassName("ponte-interaction-audit");
            for (InteractionEdit edit : entry.edits()) {
                var one = new Div(new Span(getTranslation("interaction.audit.by", edit.editedBy().fullName(),
                        Formats.dateTime(edit.editedAt(), zone, getLocale()))));
                for (String change : edit.changes()) {
                    var line = new Div(new Span(AuditLine.render(this, change, zone, getLocale())));
                    line.addClassName("ponte-interaction-change");
                    one.add(line);
                }
                trail.add(one);
            }
            var details = new Details(getTranslation("interaction.audit.title", entry.edits().size()), trail);
            details.setId("interaction-audit-" + entry.id().value());
            details.addClassName("ponte-interaction-audit-details");
            add(details);
        }
    }

    /** The same service call and rule as the agenda's "Done"; a refusal is shown, the page re-read either way. */
    private void complete(InteractionUi ui, Runnable refresh) {
        try {
            ui.interactions().completeNextStep(entry.id());
            FormErrors.success(getTranslation("interaction.timeline.marked-done"));
        } catch (BusinessRuleException e) {
            FormErrors.error(getTranslation(e.messageKey(), e.arguments()));
        }
        refresh.run();
    }

    InteractionEntry entry() {
        return entry;
    }

    /** "★ 4 · positive, progress", coloured by the score. */
    static Span scoreChip(Component owner, int score) {
        var chip = new Span(owner.getTranslation("interaction.score.chip", score,
                owner.getTranslation("interaction.score." + score)));
        chip.addClassNames("ponte-score", "ponte-score-" + score);
        chip.setTitle(owner.getTranslation("interaction.score.title", score));
        return chip;
    }
}
