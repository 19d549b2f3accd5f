package app.ponte.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * What every error view shows inside the application shell: a translated title and sentence,
 * an optional reference to quote to an administrator, and the way home. Never a stack trace.
 */
abstract class ErrorPage extends VerticalLayout {

    private final H2 title = new H2();
    private final Paragraph text = new Paragraph();
    private final Paragraph reference = new Paragraph();

    ErrorPage() {
        addClassName("ponte-error-page");
        title.setId("error-title");
        text.setId("error-text");
        reference.setId("error-reference");
        reference.setVisible(false);
        var home = new Anchor("", getTranslation("access-denied.home"));
        home.setId("error-home");
        add(title, text, reference, home);
    }

    /** Shows the page of this kind: its id ({@code not-found}, {@code access-denied}, {@code error}) and texts. */
    void show(String id, String titleKey, String textKey) {
        setId(id);
        title.setText(getTranslation(titleKey));
        text.setText(getTranslation(textKey));
        reference.setVisible(false);
    }

    void showReference(String id) {
        reference.setText(getTranslation("error.reference", id));
        reference.setVisible(true);
    }

    /** The shown page's title, for the browser tab. */
    String title() {
        return title.getText();
    }
}
