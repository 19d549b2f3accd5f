package app.ponte.notification;

import java.time.Instant;
import java.util.List;

/** A notification as the bell lists it. */
public record NotificationEntry(long id, NotificationKind kind, String route, String textKey, List<String> args,
        Instant createdAt, boolean read) {
}
