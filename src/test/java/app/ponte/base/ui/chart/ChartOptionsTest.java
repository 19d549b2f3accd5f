package app.ponte.base.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each kind of chart becomes the ECharts option it promises, written by Jackson (so any text is safe). */
class ChartOptionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode option(ChartData data) {
        return JSON.readTree(ChartOptions.json(data, "A \"quoted\" chart\n<b>"));
    }

    @Test
    void bars_lines_and_stacks_keep_every_value_and_gap_on_its_axis() {
        var data = new ChartData.Categories(ChartData.Categories.Kind.STACKED_BAR, List.of("Jan", "Feb"),
                List.of(new ChartData.Series("Won", List.of(3, 4)),
                        new ChartData.Series("Lost \"badly\"", Arrays.asList(1.5, null), 1)),
                List.of(ChartData.ValueAxis.AUTO, new ChartData.ValueAxis("Rate", 0.0, 1.0)));
        JsonNode o = option(data);
        assertThat(o.at("/aria/label/description").asString()).isEqualTo("A \"quoted\" chart\n<b>");
        assertThat(o.at("/xAxis/data").toString()).isEqualTo("[\"Jan\",\"Feb\"]");
        assertThat(o.at("/series/0/type").asString()).isEqualTo("bar");
        assertThat(o.at("/series/0/stack").asString()).isEqualTo("total");
        assertThat(o.at("/series/1/name").asString()).isEqualTo("Lost \"badly\"");
        assertThat(o.at("/series/1/data").toString()).isEqualTo("[1.5,null]");
        assertThat(o.at("/series/1/yAxisIndex").asInt()).isEqualTo(1);
        assertThat(o.at("/yAxis/1/max").asDouble()).isEqualTo(1.0);
        assertThat(o.at("/color/0").asString()).isEqualTo("#0072B2");

        JsonNode line = option(new ChartData.Categories(ChartData.Categories.Kind.LINE, List.of("a"),
                List.of(new ChartData.Series("x", List.of(new BigDecimal("12.50"))))));
        assertThat(line.at("/series/0/type").asString()).isEqualTo("line");
        assertThat(line.at("/series/0/stack").isMissingNode()).isTrue();
        assertThat(line.at("/series/0/data/0").decimalValue()).isEqualByComparingTo("12.5");
    }

    @Test
    void funnel_doughnut_sankey_and_heatmap() {
        JsonNode funnel = option(new ChartData.Slices(ChartData.Slices.Kind.FUNNEL,
                List.of(new ChartData.Slice("Leads", 100), new ChartData.Slice("MQL", 40))));
        assertThat(funnel.at("/series/0/type").asString()).isEqualTo("funnel");
        assertThat(funnel.at("/series/0/sort").asString()).isEqualTo("none");
        assertThat(funnel.at("/series/0/data/1/value").asLong()).isEqualTo(40);

        JsonNode doughnut = option(new ChartData.Slices(ChartData.Slices.Kind.DOUGHNUT,
                List.of(new ChartData.Slice("Once", 7), new ChartData.Slice("Again", 3))));
        assertThat(doughnut.at("/series/0/type").asString()).isEqualTo("pie");
        assertThat(doughnut.at("/series/0/radius/0").asString()).isEqualTo("45%");

        JsonNode sankey = option(new ChartData.Flow(List.of("Awareness", "Consideration", "Lost"),
                List.of(new ChartData.Link("Awareness", "Consideration", 60),
                        new ChartData.Link("Awareness", "Lost", 40))));
        assertThat(sankey.at("/series/0/type").asString()).isEqualTo("sankey");
        assertThat(sankey.at("/series/0/data/2/name").asString()).isEqualTo("Lost");
        assertThat(sankey.at("/series/0/links/1/value").asLong()).isEqualTo(40);

        JsonNode heat = option(new ChartData.Grid(List.of("M0", "M1"), List.of("Jan"),
                List.of(new ChartData.Cell(0, 0, 10), new ChartData.Cell(1, 0, 4))));
        assertThat(heat.at("/series/0/type").asString()).isEqualTo("heatmap");
        assertThat(heat.at("/series/0/data/1").toString()).isEqualTo("[1,0,4]");
        assertThat(heat.at("/visualMap/max").asDouble()).isEqualTo(10.0);
    }

    @Test
    void data_that_cannot_be_drawn_is_refused_where_it_is_made() {
        assertThatThrownBy(() -> new ChartData.Categories(ChartData.Categories.Kind.BAR, List.of("a", "b"),
                List.of(new ChartData.Series("x", List.of(1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2 categories");
        assertThatThrownBy(() -> new ChartData.Categories(ChartData.Categories.Kind.BAR, List.of("a"),
                List.of(new ChartData.Series("x", List.of(1), 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("axis 1");
        assertThatThrownBy(() -> new ChartData.Flow(List.of("a"), List.of(new ChartData.Link("a", "b", 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChartData.Grid(List.of("a"), List.of("r"), List.of(new ChartData.Cell(1, 0, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
