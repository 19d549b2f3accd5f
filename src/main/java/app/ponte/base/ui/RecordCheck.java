package app.ponte.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;

/**
 * Tells, before the page is served, whether the record a view's URL names exists (e.g. lead 999999),
 * so that the address answers 404 to the browser and not only inside the app. A feature declares one
 * Spring bean per view with a record id in its route; the view still reroutes to the not-found page
 * itself.
 */
public interface RecordCheck {

    /** The view whose route parameters name the record. */
    Class<? extends Component> view();

    /** Whether the record exists (for the signed-in user). */
    boolean exists(RouteParameters parameters);
}
