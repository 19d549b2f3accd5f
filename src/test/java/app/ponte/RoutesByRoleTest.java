package app.ponte;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.base.ui.AccessDeniedView;
import app.ponte.base.ui.NotFoundView;
import app.ponte.health.NewOneOnOne;
import app.ponte.health.OneOnOneService;
import app.ponte.health.Rhythm;
import app.ponte.health.SurveyFixtures;
import app.ponte.health.SurveyId;
import app.ponte.health.SurveyRunId;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.NewLead;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every route of the app (read from the route registry, so a new view is covered without touching
 * this test), opened by every role: a route the role may open shows its view — never the error
 * page, never an exception — and a route it may not open shows the access-denied page. Routes with
 * a record id are opened with a real id and with a missing one (not found, inside the shell).
 * Every account has at least one role (the user service refuses an account without), so there is
 * no role-less case.
 */
class RoutesByRoleTest extends KaribuTest {

    private static final long MISSING = 987_654_321L;
    /** Views that say "no such one-on-one / survey run" in their own page rather than on the not-found page. */

    @Autowired
    LeadService leads;
    @Autowired
    OneOnOneService oneOnOnes;
    @Autowired
    SurveyFixtures surveys;
    @Autowired
    Clock clock;

    static Stream<Arguments> roles() {
        return Stream.of(Arguments.of(EnumSet.of(Role.ADMIN)), Arguments.of(EnumSet.of(Role.MANAGER)),
                Arguments.of(EnumSet.of(Role.MARKETING)), Arguments.of(EnumSet.of(Role.SALES)),
                Arguments.of(EnumSet.of(Role.MARKETING, Role.SALES)), Arguments.of(EnumSet.of(Role.MANAGER, Role.ADMIN)));
    }

    @ParameterizedTest
    @MethodSource("roles")
    void every_route_opens_or_is_refused_but_never_fails(Set<Role> roles) {
        UserSummary me = testUsers.create("routes", roles.toArray(Role[]::new));
        UserSummary manager = roles.contains(Role.MANAGER) ? me : testUsers.create("routes-mgr", Role.MANAGER);
        UserSummary report = roles.contains(Role.MANAGER) ? testUsers.create("routes-rep", Role.SALES) : me;
        LeadId lead = SystemCaller.callAs(testUsers.create("routes-mkt", Role.MARKETING).username(),
                List.of(Role.MARKETING), () -> leads.create(new NewLead(TestUsers.uniqueName("Route lead"), null,
                        null, null, "WEBSITE", null, null, null)));
        SurveyId survey = surveys.survey(manager, TestUsers.uniqueName("Routes survey"), Role.values());
        SurveyRunId run = surveys.open(survey);
        long oneOnOne = SurveyFixtures.as(manager, () -> oneOnOnes.schedule(new NewOneOnOne(report.id(),
                clock.instant().plus(Duration.ofDays(2)), null, Rhythm.WEEKLY))).value();
        Map<String, Long> real = Map.of("leadId", lead.value(), "surveyId", survey.value(), "runId", run.value(),
                "id", oneOnOne);

        login(me.username(), roles.toArray(Role[]::new));
        Principal principal = SecurityContextHolder.getContext().getAuthentication();
        var access = new AccessAnnotationChecker();
        List<String> failures = new ArrayList<>();
        List<RouteData> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes();
        assertThat(routes).extracting(RouteData::getTemplate).contains("", "leads", "admin/users");
        for (RouteData route : routes) {
            Class<? extends Component> view = route.getNavigationTarget();
            boolean allowed = access.hasAccess(view, principal,
                    role -> roles.stream().anyMatch(r -> r.name().equals(role)));
            Set<String> parameters = route.getRouteParameters().keySet();
            for (String parameter : parameters) {
                assertThat(real).as("a real id for the route parameter '%s' of %s", parameter, route.getTemplate())
                        .containsKey(parameter);
            }
            Map<String, String> withReal = new LinkedHashMap<>();
            Map<String, String> withMissing = new LinkedHashMap<>();
            parameters.forEach(p -> {
                withReal.put(p, Long.toString(real.get(p)));
                withMissing.put(p, Long.toString(MISSING));
            });
            String url = RouteConfiguration.forApplicationScope().getUrl(view, new RouteParameters(withReal));
            check(failures, url, shown(url), allowed ? view : AccessDeniedView.class);
            if (!parameters.isEmpty()) {
                String missing = RouteConfiguration.forApplicationScope().getUrl(view, new RouteParameters(withMissing));
                Class<?> shown = shown(missing);
                // a missing record is the not-found page (a lead, a survey, a survey run, a one-on-one)
                check(failures, missing, shown, allowed ? NotFoundView.class : AccessDeniedView.class);
            }
        }
        assertThat(failures).as("routes that did not show what %s may see", roles).isEmpty();
    }

    private static void check(List<String> failures, String url, Class<?> shown, Class<?> expected) {
        // Spring proxies views with secured methods: the shown class may be a subclass of the route's
        if (shown == null || !expected.isAssignableFrom(shown)) {
            failures.add("/" + url + " showed " + (shown == null ? "nothing" : shown.getSimpleName()) + ", expected "
                    + expected.getSimpleName());
        }
    }

    /** The view shown after opening the address, or an exception's class when the navigation threw. */
    private static Class<?> shown(String url) {
        try {
            UI.getCurrent().navigate(url);
        } catch (RuntimeException e) {
            return e.getClass();
        }
        var chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        return chain.isEmpty() ? null : chain.getFirst().getClass();
    }
}
