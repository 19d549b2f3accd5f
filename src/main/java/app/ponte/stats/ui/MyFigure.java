package app.ponte.stats.ui;

/**
 * One of a person's own figures beside the team median of the same figure (My numbers, the home page).
 *
 * @param key the figure's name in the API entry ({@code won}, {@code mqls}); also its label key
 * @param metric the API path of the person's own value ({@code reps.rossi.won})
 * @param own the person's value as the API gives it
 * @param median the team median ({@link Median}), {@code null} when no one has the figure; money as
 *     {@link java.math.BigDecimal} with two decimals
 * @param href the drill-down of a count, or {@code null}
 */
public record MyFigure(String key, String metric, Figure.Kind kind, Object own, Object median, String href) {

    /** Whether the figure is a count (the bar chart of own vs median shows only counts, on one scale). */
    public boolean isCount() {
        return kind == Figure.Kind.COUNT;
    }
}
