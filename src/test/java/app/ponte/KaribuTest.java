package app.ponte;

import app.ponte.security.Role;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/** Server-side UI tests: a faked Vaadin environment over the shared Spring context. */
@PonteTest
public abstract class KaribuTest {

    private static final Routes ROUTES = discoverRoutes();

    /** Every view of the application, package-private ones included (also for the benchmarks' page loads). */
    public static Routes routes() {
        return ROUTES;
    }

    /**
     * Karibu's discovery skips package-private classes, and our views are package-private on
     * purpose (a feature's UI is reached through navigation, not through its classes).
     */
    @SuppressWarnings("unchecked")
    private static Routes discoverRoutes() {
        Routes routes = new Routes().autoDiscoverViews("app.ponte");
        try (ScanResult scan = new ClassGraph().enableClassInfo().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages("app.ponte").scan()) {
            scan.getClassesWithAnnotation(Route.class).loadClasses()
                    .forEach(c -> routes.getRoutes().add((Class<? extends Component>) c));
        }
        return routes;
    }

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected TestUsers testUsers;

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in as the given account with the given roles, as the login form would. */
    protected void login(String username, Role... roles) {
        signInMock(username, roles);
    }

    /**
     * Signs in as another account in a new UI, as a browser's sign-in loads a new page. A plain
     * {@link #login} in the same UI would keep the view shown to the previous account when the test
     * navigates to the same route (Vaadin reuses the shown instance, decision 037).
     */
    protected void loginInNewPage(String username, Role... roles) {
        Locale locale = UI.getCurrent().getLocale();
        MockVaadin.tearDown();
        setUpVaadin();
        UI.getCurrent().setLocale(locale);
        login(username, roles);
    }

    /** Signs the current mock Vaadin request and the security context in (for use outside a KaribuTest too). */
    public static void signInMock(String username, Role... roles) {
        List<SimpleGrantedAuthority> authorities = Arrays.stream(roles)
                .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var principal = new User(username, "", authorities);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((p, r) -> Arrays.stream(roles)
                .anyMatch(x -> x.name().equals(r) || x.authority().equals(r)));
    }

    protected void logout() {
        SecurityContextHolder.clearContext();
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(null);
        request.setUserInRole((p, r) -> false);
    }
}
