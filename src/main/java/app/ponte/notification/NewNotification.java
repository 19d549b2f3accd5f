package app.ponte.notification;

import app.ponte.security.UserId;
import java.util.List;
import java.util.Objects;

/**
 * A notification to send.
 *
 * @param recipient who is told
 * @param kind what it is about
 * @param route the view that opens when it is clicked, e.g. {@code "leads/42"}
 * @param textKey message key, rendered in the recipient's language with {@code args}
 * @param args message arguments (plain text: names, titles)
 * @param onceKey optional; a second notification to the same recipient with the same key is dropped
 */
public record NewNotification(UserId recipient, NotificationKind kind, String route, String textKey,
        List<String> args, String onceKey) {

    public NewNotification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(textKey, "textKey");
        args = args == null ? List.of() : List.copyOf(args);
    }

    public NewNotification(UserId recipient, NotificationKind kind, String route, String textKey, List<String> args) {
        this(recipient, kind, route, textKey, args, null);
    }
}
