package app.ponte.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.security.Role;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * No stack trace, blank page or route list reaches a user: unknown addresses, missing records,
 * refusals and failures while a view loads or in a listener all end on a translated page inside
 * the shell, with the way home.
 */
class ErrorViewsTest extends KaribuTest {

    /** A view that fails where it is told to; registered for the session only, so no route list holds it. */
    public static class FailingView extends Div implements BeforeEnterObserver {

        static volatile String where = "constructor";
        static volatile Supplier<RuntimeException> failure = () -> new IllegalStateException("boom");

        public FailingView() {
            if (where.equals("constructor")) {
                throw failure.get();
            }
        }

        @Override
        public void beforeEnter(BeforeEnterEvent event) {
            if (where.equals("beforeEnter")) {
                throw failure.get();
            }
        }

        @Override
        protected void onAttach(AttachEvent attachEvent) {
            if (where.equals("attach")) {
                throw failure.get();
            }
        }
    }

    private ListAppender<ILoggingEvent> log;

    @BeforeEach
    void signInAndWatchTheLog() {
        login(testUsers.create("errors", Role.SALES).username(), Role.SALES);
        // as after signing in: the mock UI started on the sign-in page, the browser lands on home
        UI.getCurrent().navigate("");
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(ErrorView.class)).addAppender(log);
    }

    @AfterEach
    void stopWatching() {
        ((Logger) LoggerFactory.getLogger(ErrorView.class)).detachAppender(log);
    }

    private static void fail(String where, Supplier<RuntimeException> failure) {
        FailingView.where = where;
        FailingView.failure = failure;
        if (!RouteConfiguration.forSessionScope().isRouteRegistered(FailingView.class)) {
            RouteConfiguration.forSessionScope().setRoute("failing", FailingView.class, MainLayout.class);
        }
        UI.getCurrent().navigate("failing");
    }

    private static String title() {
        return _get(H2.class, spec -> spec.withId("error-title")).getText();
    }

    private static void assertInsideTheShellWithTheWayHome() {
        assertThat(Navigation.labels()).isNotEmpty();
        assertThat(_get(Anchor.class, spec -> spec.withId("error-home")).getHref()).isEmpty();
    }

    @Test
    void a_missing_or_malformed_lead_id_shows_not_found() {
        UI.getCurrent().navigate("leads/999999999");
        assertThat(_find(NotFoundView.class)).hasSize(1);
        UI.getCurrent().navigate("leads/abc");
        assertThat(_find(NotFoundView.class)).hasSize(1);
        assertInsideTheShellWithTheWayHome();
    }

    @Test
    void a_service_refusal_while_a_view_loads_shows_access_denied() {
        for (String where : new String[] {"constructor", "beforeEnter", "attach"}) {
            UI.getCurrent().navigate("");
            fail(where, () -> new AuthorizationDeniedException("Access Denied"));
            assertThat(_find(Component.class, spec -> spec.withId("access-denied"))).as(where).hasSize(1);
            assertThat(title()).as(where).isEqualTo("Access denied");
            assertThat(_find(Paragraph.class, spec -> spec.withId("error-reference"))).as(where)
                    .allMatch(p -> !p.isVisible());
        }
        assertInsideTheShellWithTheWayHome();
        assertThat(log.list).noneMatch(e -> e.getLevel() == Level.ERROR);
    }

    @Test
    void a_refusal_in_a_click_listener_shows_access_denied() {
        UI.getCurrent().navigate("");
        assertThat(VaadinSession.getCurrent().getErrorHandler()).isInstanceOf(UiErrorHandler.class);
        VaadinSession.getCurrent().getErrorHandler()
                .error(new ErrorEvent(new AuthorizationDeniedException("Access Denied")));
        assertThat(_find(Component.class, spec -> spec.withId("access-denied"))).hasSize(1);
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(new NullPointerException("oops")));
        assertThat(_find(Component.class, spec -> spec.withId("error"))).hasSize(1);
        assertInsideTheShellWithTheWayHome();
    }
}
