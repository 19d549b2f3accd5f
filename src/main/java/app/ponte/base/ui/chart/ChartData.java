package app.ponte.base.ui.chart;

import java.util.List;
import java.util.Objects;

/**
 * What a chart shows, as plain data: the same records give the drawn chart and its table view, so
 * the two can never disagree. Labels arrive translated; numbers arrive unformatted.
 */
public sealed interface ChartData {

    /** Values per category: bars, stacked bars or lines. */
    record Categories(Kind kind, List<String> categories, List<Series> series, List<ValueAxis> axes)
            implements ChartData {

        public enum Kind { BAR, STACKED_BAR, LINE }

        public Categories {
            Objects.requireNonNull(kind, "kind");
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            axes = axes == null || axes.isEmpty() ? List.of(ValueAxis.AUTO) : List.copyOf(axes);
            for (Series s : series) {
                if (s.values().size() != categories.size()) {
                    throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
                            + " values for " + categories.size() + " categories");
                }
                if (s.axis() < 0 || s.axis() >= axes.size()) {
                    throw new IllegalArgumentException("series " + s.name() + " names axis " + s.axis());
                }
            }
        }

        public Categories(Kind kind, List<String> categories, List<Series> series) {
            this(kind, categories, series, List.of());
        }
    }

    /** One named row of values; {@code null} is a gap (no data), not zero. */
    record Series(String name, List<? extends Number> values, int axis) {

        public Series {
            Objects.requireNonNull(name, "name");
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }

        public Series(String name, List<? extends Number> values) {
            this(name, values, 0);
        }
    }

    /** A value axis; {@code min}/{@code max} null means chosen from the data. */
    record ValueAxis(String name, Double min, Double max) {
        public static final ValueAxis AUTO = new ValueAxis(null, null, null);
    }

    /** Parts of a whole or steps of a funnel. */
    record Slices(Kind kind, List<Slice> slices) implements ChartData {

        public enum Kind { FUNNEL, DOUGHNUT }

        public Slices {
            Objects.requireNonNull(kind, "kind");
            slices = List.copyOf(slices);
        }
    }

    record Slice(String name, Number value) {
    }

    /** A flow between named nodes (a sankey): leads crossing the bridge and falling off it. */
    record Flow(List<String> nodes, List<Link> links) implements ChartData {

        public Flow {
            nodes = List.copyOf(nodes);
            links = List.copyOf(links);
            for (Link l : links) {
                if (!nodes.contains(l.source()) || !nodes.contains(l.target())) {
                    throw new IllegalArgumentException("link " + l + " names a node that is not listed");
                }
            }
        }
    }

    record Link(String source, String target, Number value) {
    }

    /** A value per column and row (a heatmap, e.g. cohorts). */
    record Grid(List<String> columns, List<String> rows, List<Cell> cells) implements ChartData {

        public Grid {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            cells = List.copyOf(cells);
            for (Cell c : cells) {
                if (c.column() < 0 || c.column() >= columns.size() || c.row() < 0 || c.row() >= rows.size()) {
                    throw new IllegalArgumentException("cell " + c + " is outside the grid");
                }
            }
        }
    }

    record Cell(int column, int row, Number value) {
    }
}
