package app.ponte.base.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown instead of a view the user's roles may not open (a typed or bookmarked URL): the page
 * says so plainly and offers the way home, and the view itself is never built. A service that
 * refuses a read while a view loads ends on the same page through {@link ErrorView}.
 */
@ParentLayout(MainLayout.class)
// navigation access control checks error views too; anonymous visitors are sent to sign in instead
@PermitAll
public class AccessDeniedView extends ErrorPage implements HasErrorParameter<AccessDeniedException>, HasDynamicTitle {

    public AccessDeniedView() {
        show("access-denied", "access-denied.title", "access-denied.text");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + title();
    }
}
