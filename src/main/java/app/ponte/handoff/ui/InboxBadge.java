package app.ponte.handoff.ui;

import app.ponte.base.ui.NavigationBadge;
import app.ponte.handoff.HandoffService;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** The number of pending handoffs addressed to me beside "Sales inbox" in the navigation. */
@Component
class InboxBadge implements NavigationBadge {

    private final HandoffService handoffs;
    private final CurrentUser currentUser;

    InboxBadge(HandoffService handoffs, CurrentUser currentUser) {
        this.handoffs = handoffs;
        this.currentUser = currentUser;
    }

    @Override
    public String path() {
        return "/" + InboxView.ROUTE;
    }

    @Override
    public OptionalLong count() {
        if (!currentUser.has(Role.SALES) && !currentUser.has(Role.MANAGER)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(handoffs.myPendingCount());
    }
}
