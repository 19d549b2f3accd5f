package app.ponte.stats.rollup;

/**
 * What the statistics count, written once as SQL fragments (issue 23: "define shared statuses once").
 * The rollup definitions, {@code StatsQuery}'s reads of the rows at a period's edges and the rollups'
 * checks all build on these, so a definition cannot drift between them.
 */
public final class SourceRows {

    /** Seconds in a UTC day: the day keys are {@code floor(epoch seconds / 86400)} (decision 017). */
    public static final long DAY_SECONDS = 86_400;

    private SourceRows() {
    }

    /**
     * A held interaction: one that happened, not one planned for later (domain.md). Only held ones count
     * in the statistics. {@code alias} is the interaction table's alias.
     */
    public static String heldInteraction(String alias) {
        return alias + ".planned = false";
    }

    /** The UTC day number of a timestamp column, as the rollups key it (same on H2 and PostgreSQL). */
    public static String utcDay(String column) {
        return "cast(floor(extract(epoch from " + column + ") / " + DAY_SECONDS + ") as bigint)";
    }
}
