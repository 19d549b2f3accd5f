package app.ponte.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Frozen HTML: one server-side element, its root's attributes, everything inside as ASCII HTML. */
class FrozenTest {

    @Test
    void a_jsoup_tree_becomes_one_element_with_its_inner_html_in_ascii() {
        var table = new Element("table").attr("id", "t").addClass("ponte-stats-table");
        var row = table.appendElement("tbody").appendElement("tr");
        row.appendElement("th").attr("scope", "row").text("Città <A&B>");
        row.appendElement("td").appendElement("span").attr("data-value", "\"x\"").text("–");

        var frozen = Frozen.of(table).getElement();

        assertThat(frozen.getTag()).isEqualTo("table");
        assertThat(frozen.getAttribute("id")).isEqualTo("t");
        assertThat(frozen.getClassList()).containsExactly("ponte-stats-table");
        assertThat(frozen.getChildCount()).as("no server-side element per cell").isZero();
        String inner = Frozen.html(frozen).orElseThrow();
        assertThat(inner.chars()).as("ASCII, so the string is one byte a character").allMatch(c -> c < 128);
        assertThat(inner).startsWith("<tbody><tr><th scope=\"row\">").doesNotContain("\n");
        var parsed = org.jsoup.Jsoup.parseBodyFragment("<table>" + inner + "</table>").body();
        assertThat(parsed.selectFirst("th").text()).isEqualTo("Città <A&B>");
        assertThat(parsed.selectFirst("span").attr("data-value")).isEqualTo("\"x\"");
        assertThat(parsed.selectFirst("span").text()).isEqualTo("–");
    }

    @Test
    void the_html_is_sent_on_each_attach_and_not_kept_as_a_property() {
        var table = new Element("table");
        table.appendElement("tbody").appendElement("tr").appendElement("td").text("42");
        var frozen = Frozen.of(table);
        assertThat(frozen.getElement().getProperty("innerHTML")).isNull();

        com.github.mvysny.kaributesting.v10.MockVaadin.setup();
        try {
            attachTwice(frozen);
        } finally {
            com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
        }
    }

    private static void attachTwice(com.vaadin.flow.component.Component frozen) {
        var ui = com.vaadin.flow.component.UI.getCurrent();
        sent(ui);
        ui.add(frozen);
        assertThat(sent(ui)).containsExactly("<tbody><tr><td>42</td></tr></tbody>");

        ui.remove(frozen);
        ui.add(frozen);
        assertThat(sent(ui)).as("attached again (as a resynchronized tab is): sent again")
                .containsExactly("<tbody><tr><td>42</td></tr></tbody>");
    }

    /** The HTML the next response to the browser carries (Flow adds element calls just before it). */
    private static java.util.List<String> sent(com.vaadin.flow.component.UI ui) {
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return ui.getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(i -> i.getInvocation().getExpression().contains("innerHTML"))
                .map(i -> i.getInvocation().getParameters().getFirst().toString())
                .toList();
    }
}
