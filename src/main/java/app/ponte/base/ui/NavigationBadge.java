package app.ponte.base.ui;

import java.util.OptionalLong;

/**
 * A count shown beside a navigation item (e.g. overdue next steps beside "Agenda"), contributed by
 * a feature as a Spring bean so the shell depends on no feature.
 */
public interface NavigationBadge {

    /** The route path of the navigation item, as in its {@code @Route}. */
    String path();

    /** The count for the signed-in user; empty or zero shows no badge. */
    OptionalLong count();
}
