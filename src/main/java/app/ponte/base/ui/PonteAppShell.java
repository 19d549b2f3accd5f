package app.ponte.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;

/** Vaadin 25 applies no theme by itself: Lumo and the app's own styles are loaded here. */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/ponte.css")
@StyleSheet("styles/layout.css")
@PWA(name = "Ponte", shortName = "Ponte")
public class PonteAppShell implements AppShellConfigurator {
}
