package app.ponte.lead.ui;

import app.ponte.base.ui.HeaderWidget;
import app.ponte.lead.LeadService;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import com.vaadin.flow.component.Component;
import java.util.stream.Stream;
import org.springframework.core.annotation.Order;

/**
 * Puts the lead search into the header (before the bell) of everyone who may list leads; the
 * shell knows only {@link HeaderWidget}, so it depends on no feature.
 */
@org.springframework.stereotype.Component
@Order(5)
class LeadSearchWidget implements HeaderWidget {

    private final LeadService leads;
    private final CurrentUser currentUser;

    LeadSearchWidget(LeadService leads, CurrentUser currentUser) {
        this.leads = leads;
        this.currentUser = currentUser;
    }

    @Override
    public Component create() {
        // the same roles as LeadService's read guard: anyone else would only be refused
        boolean mayList = Stream.of(Role.MARKETING, Role.SALES, Role.MANAGER, Role.ADMIN).anyMatch(currentUser::has);
        return mayList ? new HeaderSearch(leads) : null;
    }
}
