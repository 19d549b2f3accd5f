package app.ponte.stats.report;

import app.ponte.base.ui.chart.ChartData;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The report's charts as SVG for the PDF, drawn from the same {@link ChartData} as the page's ECharts
 * charts. ECharts' own server-side SVG renderer needs Node at run time, which the jar does not have
 * (decision 028), so the PDF draws the two shapes the report uses, bars and the funnel, itself. The
 * elements are built with the DOM, so every label is escaped.
 */
final class SvgCharts {

    static final String SVG = "http://www.w3.org/2000/svg";
    /** Okabe–Ito: readable for the common kinds of colour blindness, as the page's palette. */
    static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#000000");

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 28;
    private static final int BOTTOM = 48;

    private SvgCharts() {
    }

    /** The chart as an {@code <svg>} element of {@code doc}, or null for a kind the PDF does not draw. */
    static Element draw(Document doc, ChartData data, String description, Locale locale) {
        return switch (data) {
            case ChartData.Categories c -> bars(doc, c, description, locale);
            case ChartData.Slices s when s.kind() == ChartData.Slices.Kind.FUNNEL -> funnel(doc, s, description, locale);
            default -> null;
        };
    }

    private static Element svg(Document doc, String description) {
        Element svg = doc.createElementNS(SVG, "svg");
        svg.setAttribute("width", WIDTH + "px");
        svg.setAttribute("height", HEIGHT + "px");
        svg.setAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
        svg.setAttribute("role", "img");
        Element title = doc.createElementNS(SVG, "title");
        title.setTextContent(description);
        svg.appendChild(title);
        return svg;
    }

    private static Element bars(Document doc, ChartData.Categories c, String description, Locale locale) {
        Element svg = svg(doc, description);
        NumberFormat numbers = NumberFormat.getNumberInstance(locale);
        numbers.setMaximumFractionDigits(1);
        boolean stacked = c.kind() == ChartData.Categories.Kind.STACKED_BAR;
        int n = c.categories().size();
        int seriesCount = c.series().size();
        double max = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (ChartData.Series s : c.series()) {
                double v = value(s.values().get(i));
                sum += v;
                max = Math.max(max, v);
            }
            if (stacked) {
                max = Math.max(max, sum);
            }
        }
        max = niceMax(max);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        // grid lines and their values
        for (int g = 0; g <= 4; g++) {
            double y = TOP + plotHeight - plotHeight * g / 4;
            svg.appendChild(line(doc, LEFT, y, WIDTH - RIGHT, y, g == 0 ? "#666666" : "#dddddd"));
            svg.appendChild(text(doc, LEFT - 6, y + 4, numbers.format(max * g / 4), "end", 10));
        }
        double slot = plotWidth / Math.max(n, 1);
        double barGroup = slot * 0.7;
        double barWidth = stacked ? barGroup : barGroup / Math.max(seriesCount, 1);
        for (int i = 0; i < n; i++) {
            double x0 = LEFT + slot * i + (slot - barGroup) / 2;
            double base = 0;
            for (int si = 0; si < seriesCount; si++) {
                double v = value(c.series().get(si).values().get(i));
                double h = max == 0 ? 0 : plotHeight * v / max;
                double x = stacked ? x0 : x0 + barWidth * si;
                double y = TOP + plotHeight - h - (stacked ? plotHeight * base / (max == 0 ? 1 : max) : 0);
                Element rect = doc.createElementNS(SVG, "rect");
                rect.setAttribute("x", fmt(x));
                rect.setAttribute("y", fmt(y));
                rect.setAttribute("width", fmt(Math.max(barWidth - 1, 1)));
                rect.setAttribute("height", fmt(h));
                rect.setAttribute("fill", PALETTE.get(si % PALETTE.size()));
                svg.appendChild(rect);
                if (stacked) {
                    base += v;
                }
            }
            // every category's label when they fit, else every k-th
            int every = Math.max(1, (int) Math.ceil(n * 60.0 / plotWidth));
            if (i % every == 0) {
                svg.appendChild(text(doc, LEFT + slot * i + slot / 2, TOP + plotHeight + 14,
                        shorten(c.categories().get(i), (int) Math.max(6, slot * every / 6)), "middle", 10));
            }
        }
        legend(doc, svg, c.series().stream().map(ChartData.Series::name).toList());
        return svg;
    }

    private static Element funnel(Document doc, ChartData.Slices s, String description, Locale locale) {
        Element svg = svg(doc, description);
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        double max = s.slices().stream().mapToDouble(x -> value(x.value())).max().orElse(0);
        int n = s.slices().size();
        double rowHeight = (HEIGHT - 16.0) / Math.max(n, 1);
        double maxWidth = WIDTH * 0.6;
        for (int i = 0; i < n; i++) {
            ChartData.Slice slice = s.slices().get(i);
            double w = max == 0 ? 0 : Math.max(maxWidth * value(slice.value()) / max, 2);
            double y = 8 + rowHeight * i;
            Element rect = doc.createElementNS(SVG, "rect");
            rect.setAttribute("x", fmt((WIDTH * 0.62 - w) / 2 + WIDTH * 0.38 - WIDTH * 0.31));
            rect.setAttribute("y", fmt(y + 2));
            rect.setAttribute("width", fmt(w));
            rect.setAttribute("height", fmt(rowHeight - 4));
            rect.setAttribute("fill", PALETTE.get(i % PALETTE.size()));
            svg.appendChild(rect);
            svg.appendChild(text(doc, WIDTH * 0.72, y + rowHeight / 2 + 4,
                    slice.name() + ": " + numbers.format(value(slice.value())), "start", 12));
        }
        return svg;
    }

    private static void legend(Document doc, Element svg, List<String> names) {
        double x = LEFT;
        for (int i = 0; i < names.size(); i++) {
            Element swatch = doc.createElementNS(SVG, "rect");
            swatch.setAttribute("x", fmt(x));
            swatch.setAttribute("y", "8");
            swatch.setAttribute("width", "10");
            swatch.setAttribute("height", "10");
            swatch.setAttribute("fill", PALETTE.get(i % PALETTE.size()));
            svg.appendChild(swatch);
            svg.appendChild(text(doc, x + 14, 17, names.get(i), "start", 11));
            x += 24 + names.get(i).length() * 6.5;
        }
    }

    private static Element line(Document doc, double x1, double y1, double x2, double y2, String colour) {
        Element line = doc.createElementNS(SVG, "line");
        line.setAttribute("x1", fmt(x1));
        line.setAttribute("y1", fmt(y1));
        line.setAttribute("x2", fmt(x2));
        line.setAttribute("y2", fmt(y2));
        line.setAttribute("stroke", colour);
        line.setAttribute("stroke-width", "1");
        return line;
    }

    private static Element text(Document doc, double x, double y, String content, String anchor, int size) {
        Element text = doc.createElementNS(SVG, "text");
        text.setAttribute("x", fmt(x));
        text.setAttribute("y", fmt(y));
        text.setAttribute("text-anchor", anchor);
        text.setAttribute("font-size", Integer.toString(size));
        text.setAttribute("font-family", "sans-serif");
        text.setAttribute("fill", "#333333");
        text.setTextContent(content);
        return text;
    }

    private static String shorten(String label, int max) {
        return label.length() <= max ? label : label.substring(0, Math.max(1, max - 1)) + "…";
    }

    /** The smallest 1, 2 or 5 × 10^k at least {@code max} (a readable top for the axis). */
    static double niceMax(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double value(Number n) {
        return n == null ? 0 : n.doubleValue();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
