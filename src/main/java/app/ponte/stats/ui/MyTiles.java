package app.ponte.stats.ui;

import app.ponte.base.ui.chart.Chart;
import app.ponte.base.ui.chart.ChartData;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * A person's figures as tiles that wrap on a narrow screen: the label, the own figure (marked with
 * its API path, a count linking to its records), and the team median below it. The median is not an
 * API figure: it carries {@code data-median-value} (its JSON value), never {@code data-metric}.
 */
final class MyTiles {

    private MyTiles() {
    }

    static Div tiles(String idPrefix, List<MyFigure> figures, Locale locale, Currency currency) {
        var tiles = new Div();
        tiles.addClassName("ponte-my-tiles");
        for (MyFigure f : figures) {
            var label = new Span(tiles.getTranslation("mynumbers.figure." + f.key()));
            label.addClassName("ponte-my-tile-label");
            Component own = Figure.of(f.metric(), f.kind(), f.own(), locale, currency, f.href());
            own.getElement().getClassList().add("ponte-my-tile-value");
            var median = new Span(tiles.getTranslation("mynumbers.median",
                    Figure.text(f.kind(), f.median(), locale, currency)));
            median.addClassName("ponte-my-tile-median");
            median.getElement().setAttribute("data-median-value", Figure.json(f.median()));
            var tile = new Div(label, own, median);
            tile.addClassName("ponte-my-tile");
            tile.setId(idPrefix + "-" + f.key());
            tiles.add(tile);
        }
        return tiles;
    }

    /** The counts, own beside the median, as a small bar chart (ratios and hours would need scales of their own). */
    static Chart chart(String description, List<MyFigure> figures, Component translator) {
        List<MyFigure> counts = figures.stream().filter(MyFigure::isCount).toList();
        var chart = new Chart(description);
        chart.setChartHeight("220px");
        chart.setData(new ChartData.Categories(ChartData.Categories.Kind.BAR,
                counts.stream().map(f -> translator.getTranslation("mynumbers.figure." + f.key())).toList(),
                List.of(new ChartData.Series(translator.getTranslation("mynumbers.you"),
                                counts.stream().map(f -> (Number) f.own()).toList()),
                        new ChartData.Series(translator.getTranslation("mynumbers.team-median"),
                                counts.stream().map(f -> (Number) f.median()).toList()))));
        return chart;
    }
}
