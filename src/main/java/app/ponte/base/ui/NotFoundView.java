package app.ponte.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown for an address the app does not know ({@code /stats}, {@code /leads/abc}) and for a
 * record that does not exist ({@code /leads/999999}, a view rerouting to {@link NotFoundException}):
 * inside the shell, with the way home. It replaces Vaadin's page, which lists every route in
 * development mode.
 */
@ParentLayout(MainLayout.class)
// navigation access control checks error views too; anonymous visitors are sent to sign in instead
@PermitAll
public class NotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    public NotFoundView() {
        show("not-found", "not-found.title", "not-found.text");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + title();
    }
}
