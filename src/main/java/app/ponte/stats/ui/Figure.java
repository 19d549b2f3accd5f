package app.ponte.stats.ui;

import app.ponte.base.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/**
 * One figure on a statistics page, traceable to its source (dashboards.md): {@code data-metric}
 * names the API path, {@code data-value} holds the API's unrounded value as a JSON literal, and the
 * text is the rounded, localised form a person reads. A count of leads or interactions is a link to
 * the list filtered to exactly those records.
 */
public final class Figure {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How a value reads. */
    public enum Kind { COUNT, RATIO, DAYS, HOURS, DECIMAL, MONEY }

    private Figure() {
    }

    /** A figure as text; {@code href} non-null makes it a link (a count's drill-down). */
    public static Component of(String metric, Kind kind, Object value, Locale locale, Currency currency, String href) {
        String text = text(kind, value, locale, currency);
        Component figure;
        if (href != null) {
            figure = new Anchor(href, text);
        } else {
            figure = new Span(text);
        }
        mark(figure, metric, value);
        figure.getElement().getClassList().add("ponte-figure");
        return figure;
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
        component.getElement().setAttribute("data-metric", metric);
        component.getElement().setAttribute("data-value", json(value));
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
