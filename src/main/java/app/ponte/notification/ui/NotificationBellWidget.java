package app.ponte.notification.ui;

import app.ponte.base.PonteProperties;
import app.ponte.base.ui.HeaderWidget;
import app.ponte.live.LiveUpdates;
import app.ponte.notification.NotificationService;
import app.ponte.security.CurrentUser;
import app.ponte.security.UserService;
import com.vaadin.flow.component.Component;
import org.springframework.core.annotation.Order;

/** Puts the bell into the header of every signed-in user. */
@org.springframework.stereotype.Component
@Order(10)
class NotificationBellWidget implements HeaderWidget {

    private final NotificationService notifications;
    private final LiveUpdates live;
    private final UserService users;
    private final CurrentUser currentUser;
    private final PonteProperties properties;

    NotificationBellWidget(NotificationService notifications, LiveUpdates live, UserService users,
            CurrentUser currentUser, PonteProperties properties) {
        this.notifications = notifications;
        this.live = live;
        this.users = users;
        this.currentUser = currentUser;
        this.properties = properties;
    }

    @Override
    public Component create() {
        if (currentUser.username().isEmpty()) {
            return null;
        }
        return new NotificationBell(notifications, live, users.currentUserId().value(), properties);
    }
}
