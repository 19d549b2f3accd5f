package app.ponte.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A card on the home page (e.g. the surveys waiting for the user's answer), contributed by a
 * feature as a Spring bean so the home page depends on no feature.
 */
public interface HomeCard {

    /** The card for the signed-in user, or empty when there is nothing to show. */
    Optional<Component> create();
}
