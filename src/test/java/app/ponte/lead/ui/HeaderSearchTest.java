package app.ponte.lead.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.NewLead;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.KeyDownEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HeaderSearchTest extends KaribuTest {

    @Autowired
    LeadService leads;

    private static TextField field() {
        return _get(TextField.class, spec -> spec.withId("lead-search-field"));
    }

    private static void press(TextField field, String key) {
        ComponentUtil.fireEvent(field, new KeyDownEvent(field, key));
    }

    @Test
    void typing_shows_matching_leads_with_status_and_enter_opens_the_chosen_one() {
        UserSummary marketer = testUsers.create("hs-mkt", Role.MARKETING);
        login(marketer.username(), Role.MARKETING);
        String word = "Hsearch" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        LeadId first = leads.create(new NewLead("Anna " + word, "Verdi Srl", null, null, "SEO", Intent.INFORMATIONAL,
                null, null));
        LeadId second = leads.create(new NewLead("Bruno " + word, "Neri Spa", null, null, "SEO", Intent.INFORMATIONAL,
                null, null));
        UI.getCurrent().navigate("");

        TextField field = field();
        field.setValue(word.toLowerCase());

        HeaderSearch search = _get(HeaderSearch.class);
        assertThat(search.shownNames()).containsExactly("Anna " + word, "Bruno " + word);
        var row = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("lead-search-result-" + second.value()));
        assertThat(_get(row, Span.class, spec -> spec.withClasses("ponte-search-company")).getText()).isEqualTo("Neri Spa");
        assertThat(_get(row, Span.class, spec -> spec.withClasses("ponte-search-status")).getText()).isEqualTo("New");
        assertThat(_get(Anchor.class, spec -> spec.withId("lead-search-all")).getHref())
                .isEqualTo("leads?q=" + word.toLowerCase());

        press(field, "ArrowDown");
        press(field, "Enter");

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("leads/" + second.value());
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void a_term_without_match_says_so_and_enter_stays() {
        UserSummary seller = testUsers.create("hs-sales", Role.SALES);
        login(seller.username(), Role.SALES);
        UI.getCurrent().navigate("");

        TextField field = field();
        field.setValue("no-such-lead-anywhere-qqq");
        press(field, "Enter");

        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("lead-search-none")).getText())
                .contains("no-such-lead-anywhere-qqq");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEmpty();
    }
}
