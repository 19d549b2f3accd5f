package app.ponte.lead.ui;

import app.ponte.lead.LeadFilter;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.LeadSummary;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * The lead search in the header: results as one types (debounced), from {@link LeadService#search}
 * so each user sees what the lead list shows them. Ctrl+K (⌘K) or "/" opens and focuses it, the
 * arrow keys move through the results, Enter opens the chosen lead, Esc closes. On a narrow
 * screen only an icon shows; it opens the field over the whole header.
 */
class HeaderSearch extends Div implements AfterNavigationObserver {

    /** Results shown; the list behind "see all" holds the rest. */
    static final int SHOWN = 8;
    /** Quiet time after the last key before searching, so a fast typist costs one query, not one per key. */
    static final int DEBOUNCE_MILLIS = 200;

    private final LeadService leads;
    private final TextField field = new TextField();
    private final Button opener = new Button(new Icon(VaadinIcon.SEARCH));
    private final Popover popover = new Popover();
    private final Div results = new Div();
    private final List<Div> rows = new ArrayList<>();
    private List<LeadSummary> found = List.of();
    private int selected = -1;

    HeaderSearch(LeadService leads) {
        this.leads = leads;
        setId("lead-search");
        addClassName("ponte-search");

        opener.setId("lead-search-open");
        opener.addClassName("ponte-search-open");
        opener.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        opener.setAriaLabel(getTranslation("search.open"));
        opener.addClickListener(e -> expand());

        field.setId("lead-search-field");
        field.addClassName("ponte-search-field");
        field.setPlaceholder(getTranslation("search.placeholder"));
        field.setAriaLabel(getTranslation("search.label"));
        field.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(DEBOUNCE_MILLIS);
        field.getElement().setAttribute("autocomplete", "off");
        field.addValueChangeListener(e -> search(e.getValue()));
        field.addKeyDownListener(Key.ARROW_DOWN, e -> select(selected + 1));
        field.addKeyDownListener(Key.ARROW_UP, e -> select(selected - 1));
        field.addKeyDownListener(Key.ENTER, e -> openSelected());
        field.addKeyDownListener(Key.ESCAPE, e -> close());
        // an empty field that loses the focus folds back into the icon on a narrow screen
        field.addBlurListener(e -> {
            if (field.isEmpty()) {
                collapse();
            }
        });

        results.setId("lead-search-results");
        results.addClassName("ponte-search-results");
        results.getElement().setAttribute("role", "listbox");
        results.getElement().setAttribute("aria-label", getTranslation("search.results"));
        popover.setTarget(field);
        popover.setOpenOnClick(false);
        popover.setPosition(PopoverPosition.BOTTOM_START);
        popover.setWidth("min(30rem, calc(100vw - 1rem))");
        popover.addClassName("ponte-search-popover");
        popover.add(results);
        add(opener, field, popover);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // One document listener per page (replaced when the header is built again): Ctrl+K / ⌘K
        // everywhere — the browser's own Ctrl+K is taken over on purpose — and "/" when not typing.
        getElement().executeJs("""
                const host = this;
                if (window.__ponteSearchKeys) {
                  document.removeEventListener('keydown', window.__ponteSearchKeys);
                }
                window.__ponteSearchKeys = e => {
                  const typing = e.composedPath().some(n => n instanceof HTMLElement
                      && (n.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(n.tagName)));
                  const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'k' || e.key === 'K');
                  const slash = e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey;
                  if ((ctrlK || slash) && host.isConnected) {
                    e.preventDefault();
                    host.$server.openFromKeyboard();
                  }
                };
                document.addEventListener('keydown', window.__ponteSearchKeys);
                """);
    }

    @ClientCallable
    void openFromKeyboard() {
        expand();
        if (!found.isEmpty() || !field.isEmpty()) {
            popover.open();
        }
    }

    private void expand() {
        addClassName("open");
        field.focus();
    }

    private void collapse() {
        removeClassName("open");
    }

    /** Esc: the results close; an emptied field on a narrow screen folds back into the icon. */
    private void close() {
        popover.close();
        if (field.isEmpty()) {
            collapse();
        }
    }

    private void search(String text) {
        String term = text == null ? "" : text.strip();
        results.removeAll();
        rows.clear();
        selected = -1;
        if (term.isEmpty()) {
            found = List.of();
            popover.close();
            return;
        }
        found = leads.search(term, false, SHOWN);
        for (int i = 0; i < found.size(); i++) {
            Div row = row(found.get(i), i);
            rows.add(row);
            results.add(row);
        }
        if (found.isEmpty()) {
            var none = new Div(getTranslation("search.none", term));
            none.setId("lead-search-none");
            none.addClassName("ponte-search-none");
            results.add(none);
        }
        var all = new Anchor(LeadLinks.href(new LeadFilter(term, null, null, null, null, false, null, null)),
                getTranslation("search.see-all"));
        all.setId("lead-search-all");
        all.addClassName("ponte-search-all");
        results.add(all);
        select(found.isEmpty() ? -1 : 0);
        popover.open();
    }

    private Div row(LeadSummary lead, int index) {
        var name = new Span(lead.name());
        name.addClassName("ponte-search-name");
        var company = new Span(lead.company() == null ? "" : lead.company());
        company.addClassName("ponte-search-company");
        var status = new Span(getTranslation("status." + lead.status().name()));
        status.getElement().getThemeList().add("badge small " + theme(lead.status()));
        status.addClassName("ponte-search-status");
        var text = new Div(name, company);
        text.addClassName("ponte-search-text");
        var row = new Div(text, status);
        row.addClassName("ponte-search-row");
        row.setId("lead-search-result-" + lead.id().value());
        row.getElement().setAttribute("role", "option");
        row.addClickListener(e -> open(lead));
        return row;
    }

    private static String theme(LeadStatus status) {
        return switch (status) {
            case WON -> "success";
            case LOST -> "error";
            case OPPORTUNITY -> "";
            case NEW, MQL, SQL -> "contrast";
        };
    }

    private void select(int index) {
        if (found.isEmpty()) {
            return;
        }
        int next = Math.floorMod(index, found.size());
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).getElement().setAttribute("aria-selected", Boolean.toString(i == next));
            rows.get(i).setClassName("selected", i == next);
        }
        selected = next;
    }

    private void openSelected() {
        if (selected >= 0 && selected < found.size()) {
            open(found.get(selected));
        }
    }

    private void open(LeadSummary lead) {
        popover.close();
        getUI().ifPresent(ui -> ui.navigate("leads/" + lead.id().value()));
    }

    /** What the search shows now, for tests: the leads' names in order. */
    List<String> shownNames() {
        return found.stream().map(LeadSummary::name).toList();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        popover.close();
        field.clear();
        collapse();
    }
}
