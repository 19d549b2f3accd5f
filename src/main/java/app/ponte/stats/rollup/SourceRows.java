package app.ponte.stats.rollup;

import app.ponte.lead.LeadStatus;

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

    /** A status change into {@code status}; {@code change} is the lead_status_change table's alias. */
    public static String into(String change, LeadStatus status) {
        return change + ".to_status = '" + status.name() + "'";
    }

    /**
     * The lead of a status change, joined: {@code join lead <lead> on <lead>.id = <change>.lead_id}. A change
     * into WON counts its lead's current expected value ({@link #wonValue}).
     */
    public static String leadOfChange(String change, String lead) {
        return "join lead " + lead + " on " + lead + ".id = " + change + ".lead_id";
    }

    /**
     * What a status change adds to the won value: its lead's current expected value (none counts 0) for a
     * change into WON, 0 for any other change (metrics.md); it follows later edits of the value.
     */
    public static String wonValue(String change, String lead) {
        return "case when " + into(change, LeadStatus.WON) + " then coalesce(" + lead + ".expected_value, 0) else 0 end";
    }
}
