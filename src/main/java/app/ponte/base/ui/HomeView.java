package app.ponte.base.ui;

import app.ponte.base.DisplayNamed;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The landing page after sign-in: who you are, then the person's day as the features contribute it
 * ({@link HomeCard}): a manager's team figures, a salesperson's numbers, inbox and agenda, a marketer's
 * leads and handoffs, an administrator's data, the surveys waiting for an answer.
 */
@Route(value = "", layout = MainLayout.class)
@Menu(order = 0, title = "nav.home", icon = "vaadin:home")
@PermitAll
class HomeView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    private final org.springframework.beans.factory.ObjectProvider<HomeCard> cards;
    private final com.vaadin.flow.component.html.Div extra = new com.vaadin.flow.component.html.Div();


    HomeView(AuthenticationContext authenticationContext,
            org.springframework.beans.factory.ObjectProvider<HomeCard> cards) {
        this.cards = cards;
        setId("home-view");
        String name = authenticationContext.getAuthenticatedUser(Object.class)
                .filter(DisplayNamed.class::isInstance)
                .map(p -> ((DisplayNamed) p).displayName())
                .orElseGet(() -> authenticationContext.getPrincipalName().orElse(""));
        var title = new H2(getTranslation("home.welcome", name));
        title.setId("home-welcome");
        add(title, new Paragraph(getTranslation("home.intro")));

        var roles = new HorizontalLayout();
        roles.setId("home-roles");
        roles.add(new Span(getTranslation("home.your-roles")));
        authenticationContext.getGrantedRoles().stream().sorted().forEach(role -> {
            var badge = new Span(getTranslation("role." + role));
            badge.getElement().getThemeList().add("badge");
            roles.add(badge);
        });
        add(roles);

        extra.setId("home-cards");
        extra.addClassName("ponte-home-cards");
        add(extra);
    }

    /** Each entry builds the person's cards, also "Home" in the menu while at home (the view is reused, decision 037). */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        extra.removeAll();
        cards.orderedStream().forEach(card -> card.create().ifPresent(extra::add));
        extra.setVisible(extra.getComponentCount() > 0);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("nav.home");
    }
}
