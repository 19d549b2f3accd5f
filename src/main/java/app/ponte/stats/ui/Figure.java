package app.ponte.stats.ui;

import app.ponte.base.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.jsoup.nodes.Element;
import tools.jackson.databind.json.JsonMapper;

/**
 * One figure on a statistics page, traceable to its source (dashboards.md): {@code data-metric}
 * names the API path, {@code data-value} holds the API's unrounded value as a JSON literal, and the
 * text is the rounded, localised form a person reads. A count of leads or interactions is a link to
 * the list filtered to exactly those records.
 */
public final class Figure {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String METRIC = "data-metric";
    private static final String VALUE = "data-value";
    /** Every figure's class (the page's style and the browser tests find figures by it). */
    private static final String CLASS = "ponte-figure";

    /** How a value reads. */
    public enum Kind { COUNT, RATIO, DAYS, HOURS, DECIMAL, MONEY }

    private Figure() {
    }

    /** A figure as text; {@code href} non-null makes it a link (a count's drill-down). */
    public static Component of(String metric, Kind kind, Object value, Locale locale, Currency currency, String href) {
        return component(Html.of(metric, kind, value, locale, currency, href));
    }

    /** A figure the page works out itself (a share, an average): no API path, so no {@code data-metric}. */
    public static Component unmarked(Kind kind, Object value, Locale locale, Currency currency, String href) {
        return component(Html.unmarked(kind, value, locale, currency, href).addClass(CLASS));
    }

    public static Component count(String metric, long value, Locale locale, String href) {
        return of(metric, Kind.COUNT, value, locale, null, href);
    }

    public static Component ratio(String metric, Double value, Locale locale) {
        return of(metric, Kind.RATIO, value, locale, null, null);
    }

    public static Component days(String metric, Double value, Locale locale) {
        return of(metric, Kind.DAYS, value, locale, null, null);
    }

    public static Component hours(String metric, Double value, Locale locale) {
        return of(metric, Kind.HOURS, value, locale, null, null);
    }

    public static Component decimal(String metric, Double value, Locale locale) {
        return of(metric, Kind.DECIMAL, value, locale, null, null);
    }

    public static Component money(String metric, BigDecimal value, Locale locale, Currency currency) {
        return of(metric, Kind.MONEY, value, locale, currency, null);
    }

    /** Puts {@code data-metric} and {@code data-value} on an element that shows a figure its own way. */
    public static void mark(Component component, String metric, Object value) {
        component.getElement().setAttribute(METRIC, metric);
        component.getElement().setAttribute(VALUE, json(value));
    }

    /** A live component with exactly the markup of {@link Html#of}, for figures that are not frozen. */
    private static Component component(Element html) {
        // wholeText, not text(): text() collapses the no-break space of "1.200,00 €" into a plain one
        String text = html.wholeText();
        Component figure = html.tagName().equals("a") ? new Anchor(html.attr("href"), text) : new Span(text);
        html.attributes().forEach(a -> {
            if (!a.getKey().equals("href")) {
                figure.getElement().setAttribute(a.getKey(), a.getValue());
            }
        });
        return figure;
    }

    /**
     * Figures as jsoup elements, for the parts of a page sent {@link app.ponte.base.ui.Frozen}: the one
     * definition of a figure's markup ({@code data-metric}, {@code data-value}, class, drill-down
     * {@code href}); the component factories above copy it. Writing these directly, not components
     * serialized afterwards, is what makes a section cheap to build (decision 041).
     */
    public static final class Html {

        private Html() {
        }

        /** A figure as text; {@code href} non-null makes it a link (a count's drill-down). */
        public static Element of(String metric, Kind kind, Object value, Locale locale, Currency currency,
                String href) {
            return plain(kind, value, locale, currency, href, metric, value).addClass(CLASS);
        }

        /**
         * A figure without an API path (a difference, an average the page works out): its text and
         * link only; the caller adds a class saying what it is.
         */
        public static Element unmarked(Kind kind, Object value, Locale locale, Currency currency, String href) {
            return plain(kind, value, locale, currency, href, null, null);
        }

        /**
         * A figure that is the sum of an API map with no total of its own ({@code stalled.byStatus}):
         * {@code data-sum-of} names the map, so it is never read as an API figure.
         */
        public static Element sumOf(String map, Kind kind, Object value, Locale locale, Currency currency,
                String href) {
            Element figure = new Element(href != null ? "a" : "span").attr("data-sum-of", map);
            if (href != null) {
                figure.attr("href", href);
            }
            return figure.text(text(kind, value, locale, currency)).addClass(CLASS);
        }

        private static Element plain(Kind kind, Object value, Locale locale, Currency currency, String href,
                String metric, Object marked) {
            // the attributes in the order Flow wrote them when figures were components (its attribute
            // map is a HashMap, the class comes last), so the page's HTML is the same as before
            Element figure = new Element(href != null ? "a" : "span");
            if (href != null) {
                figure.attr("href", href);
            }
            if (metric != null) {
                mark(figure, metric, marked);
            }
            return figure.text(text(kind, value, locale, currency));
        }

        public static Element count(String metric, long value, Locale locale, String href) {
            return of(metric, Kind.COUNT, value, locale, null, href);
        }

        public static Element ratio(String metric, Double value, Locale locale) {
            return of(metric, Kind.RATIO, value, locale, null, null);
        }

        public static Element days(String metric, Double value, Locale locale) {
            return of(metric, Kind.DAYS, value, locale, null, null);
        }

        public static Element hours(String metric, Double value, Locale locale) {
            return of(metric, Kind.HOURS, value, locale, null, null);
        }

        public static Element decimal(String metric, Double value, Locale locale) {
            return of(metric, Kind.DECIMAL, value, locale, null, null);
        }

        public static Element money(String metric, BigDecimal value, Locale locale, Currency currency) {
            return of(metric, Kind.MONEY, value, locale, currency, null);
        }

        /** Puts {@code data-metric} and {@code data-value} on an element that shows a figure its own way. */
        public static Element mark(Element element, String metric, Object value) {
            return element.attr(METRIC, metric).attr(VALUE, json(value));
        }
    }

    /** The value as the API's JSON writes it: {@code 0.4166666666666667}, {@code 1200}, {@code 45000.00}, {@code null}. */
    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** The rounded, localised text of a value; "–" for none (a ratio or median over nothing). */
    public static String text(Kind kind, Object value, Locale locale, Currency currency) {
        if (value == null) {
            return "–";
        }
        return switch (kind) {
            case COUNT -> NumberFormat.getIntegerInstance(locale).format(((Number) value).longValue());
            case RATIO -> {
                NumberFormat percent = NumberFormat.getPercentInstance(locale);
                double ratio = ((Number) value).doubleValue();
                // 0.4 % would read 0 %; one decimal below 10 % keeps small rates visible
                percent.setMaximumFractionDigits(Math.abs(ratio) < 0.1 && ratio != 0 ? 1 : 0);
                yield percent.format(ratio);
            }
            case DAYS -> decimals(locale, ((Number) value).doubleValue()) + " d";
            case HOURS -> decimals(locale, ((Number) value).doubleValue()) + " h";
            case DECIMAL -> decimals(locale, ((Number) value).doubleValue());
            case MONEY -> Formats.money(value instanceof BigDecimal b ? b : new BigDecimal(value.toString()),
                    currency, locale);
        };
    }

    private static String decimals(Locale locale, double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(0);
        return format.format(value);
    }
}
