package app.ponte.stats.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A figure's markup has one definition: the frozen (jsoup) figure; the live component copies it. */
class FigureTest {

    private static final Locale IT = Locale.ITALIAN;
    private static final Currency EUR = Currency.getInstance("EUR");

    /** The element as the browser gets it, reparsed, so that both are compared as HTML. */
    private static org.jsoup.nodes.Element parsed(String html) {
        return Jsoup.parseBodyFragment(html).body().child(0);
    }

    private static void sameMarkup(com.vaadin.flow.component.Component live, org.jsoup.nodes.Element frozen) {
        var a = parsed(live.getElement().getOuterHTML());
        var b = parsed(frozen.outerHtml());
        assertThat(a.tagName()).isEqualTo(b.tagName());
        assertThat(a.attributes().asList()).containsExactlyInAnyOrderElementsOf(b.attributes().asList());
        // the whole text: a money figure's no-break space must stay one
        assertThat(a.wholeText()).isEqualTo(b.wholeText());
    }

    @Test
    void a_live_figure_has_the_markup_of_a_frozen_one() {
        sameMarkup(Figure.count("funnel.cohort", 1234, IT, "leads?cohort=1"),
                Figure.Html.count("funnel.cohort", 1234, IT, "leads?cohort=1"));
        sameMarkup(Figure.ratio("funnel.leadToCustomer", 0.04166, IT),
                Figure.Html.ratio("funnel.leadToCustomer", 0.04166, IT));
        sameMarkup(Figure.days("x.medianDays", null, IT), Figure.Html.days("x.medianDays", null, IT));
        sameMarkup(Figure.money("channels.A.spend", new BigDecimal("45000.00"), IT, EUR),
                Figure.Html.money("channels.A.spend", new BigDecimal("45000.00"), IT, EUR));
    }

    @Test
    void a_frozen_figure_names_its_api_path_and_unrounded_value_and_links_its_records() {
        var link = Figure.Html.count("funnel.steps.MQL.reached", 1500, IT, "leads?reached=MQL&a=1");
        assertThat(link.outerHtml()).isEqualTo("<a href=\"leads?reached=MQL&amp;a=1\" data-metric="
                + "\"funnel.steps.MQL.reached\" data-value=\"1500\" class=\"ponte-figure\">1.500</a>");
        var ratio = Figure.Html.ratio("funnel.leadToCustomer", 0.4166666666666667, Locale.ENGLISH);
        assertThat(ratio.outerHtml()).isEqualTo("<span data-metric=\"funnel.leadToCustomer\" "
                + "data-value=\"0.4166666666666667\" class=\"ponte-figure\">42%</span>");
        var none = Figure.Html.decimal("reps.a.avgOutcome", null, Locale.ENGLISH);
        assertThat(none.attr("data-value")).isEqualTo("null");
        assertThat(none.text()).isEqualTo("–");
    }
}
