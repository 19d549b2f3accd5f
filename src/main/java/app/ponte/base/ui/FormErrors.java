package app.ponte.base.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shows a refused request's message beside the field at fault, or as a notification. */
public final class FormErrors {

    private final Component owner;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FormErrors(Component owner) {
        this.owner = owner;
    }

    public FormErrors field(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    public void show(BusinessRuleException e) {
        String message = owner.getTranslation(e.messageKey(), e.arguments());
        HasValidation field = e.field().map(fields::get).orElse(null);
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        } else {
            error(message);
        }
    }

    public void show(ConcurrentEditException e) {
        String at = e.changedAt() == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .withZone(java.time.ZoneOffset.UTC).format(e.changedAt());
        error(owner.getTranslation("common.concurrent-edit", e.changedBy(), at));
    }

    public static void error(String message) {
        Notification notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * Says that something worked: through the main layout's status region ({@link StatusMessage}),
     * which costs no round trip; outside the main layout (no region there) as a notification. The
     * region is filled when the response is written, so a save that opens another view (a new lead's
     * page) says it on that view's region, not on one the navigation took away.
     */
    public static void success(String message) {
        UI ui = UI.getCurrent();
        if (ui != null && StatusMessage.of(ui).isPresent()) {
            ui.beforeClientResponse(ui, context -> StatusMessage.of(ui)
                    .ifPresentOrElse(status -> status.show(message), () -> notifySuccess(message)));
            return;
        }
        notifySuccess(message);
    }

    private static void notifySuccess(String message) {
        Notification notification = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
