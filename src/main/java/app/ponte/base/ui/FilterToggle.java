package app.ponte.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * The "Filters" button of a list: on a phone the filter fields would fill the whole first screen,
 * so {@code layout.css} hides the bar (class {@code ponte-filters}) below the breakpoint until this
 * button opens it, and hides the button itself on wider screens, where the bar always shows. A badge
 * on the button counts the filters in use, so a closed bar does not hide that the list is filtered.
 */
public class FilterToggle extends Button {

    static final String BAR = "ponte-filters";
    static final String OPEN = "ponte-filters-open";

    private final Span count = new Span();
    private final Component bar;

    public FilterToggle(String id, Component bar) {
        this.bar = bar;
        setId(id);
        addClassName("ponte-filters-toggle");
        setText(getTranslation("filters.toggle"));
        setIcon(VaadinIcon.FILTER.create());
        count.setId(id + "-count");
        count.getElement().getThemeList().add("badge primary pill small");
        setSuffixComponent(count);
        bar.addClassName(BAR);
        addClickListener(e -> bar.getClassNames().set(OPEN, !isOpen()));
        showCount(0);
    }

    /** Shows how many filters are in use; none shows no badge. */
    public void showCount(int filters) {
        count.setText(Integer.toString(filters));
        count.setVisible(filters > 0);
        count.getElement().setAttribute("aria-label", getTranslation("filters.in-use", filters));
    }

    /** The badge's number, empty when none is shown. */
    public String count() {
        return count.isVisible() ? count.getText() : "";
    }

    /** Whether the bar is open (it always shows on wide screens, whatever this says). */
    public boolean isOpen() {
        return bar.getClassNames().contains(OPEN);
    }
}
