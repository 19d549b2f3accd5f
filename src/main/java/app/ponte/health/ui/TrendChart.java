package app.ponte.health.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A line chart of values across survey runs, drawn in the browser by chart.js through the Lit
 * element {@code frontend/ponte-trend-chart.ts}. The server sets one property, {@code data}: JSON
 * {@code {"labels":[..],"series":[{"label":..,"axis":"enps"|"scale","values":[..|null]}]}}; a
 * suppressed run is a {@code null} value (a gap in the line).
 */
@Tag("ponte-trend-chart")
@JsModule("./ponte-trend-chart.ts")
@NpmPackage(value = "chart.js", version = "4.5.1")
class TrendChart extends Component implements HasSize {

    /** One line: eNPS (−100…100, left axis) or a question's mean (right axis). */
    record Series(String label, boolean enps, List<Double> values) {
    }

    TrendChart() {
        setWidthFull();
        setHeight("320px");
    }

    void setData(List<String> labels, List<Series> series) {
        String json = "{\"labels\":" + labels.stream().map(TrendChart::string).collect(Collectors.joining(",", "[", "]"))
                + ",\"series\":" + series.stream().map(s -> "{\"label\":" + string(s.label()) + ",\"axis\":"
                        + (s.enps() ? "\"enps\"" : "\"scale\"") + ",\"values\":"
                        + s.values().stream().map(TrendChart::number).collect(Collectors.joining(",", "[", "]")) + "}")
                .collect(Collectors.joining(",", "[", "]")) + "}";
        getElement().setProperty("data", json);
    }

    String data() {
        return getElement().getProperty("data");
    }

    private static String number(Double value) {
        if (value == null) {
            return "null";
        }
        return value == Math.rint(value) ? Long.toString(value.longValue())
                : String.format(Locale.ROOT, "%.2f", value);
    }

    static String string(String value) {
        var out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
