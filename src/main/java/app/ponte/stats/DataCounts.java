package app.ponte.stats;

/** How much data the application holds: the administrator's home page. */
public record DataCounts(long leads, long interactions, long activeUsers, long inactiveUsers) {
}
