package app.ponte.base.ui;

import app.ponte.base.DisplayNamed;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The application shell every signed-in view lives in: a side navigation holding only the views
 * the user's roles may open (read from each view's {@code @Menu} and access annotations), and a
 * header with the user's name, profile and sign-out.
 */
@PermitAll
// the side navigation's web components, which no Flow component of the shell imports any more
@NpmPackage(value = "@vaadin/side-nav", version = "25.2.4")
@JsModule("@vaadin/side-nav/src/vaadin-side-nav.js")
@JsModule("@vaadin/side-nav/src/vaadin-side-nav-item.js")
@JsModule("@vaadin/icon/src/vaadin-icon.js")
@JsModule("@vaadin/icons/vaadin-iconset.js")
public class MainLayout extends AppLayout {

    /** Route of the profile view; named here so the shell does not depend on the users feature. */
    static final String PROFILE_ROUTE = "profile";

    private final AuthenticationContext authenticationContext;
    private final java.util.List<NavigationBadge> badges;

    public MainLayout(AuthenticationContext authenticationContext,
            org.springframework.beans.factory.ObjectProvider<NavigationBadge> badges,
            org.springframework.beans.factory.ObjectProvider<HeaderWidget> widgets) {
        this.authenticationContext = authenticationContext;
        this.badges = badges.orderedStream().toList();
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), new Scroller(navigation()));
        addToNavbar(new DrawerToggle(), spacer());
        widgets.orderedStream().map(HeaderWidget::create).filter(java.util.Objects::nonNull)
                .forEach(this::addToNavbar);
        addToNavbar(userMenu());
        // success messages of every view: fixed at the window's bottom by ponte.css, wherever it sits
        addToNavbar(new StatusMessage());
    }

    private Div brand() {
        var name = new Span(getTranslation("app.name"));
        name.addClassName("ponte-brand-name");
        var tagline = new Span(getTranslation("app.tagline"));
        tagline.addClassName("ponte-brand-tagline");
        var brand = new Div(name, tagline);
        brand.addClassName("ponte-brand");
        return brand;
    }

    /**
     * The side navigation as HTML (a {@link Frozen} tree): the same {@code vaadin-side-nav} and items as
     * Flow's {@code SideNav} writes, without one server-side element per item, icon and badge (about 30
     * elements that every open tab kept for as long as it was open). The items' links are in-app links,
     * which Flow's router follows; the item of the current view marks itself.
     */
    private Component navigation() {
        var nav = new org.jsoup.nodes.Element("vaadin-side-nav").attr("id", "main-navigation");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            var item = nav.appendElement("vaadin-side-nav-item").attr("path", path);
            item.appendText(getTranslation(entry.title()));
            if (entry.icon() != null) {
                item.appendElement("vaadin-icon").attr("icon", entry.icon()).attr("slot", "prefix");
            }
            for (NavigationBadge badge : badges) {
                if (badge.path().equals(entry.path())) {
                    badge.count().ifPresent(count -> {
                        if (count > 0) {
                            item.appendElement("span").attr("theme", "badge error pill small").attr("slot", "suffix")
                                    .attr("aria-label", getTranslation("nav.badge", count)).text(Long.toString(count));
                        }
                    });
                }
            }
        }
        return Frozen.of(nav);
    }

    private static Div spacer() {
        var spacer = new Div();
        spacer.getStyle().setFlexGrow("1");
        return spacer;
    }

    private HorizontalLayout userMenu() {
        String username = authenticationContext.getPrincipalName().orElse("");
        String displayName = authenticationContext.getAuthenticatedUser(Object.class)
                .filter(DisplayNamed.class::isInstance)
                .map(p -> ((DisplayNamed) p).displayName())
                .orElse(username);
        var avatar = new Avatar(displayName);
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_SMALL);
        var menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        var top = menu.addItem(new HorizontalLayout(avatar, new Span(displayName)));
        top.getSubMenu().addItem(getTranslation("nav.profile"),
                e -> getUI().ifPresent(ui -> ui.navigate(PROFILE_ROUTE)));
        top.getSubMenu().addItem(getTranslation("nav.logout"), e -> authenticationContext.logout());
        var layout = new HorizontalLayout(menu);
        layout.setAlignItems(FlexComponent.Alignment.CENTER);
        layout.addClassName("ponte-user-menu");
        return layout;
    }
}
