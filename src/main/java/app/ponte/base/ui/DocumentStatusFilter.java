package app.ponte.base.ui;

import com.vaadin.flow.router.internal.NavigationRouteTarget;
import com.vaadin.flow.server.RouteRegistry;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The HTTP status of a page address. Vaadin serves the same {@code index.html} with 200 for every
 * address and shows the view (or the not-found or access-denied view) in a later request, so a
 * browser, a link checker or a crawler would never learn that {@code /stats} does not exist. This
 * filter, behind Spring Security, resolves a signed-in user's page request against the route
 * registry first: an unknown address answers 404, a view the user's roles may not open 403, a view
 * whose record is missing ({@link RecordCheck}) 404 — always with the app's page as the body, which
 * then shows the matching view inside the shell. Anonymous requests never get here (sign-in first).
 */
@Component
class DocumentStatusFilter extends OncePerRequestFilter {

    private final AccessAnnotationChecker access = new AccessAnnotationChecker();
    private final ObjectProvider<RecordCheck> checks;

    DocumentStatusFilter(ObjectProvider<RecordCheck> checks) {
        this.checks = checks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isPageRequest(request) && request.getUserPrincipal() != null) {
            int status = status(ApplicationRouteRegistry.getInstance(new VaadinServletContext(
                    request.getServletContext())), request);
            if (status != HttpServletResponse.SC_OK) {
                response.setStatus(status);
            }
        }
        chain.doFilter(request, response);
    }

    /** A browser asking for a page: not Vaadin's own traffic, not a file, not the API. */
    static boolean isPageRequest(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getParameter("v-r") != null) {
            return false;
        }
        String path = path(request);
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".") && !path.startsWith("api/") && !path.startsWith("VAADIN/")
                && !path.startsWith("HEARTBEAT") && !path.startsWith("frontend/");
    }

    /** The status the page at this request's address should answer with for its (signed-in) user. */
    int status(RouteRegistry registry, HttpServletRequest request) {
        NavigationRouteTarget target = registry.getNavigationRouteTarget(path(request));
        if (target == null || !target.hasTarget()) {
            return HttpServletResponse.SC_NOT_FOUND;
        }
        var view = target.getRouteTarget().getTarget();
        if (!access.hasAccess(view, request)) {
            return HttpServletResponse.SC_FORBIDDEN;
        }
        List<RecordCheck> forView = checks.stream().filter(c -> c.view().equals(view)).toList();
        for (RecordCheck check : forView) {
            if (!check.exists(target.getRouteParameters())) {
                return HttpServletResponse.SC_NOT_FOUND;
            }
        }
        return HttpServletResponse.SC_OK;
    }

    private static String path(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path;
    }
}
