package app.ponte.notification;

import app.ponte.live.LiveEvents;
import app.ponte.live.Topic;
import app.ponte.notification.repository.NotificationEntity;
import app.ponte.notification.repository.NotificationRepository;
import app.ponte.security.UserId;
import app.ponte.security.UserService;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications: stored (a user who was offline sees them at the next sign-in) and announced live
 * to every tab of the recipient, on every node, once the sending transaction commits.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class NotificationService {

    /** Signals carry the recipient's user id. */
    public static final Topic TOPIC = new Topic("notifications");
    /** The bell lists this many. */
    public static final int LATEST = 100;
    private static final String SEPARATOR = "\u001f";

    private final NotificationRepository notifications;
    private final UserService users;
    private final LiveEvents live;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, UserService users, LiveEvents live, Clock clock) {
        this.notifications = notifications;
        this.users = users;
        this.live = live;
        this.clock = clock;
    }

    /**
     * Sends a notification as part of the caller's transaction (a rollback sends nothing). One with
     * an {@code onceKey} the recipient already has is dropped.
     *
     * @return whether it was stored (false: dropped as a repeat of its once-key)
     */
    @Transactional
    public boolean send(NewNotification notification) {
        long recipient = notification.recipient().value();
        if (notification.onceKey() != null
                && notifications.existsByRecipientIdAndOnceKey(recipient, notification.onceKey())) {
            return false;
        }
        String args = notification.args().isEmpty() ? null : String.join(SEPARATOR, notification.args());
        notifications.save(new NotificationEntity(recipient, notification.kind(), notification.route(),
                notification.textKey(), args, notification.onceKey(), clock.instant()));
        live.publish(TOPIC, recipient);
        return true;
    }

    /** Sends the same notification to several people. */
    @Transactional
    public void send(Collection<UserId> recipients, NotificationKind kind, String route, String textKey,
            List<String> args, String onceKey) {
        recipients.stream().distinct()
                .forEach(r -> send(new NewNotification(r, kind, route, textKey, args, onceKey)));
    }

    /** The signed-in user's unread count. */
    public long unreadCount() {
        return notifications.countByRecipientIdAndReadAtIsNull(users.currentUserId().value());
    }

    /** The signed-in user's latest notifications, newest first. */
    public List<NotificationEntry> latest() {
        return notifications.findByRecipientIdOrderByCreatedAtDescIdDesc(users.currentUserId().value(),
                Limit.of(LATEST)).stream().map(NotificationService::entry).toList();
    }

    /** Marks one of the signed-in user's notifications read (someone else's is left alone). */
    @Transactional
    public void markRead(long id) {
        long me = users.currentUserId().value();
        notifications.findById(id).filter(n -> n.getRecipientId() == me && n.getReadAt() == null)
                .ifPresent(n -> {
                    n.setReadAt(clock.instant());
                    live.publish(TOPIC, me);
                });
    }

    @Transactional
    public void markAllRead() {
        long me = users.currentUserId().value();
        if (notifications.markAllRead(me, clock.instant()) > 0) {
            live.publish(TOPIC, me);
        }
    }

    private static NotificationEntry entry(NotificationEntity n) {
        List<String> args = n.getTextArgs() == null ? List.of() : Arrays.asList(n.getTextArgs().split(SEPARATOR, -1));
        return new NotificationEntry(n.getId(), n.getKind(), n.getRoute(), n.getTextKey(), args, n.getCreatedAt(),
                n.getReadAt() != null);
    }
}
