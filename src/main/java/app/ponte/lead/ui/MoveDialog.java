package app.ponte.lead.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.ui.Dialogs;
import app.ponte.base.ui.FormErrors;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.StatusMove;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Currency;

/**
 * Asks what a move needs before it is made: why a lead was lost (LOST), or the expected value of
 * the offer (OPPORTUNITY, when the lead has none yet). The service checks both again.
 */
class MoveDialog extends Dialog {

    static final int REASON_MAX = 500;

    private final LeadService leadService;
    private final LeadDetails lead;
    private final LeadStatus target;
    private final Runnable onDone;

    final TextArea reason = new TextArea();
    final BigDecimalField expectedValue = new BigDecimalField();
    private final FormErrors errors = new FormErrors(this);

    MoveDialog(LeadService leadService, LeadDetails lead, LeadStatus target, Currency currency, Runnable onDone) {
        this.leadService = leadService;
        this.lead = lead;
        this.target = target;
        this.onDone = onDone;
        setId("move-dialog");
        setWidth("32rem");
        setHeaderTitle(getTranslation(target == LeadStatus.LOST ? "board.move.lost.title" : "board.move.opportunity.title",
                lead.name()));

        reason.setId("move-reason");
        reason.setLabel(getTranslation("board.move.reason"));
        reason.setHelperText(getTranslation("board.move.reason-help", REASON_MAX));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(REASON_MAX);
        reason.setWidthFull();

        expectedValue.setId("move-expected-value");
        expectedValue.setLabel(getTranslation("board.move.expected-value", currency.getCurrencyCode()));
        expectedValue.setRequiredIndicatorVisible(true);
        expectedValue.setWidthFull();

        errors.field("reason", reason).field("expectedValue", expectedValue);
        if (target == LeadStatus.LOST) {
            add(reason);
        } else {
            add(expectedValue);
        }

        var confirm = new Button(getTranslation("board.move.confirm", getTranslation("status." + target.name())),
                e -> confirm());
        confirm.setId("move-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("move-cancel");
        getFooter().add(cancel, confirm);
    }

    void confirm() {
        errors.clear();
        try {
            leadService.move(lead.id(), new StatusMove(target,
                    target == LeadStatus.LOST ? reason.getValue() : null,
                    target == LeadStatus.OPPORTUNITY ? expectedValue.getValue() : null,
                    lead.version()));
            FormErrors.success(getTranslation("board.moved", lead.name(), getTranslation("status." + target.name())));
            Dialogs.closeAtOnce(this);
            onDone.run();
        } catch (BusinessRuleException e) {
            errors.show(e);
        } catch (ConcurrentEditException e) {
            // the lead changed since it was read: this move cannot succeed, show the board as it is now
            errors.show(e);
            close();
            onDone.run();
        }
    }
}
