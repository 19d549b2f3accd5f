package app.ponte.base.ui.chart;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns {@link ChartData} into an ECharts option, written with Jackson. */
final class ChartOptions {

    /**
     * Okabe and Ito's palette, chosen to stay distinguishable with the common colour-vision
     * deficiencies; its yellow is left to the end because it is weak on white.
     */
    static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#000000", "#F0E442");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChartOptions() {
    }

    static String json(ChartData data, String description) {
        return JSON.writeValueAsString(option(data, description));
    }

    static ObjectNode option(ChartData data, String description) {
        ObjectNode option = JSON.createObjectNode();
        option.put("animation", false);
        PALETTE.forEach(option.putArray("color")::add);
        // ECharts' aria module describes the chart to screen readers; the table view has the data
        option.putObject("aria").put("enabled", true).putObject("label").put("description", description);
        switch (data) {
            case ChartData.Categories c -> categories(option, c);
            case ChartData.Slices s -> slices(option, s);
            case ChartData.Flow f -> flow(option, f);
            case ChartData.Grid g -> grid(option, g);
        }
        return option;
    }

    private static void categories(ObjectNode option, ChartData.Categories c) {
        option.putObject("tooltip").put("trigger", "axis");
        if (c.series().size() > 1) {
            option.putObject("legend").put("type", "scroll").put("bottom", 0);
        }
        option.putObject("grid").put("left", 8).put("right", 8).put("top", 24).put("bottom", c.series().size() > 1 ? 32 : 8)
                .put("containLabel", true);
        ObjectNode x = option.putObject("xAxis").put("type", "category");
        c.categories().forEach(x.putArray("data")::add);
        ArrayNode y = option.putArray("yAxis");
        for (ChartData.ValueAxis axis : c.axes()) {
            ObjectNode a = y.addObject().put("type", "value");
            if (axis.name() != null) {
                // a name centred over its axis is cut at the chart's edge: align it inwards
                a.put("name", axis.name()).putObject("nameTextStyle").put("align", y.size() == 1 ? "left" : "right");
            }
            if (axis.min() != null) {
                a.put("min", axis.min());
            }
            if (axis.max() != null) {
                a.put("max", axis.max());
            }
            if (y.size() > 1) {
                a.putObject("splitLine").put("show", false);
            }
        }
        ArrayNode series = option.putArray("series");
        for (ChartData.Series s : c.series()) {
            ObjectNode one = series.addObject()
                    .put("name", s.name())
                    .put("type", c.kind() == ChartData.Categories.Kind.LINE ? "line" : "bar")
                    .put("yAxisIndex", s.axis());
            if (c.kind() == ChartData.Categories.Kind.STACKED_BAR) {
                one.put("stack", "total");
            }
            if (c.kind() == ChartData.Categories.Kind.LINE) {
                one.put("connectNulls", false).put("showSymbol", true);
            }
            ArrayNode values = one.putArray("data");
            s.values().forEach(v -> number(values, v));
        }
    }

    private static void slices(ObjectNode option, ChartData.Slices s) {
        option.putObject("tooltip").put("trigger", "item");
        ObjectNode one = option.putArray("series").addObject();
        if (s.kind() == ChartData.Slices.Kind.FUNNEL) {
            one.put("type", "funnel").put("sort", "none").put("gap", 2).put("left", "10%").put("width", "80%")
                    .put("minSize", "8%");
            one.putObject("label").put("show", true).put("position", "inside");
        } else {
            one.put("type", "pie");
            one.putArray("radius").add("45%").add("70%");
            one.putObject("label").put("show", true);
            option.putObject("legend").put("type", "scroll").put("bottom", 0);
        }
        ArrayNode values = one.putArray("data");
        for (ChartData.Slice slice : s.slices()) {
            ObjectNode item = values.addObject().put("name", slice.name());
            put(item, "value", slice.value());
        }
    }

    private static void flow(ObjectNode option, ChartData.Flow f) {
        option.putObject("tooltip").put("trigger", "item");
        ObjectNode one = option.putArray("series").addObject().put("type", "sankey").put("nodeAlign", "left")
                .put("left", 8).put("right", 170).put("top", 8).put("bottom", 8); // room for the last column's labels
        one.putObject("emphasis").put("focus", "adjacency");
        one.putObject("lineStyle").put("color", "gradient").put("opacity", 0.4);
        one.putObject("label").put("show", true);
        ArrayNode nodes = one.putArray("data");
        f.nodes().forEach(n -> nodes.addObject().put("name", n));
        ArrayNode links = one.putArray("links");
        for (ChartData.Link l : f.links()) {
            ObjectNode link = links.addObject().put("source", l.source()).put("target", l.target());
            put(link, "value", l.value());
        }
    }

    private static void grid(ObjectNode option, ChartData.Grid g) {
        option.putObject("tooltip").put("position", "top");
        option.putObject("grid").put("left", 8).put("right", 8).put("top", 8).put("bottom", 48).put("containLabel", true);
        ObjectNode x = option.putObject("xAxis").put("type", "category");
        g.columns().forEach(x.putArray("data")::add);
        ObjectNode y = option.putObject("yAxis").put("type", "category");
        g.rows().forEach(y.putArray("data")::add);
        double max = g.cells().stream().filter(c -> c.value() != null).mapToDouble(c -> c.value().doubleValue())
                .max().orElse(1);
        ObjectNode visual = option.putObject("visualMap").put("min", 0).put("max", max).put("calculable", true)
                .put("orient", "horizontal").put("left", "center").put("bottom", 0);
        // one hue from light to dark reads for every colour vision
        visual.putObject("inRange").putArray("color").add("#f7fbff").add("#6baed6").add("#08306b");
        ObjectNode one = option.putArray("series").addObject().put("type", "heatmap");
        one.putObject("label").put("show", true);
        ArrayNode data = one.putArray("data");
        for (ChartData.Cell c : g.cells()) {
            ArrayNode cell = data.addArray().add(c.column()).add(c.row());
            number(cell, c.value());
        }
    }

    private static void number(ArrayNode array, Number value) {
        if (value == null) {
            array.addNull();
        } else if (value instanceof java.math.BigDecimal d) {
            array.add(d);
        } else if (value instanceof Double || value instanceof Float) {
            array.add(value.doubleValue());
        } else {
            array.add(value.longValue());
        }
    }

    private static void put(ObjectNode node, String field, Number value) {
        if (value == null) {
            node.putNull(field);
        } else if (value instanceof java.math.BigDecimal d) {
            node.put(field, d);
        } else if (value instanceof Double || value instanceof Float) {
            node.put(field, value.doubleValue());
        } else {
            node.put(field, value.longValue());
        }
    }
}
