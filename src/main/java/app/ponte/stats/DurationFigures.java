package app.ponte.stats;

/** A count of durations with their mean and median in days (null over nothing). */
public record DurationFigures(long count, Double meanDays, Double medianDays) {
}
