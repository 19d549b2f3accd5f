package app.ponte.interaction.ui;

import app.ponte.base.ui.NavigationBadge;
import app.ponte.interaction.InteractionService;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** The number of overdue next steps beside "My agenda" in the navigation. */
@Component
class AgendaBadge implements NavigationBadge {

    private final InteractionService interactions;
    private final CurrentUser currentUser;

    AgendaBadge(InteractionService interactions, CurrentUser currentUser) {
        this.interactions = interactions;
        this.currentUser = currentUser;
    }

    /** As MenuConfiguration reports the route: with a leading slash. */
    @Override
    public String path() {
        return "/" + AgendaView.ROUTE;
    }

    /** Only people with an agenda have a count; asking the service for anyone else would be refused. */
    @Override
    public OptionalLong count() {
        if (Stream.of(Role.MARKETING, Role.SALES, Role.MANAGER).noneMatch(currentUser::has)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(interactions.myOverdueCount());
    }
}
