package app.ponte.lead.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ui.FormErrors;
import app.ponte.lead.Channel;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadSummary;
import app.ponte.lead.LeadId;
import app.ponte.lead.NewLead;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;

/**
 * Creates a lead. Before storing one whose e-mail is already known, it lists the leads with that
 * e-mail and asks for a second click: the same person often comes back through another channel,
 * and a duplicate splits their history.
 */
class LeadDialog extends Dialog {

    private final LeadService leads;
    private final Runnable onCreated;

    final TextField name = new TextField();
    final TextField company = new TextField();
    final EmailField email = new EmailField();
    final TextField phone = new TextField();
    final ComboBox<Channel> channel = new ComboBox<>();
    final ComboBox<Intent> intent = new ComboBox<>();
    final BigDecimalField expectedValue = new BigDecimalField();
    /** Only for managers, who may give a lead to someone else; empty means the creator. */
    final ComboBox<UserSummary> owner = new ComboBox<>();
    final Div duplicateWarning = new Div();
    final Button saveButton = new Button();
    private final FormErrors errors = new FormErrors(this);
    /** The e-mail whose duplicates the user has seen and chose to create anyway. */
    private String acceptedDuplicateEmail;

    /**
     * @param activeChannels the channels a new lead may come from
     * @param owners the people a lead may be given to, or null when the user may not choose
     */
    LeadDialog(LeadService leads, List<Channel> activeChannels, List<UserSummary> owners, Runnable onCreated) {
        this.leads = leads;
        this.onCreated = onCreated;
        setId("lead-dialog");
        setHeaderTitle(getTranslation("leads.new"));
        setWidth("40rem");

        name.setId("lead-name");
        name.setLabel(getTranslation("leads.name"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(120);
        company.setId("lead-company");
        company.setLabel(getTranslation("leads.company"));
        company.setMaxLength(160);
        email.setId("lead-email");
        email.setLabel(getTranslation("leads.email"));
        email.addValueChangeListener(e -> emailChanged());
        phone.setId("lead-phone");
        phone.setLabel(getTranslation("leads.phone"));
        channel.setId("lead-channel");
        channel.setLabel(getTranslation("leads.channel"));
        channel.setItems(activeChannels.stream().sorted(Channel.byName(getLocale())).toList());
        channel.setItemLabelGenerator(c -> c.name(getLocale()));
        channel.setRequiredIndicatorVisible(true);
        intent.setId("lead-intent");
        intent.setLabel(getTranslation("leads.intent"));
        intent.setItems(Intent.values());
        intent.setItemLabelGenerator(i -> getTranslation("intent." + i.name()));
        intent.setClearButtonVisible(true);
        expectedValue.setId("lead-expected-value");
        expectedValue.setLabel(getTranslation("leads.expected-value"));

        errors.field("name", name).field("company", company).field("email", email).field("phone", phone)
                .field("channel", channel).field("expectedValue", expectedValue).field("owner", owner);

        var form = new FormLayout(name, company, email, phone, channel, intent, expectedValue);
        if (owners != null) {
            owner.setId("lead-owner");
            owner.setLabel(getTranslation("leads.owner"));
            owner.setPlaceholder(getTranslation("leads.owner-me"));
            owner.setItems(owners);
            owner.setItemLabelGenerator(UserSummary::fullName);
            owner.setClearButtonVisible(true);
            form.add(owner);
        }
        add(form);

        duplicateWarning.setId("lead-duplicate-warning");
        duplicateWarning.setVisible(false);
        duplicateWarning.getStyle().setPadding("var(--lumo-space-s) var(--lumo-space-m)")
                .setBackground("var(--lumo-contrast-5pct)")
                .setBorderLeft("4px solid var(--lumo-primary-color)")
                .setMarginTop("var(--lumo-space-m)");
        add(duplicateWarning);

        saveButton.setText(getTranslation("leads.create"));
        saveButton.setId("lead-save");
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.addClickListener(e -> save());
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("lead-cancel");
        getFooter().add(cancel, saveButton);
    }

    void save() {
        errors.clear();
        String mail = email.getValue() == null ? "" : email.getValue().strip();
        if (!mail.isEmpty() && !mail.equalsIgnoreCase(acceptedDuplicateEmail)) {
            List<LeadSummary> known = leads.withEmail(mail);
            if (!known.isEmpty()) {
                showDuplicates(known);
                acceptedDuplicateEmail = mail;
                saveButton.setText(getTranslation("leads.create-anyway"));
                return;
            }
        }
        try {
            LeadId created = leads.create(new NewLead(name.getValue(), company.getValue(), email.getValue(), phone.getValue(),
                    channel.getValue() == null ? null : channel.getValue().code(), intent.getValue(),
                    expectedValue.getValue(), owner.getValue() == null ? null : owner.getValue().id()));
            FormErrors.success(getTranslation("leads.created", name.getValue().strip()));
            onCreated.run();
            close();
            // the next thing one does with a new lead is work on it: open its page
            UI.getCurrent().navigate(LeadLinks.LEADS_ROUTE + "/" + created.value());
        } catch (BusinessRuleException e) {
            errors.show(e);
        }
    }

    private void showDuplicates(List<LeadSummary> known) {
        var list = new UnorderedList();
        for (LeadSummary lead : known) {
            list.add(new ListItem(getTranslation("leads.duplicate.item", lead.name(), lead.ownerFullName(),
                    getTranslation("status." + lead.status().name()))));
        }
        duplicateWarning.removeAll();
        duplicateWarning.add(new Span(getTranslation("leads.duplicate.title")), list);
        duplicateWarning.setVisible(true);
    }

    /** Another address: the earlier warning no longer applies. */
    private void emailChanged() {
        String mail = email.getValue() == null ? "" : email.getValue().strip();
        if (acceptedDuplicateEmail != null && !mail.equalsIgnoreCase(acceptedDuplicateEmail)) {
            acceptedDuplicateEmail = null;
            duplicateWarning.setVisible(false);
            duplicateWarning.removeAll();
            saveButton.setText(getTranslation("leads.create"));
        }
    }
}
