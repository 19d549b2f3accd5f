package app.ponte.handoff.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ui.Dialogs;
import app.ponte.base.ui.FormErrors;
import app.ponte.handoff.HandoffService;
import app.ponte.handoff.NewHandoff;
import app.ponte.lead.LeadDetails;
import app.ponte.security.Role;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;

/** Hands an MQL to a named salesperson or to the sales queue, with a note for the recipient. */
class HandoffDialog extends Dialog {

    /** A choice of recipient: a salesperson, or the queue when {@code user} is null. */
    record Target(UserSummary user) {
    }

    private final HandoffService handoffs;
    private final LeadDetails lead;
    private final Runnable onSent;

    final ComboBox<Target> to = new ComboBox<>();
    final TextArea note = new TextArea();
    final Button send = new Button();
    private final FormErrors errors = new FormErrors(this);

    HandoffDialog(HandoffService handoffs, UserService users, LeadDetails lead, Runnable onSent) {
        this.handoffs = handoffs;
        this.lead = lead;
        this.onSent = onSent;
        setId("handoff-dialog");
        setHeaderTitle(getTranslation("handoff.dialog.title", lead.name()));
        setWidth("36rem");

        List<Target> targets = new ArrayList<>();
        targets.add(new Target(null));
        users.activeWithRole(Role.SALES).forEach(u -> targets.add(new Target(u)));
        to.setId("handoff-to");
        to.setLabel(getTranslation("handoff.field.to"));
        to.setItems(targets);
        to.setItemLabelGenerator(t -> t.user() == null ? getTranslation("handoff.queue") : t.user().fullName());
        to.setValue(targets.getFirst());
        to.setRequired(true);

        note.setId("handoff-note");
        note.setLabel(getTranslation("handoff.field.note"));
        note.setHelperText(getTranslation("handoff.field.note-helper"));
        note.setMaxLength(2000);
        note.setWidthFull();
        errors.field("to", to).field("note", note);

        var form = new FormLayout(to, note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        send.setText(getTranslation("handoff.send"));
        send.setId("handoff-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> send());
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("handoff-cancel");
        getFooter().add(cancel, send);
    }

    void send() {
        errors.clear();
        Target target = to.getValue();
        try {
            handoffs.handOff(new NewHandoff(lead.id(), target == null || target.user() == null ? null
                    : target.user().id(), note.getValue()));
        } catch (BusinessRuleException e) {
            errors.show(e);
            return;
        }
        FormErrors.success(getTranslation("handoff.sent"));
        Dialogs.closeAtOnce(this);
        onSent.run();
    }
}
