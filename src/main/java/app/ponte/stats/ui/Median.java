package app.ponte.stats.ui;

import java.util.Collection;
import java.util.Objects;

/**
 * The team median beside a person's own figure on "My numbers": the middle value of the figure over
 * the people holding the role, as metrics.md defines a median (an even count takes the mean of the two
 * middle values). A person without the figure (a ratio over nothing, {@code null}) does not count,
 * so a team with no decided handoffs has no median acceptance rate rather than a median of zero.
 */
public final class Median {

    private Median() {
    }

    /** The median of the non-null values; {@code null} when there are none. */
    public static Double of(Collection<? extends Number> values) {
        double[] sorted = values.stream().filter(Objects::nonNull).mapToDouble(Number::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return null;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
