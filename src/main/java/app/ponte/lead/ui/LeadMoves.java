package app.ponte.lead.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.ui.FormErrors;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.StatusMove;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;

/**
 * Moving a lead from any view: LOST asks for the reason, OPPORTUNITY for the value when the lead
 * has none, other moves go at once. The service decides; a refusal is shown with its reason.
 */
final class LeadMoves {

    private LeadMoves() {
    }

    static void request(Component owner, LeadService leads, LeadDetails lead, LeadStatus target,
            Consumer<LeadDetails> onMoved) {
        boolean needsReason = target == LeadStatus.LOST;
        boolean needsValue = target == LeadStatus.OPPORTUNITY && lead.expectedValue() == null;
        if (needsReason || needsValue) {
            new LeadMoveDialog(leads, lead, target, onMoved).open();
        } else {
            move(owner, leads, lead, new StatusMove(target, null, null, lead.version()), onMoved, null);
        }
    }

    /** Calls the service; true when the lead moved. */
    static boolean move(Component owner, LeadService leads, LeadDetails lead, StatusMove move,
            Consumer<LeadDetails> onMoved, FormErrors errors) {
        try {
            LeadDetails moved = leads.move(lead.id(), move);
            FormErrors.success(owner.getTranslation("lead.moved", moved.name(),
                    owner.getTranslation("status." + moved.status().name())));
            onMoved.accept(moved);
            return true;
        } catch (BusinessRuleException e) {
            if (errors != null && e.field().filter(f -> f.equals("reason") || f.equals("expectedValue")).isPresent()) {
                errors.show(e);
            } else {
                FormErrors.error(owner.getTranslation(e.messageKey(), e.arguments()));
            }
        } catch (ConcurrentEditException e) {
            new FormErrors(owner).show(e);
        }
        return false;
    }

    /** Asks for what a move needs before making it. */
    static final class LeadMoveDialog extends Dialog {

        final TextArea reason = new TextArea();
        final BigDecimalField value = new BigDecimalField();
        final Button confirm = new Button();

        LeadMoveDialog(LeadService leads, LeadDetails lead, LeadStatus target, Consumer<LeadDetails> onMoved) {
            setId("lead-move-dialog");
            setHeaderTitle(getTranslation("lead.move.dialog.title", lead.name(),
                    getTranslation("status." + target.name())));
            var errors = new FormErrors(this).field("reason", reason).field("expectedValue", value);
            if (target == LeadStatus.LOST) {
                reason.setId("lead-move-reason");
                reason.setLabel(getTranslation("lead.move.dialog.reason"));
                reason.setRequiredIndicatorVisible(true);
                reason.setMaxLength(500);
                reason.setWidthFull();
                add(reason);
            } else {
                value.setId("lead-move-value");
                value.setLabel(getTranslation("lead.move.dialog.value"));
                value.setRequiredIndicatorVisible(true);
                add(value);
            }
            confirm.setText(getTranslation("lead.move.dialog.confirm", getTranslation("status." + target.name())));
            confirm.setId("lead-move-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.addClickListener(e -> {
                errors.clear();
                var move = new StatusMove(target, reason.getValue(), value.getValue(), lead.version());
                if (LeadMoves.move(this, leads, lead, move, onMoved, errors)) {
                    close();
                }
            });
            var cancel = new Button(getTranslation("common.cancel"), e -> close());
            getFooter().add(cancel, confirm);
            setWidth("32rem");
        }
    }
}
