package app.ponte.handoff.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ui.Dialogs;
import app.ponte.base.ui.FormErrors;
import app.ponte.handoff.HandoffEntry;
import app.ponte.handoff.HandoffService;
import app.ponte.handoff.RejectReason;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

/** Rejects a handoff: a reason code and a note for the marketer are both required. */
class RejectDialog extends Dialog {

    private final HandoffService handoffs;
    private final HandoffEntry handoff;
    private final Runnable onRejected;

    final Select<RejectReason> reason = new Select<>();
    final TextArea note = new TextArea();
    final Button confirm = new Button();
    private final FormErrors errors = new FormErrors(this);

    RejectDialog(HandoffService handoffs, HandoffEntry handoff, Runnable onRejected) {
        this.handoffs = handoffs;
        this.handoff = handoff;
        this.onRejected = onRejected;
        setId("reject-dialog");
        setHeaderTitle(getTranslation("reject.title", handoff.leadName()));
        setWidth("32rem");

        reason.setId("reject-reason");
        reason.setLabel(getTranslation("reject.reason"));
        reason.setItems(RejectReason.values());
        reason.setItemLabelGenerator(r -> getTranslation("handoff.reason." + r.name()));
        reason.setRequiredIndicatorVisible(true);
        note.setId("reject-note");
        note.setLabel(getTranslation("reject.note"));
        note.setRequiredIndicatorVisible(true);
        note.setMaxLength(2000);
        note.setWidthFull();
        errors.field("reason", reason).field("decisionNote", note);
        var form = new FormLayout(reason, note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        confirm.setText(getTranslation("reject.confirm"));
        confirm.setId("reject-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(e -> confirm());
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("reject-cancel");
        getFooter().add(cancel, confirm);
    }

    void confirm() {
        errors.clear();
        try {
            handoffs.reject(handoff.id(), reason.getValue(), note.getValue(), handoff.version());
        } catch (BusinessRuleException e) {
            errors.show(e);
            if (e.field().isEmpty()) {
                // decided or claimed by someone else meanwhile: said so; let the inbox show the news
                close();
                onRejected.run();
            }
            return;
        }
        FormErrors.success(getTranslation("inbox.rejected", handoff.leadName()));
        Dialogs.closeAtOnce(this);
        onRejected.run();
    }
}
