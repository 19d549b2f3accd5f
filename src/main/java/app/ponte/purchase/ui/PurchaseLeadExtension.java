package app.ponte.purchase.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.PonteProperties;
import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.Formats;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadExtension;
import app.ponte.lead.LeadStatus;
import app.ponte.purchase.NewPurchase;
import app.ponte.purchase.Purchase;
import app.ponte.purchase.PurchaseService;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Purchases on the lead page: a won lead's purchases with their total, and for SALES and MANAGER
 * a small form to record one (and a button to delete a wrong one).
 */
@org.springframework.stereotype.Component
class PurchaseLeadExtension implements LeadExtension {

    private final PurchaseService purchases;
    private final CurrentUser currentUser;
    private final PonteProperties properties;
    private final Clock clock;

    PurchaseLeadExtension(PurchaseService purchases, CurrentUser currentUser, PonteProperties properties,
            Clock clock) {
        this.purchases = purchases;
        this.currentUser = currentUser;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public List<Component> summary(LeadDetails lead) {
        List<Purchase> list = purchases.forLead(lead.id());
        boolean mayRecord = lead.status() == LeadStatus.WON
                && (currentUser.has(Role.SALES) || currentUser.has(Role.MANAGER));
        if (list.isEmpty() && !mayRecord) {
            return List.of();
        }
        var box = new Div();
        box.setId("lead-purchases");
        box.addClassName("ponte-purchases");
        render(box, lead, mayRecord, list);
        return List.of(box);
    }

    private void render(Div box, LeadDetails lead, boolean mayRecord) {
        render(box, lead, mayRecord, purchases.forLead(lead.id()));
    }

    /** {@code list}: the purchases just read (the summary reads them once, not twice). */
    private void render(Div box, LeadDetails lead, boolean mayRecord, List<Purchase> list) {
        box.removeAll();
        Locale locale = UI.getCurrent() == null ? Locale.getDefault() : UI.getCurrent().getLocale();
        BigDecimal total = list.stream().map(Purchase::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        var title = new H4(box.getTranslation("purchase.title", list.size(),
                Formats.money(total, properties.currency(), locale)));
        title.setId("lead-purchases-title");
        box.add(title);
        for (Purchase p : list) {
            var line = new HorizontalLayout();
            line.setId("purchase-" + p.id());
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            line.add(new Span(p.purchasedOn().toString()),
                    new Span(Formats.money(p.amount(), properties.currency(), locale)));
            if (p.orderRef() != null) {
                line.add(new Span(p.orderRef()));
            }
            if (mayRecord || currentUser.has(Role.MANAGER)) {
                var delete = new Button(box.getTranslation("purchase.delete"), e -> {
                    try {
                        purchases.delete(p.id(), p.version());
                        render(box, lead, mayRecord);
                    } catch (BusinessRuleException | ConcurrentEditException ex) {
                        FormErrors.error(box.getTranslation("purchase.delete-failed"));
                    }
                });
                delete.setId("purchase-delete-" + p.id());
                delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                line.add(delete);
            }
            box.add(line);
        }
        if (mayRecord) {
            box.add(form(box, lead));
        }
    }

    private HorizontalLayout form(Div box, LeadDetails lead) {
        var date = new DatePicker(box.getTranslation("purchase.date"));
        date.setId("purchase-date");
        date.setValue(LocalDate.now(clock.withZone(properties.zone())));
        var amount = new BigDecimalField(box.getTranslation("purchase.amount"));
        amount.setId("purchase-amount");
        var orderRef = new TextField(box.getTranslation("purchase.order-ref"));
        orderRef.setId("purchase-order-ref");
        orderRef.setMaxLength(64);
        var errors = new FormErrors(box).field("purchased_on", date).field("amount", amount).field("order_ref", orderRef);
        var record = new Button(box.getTranslation("purchase.record"), e -> {
            errors.clear();
            try {
                purchases.record(new NewPurchase(lead.id(), date.getValue(), amount.getValue(), orderRef.getValue()));
                FormErrors.success(box.getTranslation("purchase.recorded"));
                render(box, lead, true);
            } catch (BusinessRuleException ex) {
                errors.show(ex);
            }
        });
        record.setId("purchase-record");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        var form = new HorizontalLayout(date, amount, orderRef, record);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }
}
