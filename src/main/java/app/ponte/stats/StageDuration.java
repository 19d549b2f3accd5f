package app.ponte.stats;

/** The closed intervals in one status: how many, their mean and median length in days. */
public record StageDuration(String status, long count, Double meanDays, Double medianDays) {
}
