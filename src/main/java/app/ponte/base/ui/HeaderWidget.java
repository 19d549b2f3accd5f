package app.ponte.base.ui;

import com.vaadin.flow.component.Component;

/**
 * Something a feature shows in the header beside the user menu (e.g. the notification bell),
 * contributed as a Spring bean so the shell depends on no feature.
 */
public interface HeaderWidget {

    /** A new component for one browser tab, or null when the signed-in user has none. */
    Component create();
}
