package app.ponte.stats.rollup;

import app.ponte.handoff.HandoffState;
import app.ponte.interaction.HeldInteraction;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.LeadStatusSql;
import java.util.List;

/**
 * What the statistics count, written once as SQL fragments (issue 23: "define shared statuses once").
 * The rollup definitions, {@code StatsQuery}'s reads of the rows at a period's edges and the rollups'
 * checks all build on these, so a definition cannot drift between them.
 */
public final class SourceRows {

    /** Seconds in a UTC day: the day keys are {@code floor(epoch seconds / 86400)} (decision 017). */
    public static final long DAY_SECONDS = 86_400;

    /**
     * Seconds in a block of 16 UTC days: time to customer is counted per block of creation,
     * {@code floor(epoch seconds / 1,382,400)} (V31, decision 020).
     */
    public static final long BLOCK_SECONDS = 16 * DAY_SECONDS;

    /** The open statuses (domain.md): a lead in one of them can stall; from {@link LeadStatus#isOpen()}. */
    public static final List<String> OPEN = LeadStatusSql.OPEN.stream().map(LeadStatus::name).toList();

    private SourceRows() {
    }

    /** An open lead: {@code <lead>.status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY')}, from {@link #OPEN}. */
    public static String openLead(String lead) {
        return LeadStatusSql.open(lead + ".status");
    }

    /**
     * A lead's last activity: the later of its last status change (its creation before any) and its last held
     * interaction (decision 015). The lead feature keeps it in {@code lead.last_activity_at} on every write that
     * moves it (and says so with {@code LeadActivityWritten}); the statistics read that column, and only through
     * this fragment: lead_activity_day, the stalled leads, their checks. {@code lead} is the lead table's alias.
     */
    public static String lastActivity(String lead) {
        return lead + ".last_activity_at";
    }

    /**
     * A held interaction: one that happened, not one planned for later (domain.md). Only held ones count
     * in the statistics. {@code alias} is the interaction table's alias.
     */
    public static String heldInteraction(String alias) {
        return HeldInteraction.sql(alias);
    }

    /** The UTC day number of a timestamp column, as the rollups key it (same on H2 and PostgreSQL). */
    public static String utcDay(String column) {
        return "cast(floor(extract(epoch from " + column + ") / " + DAY_SECONDS + ") as bigint)";
    }

    /** The block number (of 16 UTC days, {@link #BLOCK_SECONDS}) of a timestamp column, as customer_block keys it. */
    public static String block(String column) {
        return "cast(floor(extract(epoch from " + column + ") / " + BLOCK_SECONDS + ") as bigint)";
    }

    /**
     * A lead's time to customer in seconds: from its creation to its first change into WON, null until it is won
     * (a customer is a lead that has one). The database generates the column from first_won_at and created_at
     * (V21); the statistics read it, and only through this fragment: customer_block, the time to customer's edges
     * and medians, their checks. {@code lead} is the lead table's alias.
     */
    public static String timeToCustomer(String lead) {
        return lead + ".to_customer_seconds";
    }

    /** A time to customer in whole microseconds, as customer_block sums it exactly (V31). */
    public static String microseconds(String seconds) {
        return "cast(round(" + seconds + " * 1000000) as bigint)";
    }

    /**
     * The highest status a lead has reached, as its rank ({@link LeadStatus#rank()}: NEW 0 .. WON 4; never LOST's,
     * a lead lost from NEW has reached NEW): the column the lead feature keeps ({@code LeadEntity.moveTo}). The
     * cohort counts a lead under it (lead_cohort_day, the funnel). {@code lead} is the lead table's alias.
     */
    public static String highestStatusRank(String lead) {
        return lead + ".max_status_rank";
    }

    /**
     * The status a lead was lost from, while it is LOST; '' for every other lead (a key column cannot be null),
     * also for a reopened one, whose lost_from the lead feature clears. The cohort counts the current losses by
     * it. {@code lead} is the lead table's alias.
     */
    public static String lostFromWhileLost(String lead) {
        return "case when " + LeadStatusSql.is(lead + ".status", LeadStatus.LOST) + " and " + lead
                + ".lost_from is not null then " + lead + ".lost_from else '' end";
    }

    /**
     * A status change that closes a stage interval the statistics count: one that leaves an open status ({@link #OPEN};
     * its {@code from_duration_seconds} is the time the lead spent in it, decision 018). {@code change} is the
     * lead_status_change table's alias.
     */
    public static String closesOpenInterval(String change) {
        return LeadStatusSql.open(change + ".from_status");
    }

    /**
     * The channel of a status change's lead: {@code lead_channel_code}, which the lead feature writes with the change
     * and rewrites when the lead's channel is edited (decision 046), so one channel's intervals need no join.
     */
    public static String changeChannel(String change) {
        return change + ".lead_channel_code";
    }

    /** A status change into {@code status}; {@code change} is the lead_status_change table's alias. */
    public static String into(String change, LeadStatus status) {
        return LeadStatusSql.is(change + ".to_status", status);
    }

    /** A status change out of {@code status}; {@code change} is the lead_status_change table's (or rollup's) alias. */
    public static String outOf(String change, LeadStatus status) {
        return LeadStatusSql.is(change + ".from_status", status);
    }

    /**
     * The lead of a status change, joined: {@code join lead <lead> on <lead>.id = <change>.lead_id}. A change
     * into WON counts its lead's current expected value ({@link #wonValue}).
     */
    public static String leadOfChange(String change, String lead) {
        return "join lead " + lead + " on " + lead + ".id = " + change + ".lead_id";
    }

    /**
     * The lead of a handoff, joined: {@code join lead <lead> on <lead>.id = <handoff>.lead_id}. A handoff counts as
     * won by its lead ({@link #wonLead}).
     */
    public static String leadOfHandoff(String handoff, String lead) {
        return "join lead " + lead + " on " + lead + ".id = " + handoff + ".lead_id";
    }

    /**
     * A lead that has reached WON: its highest status is WON's rank (WON is final, so a lead once won stays so).
     * The handoff rollups count a handoff whose lead it is as won, read from the lead since decision 048 (before,
     * handoff.lead_won, which V25's triggers copied into the handoff feature's table).
     */
    public static String wonLead(String lead) {
        return highestStatusRank(lead) + " = " + LeadStatus.WON.rank();
    }

    /**
     * What a status change adds to the won value: its lead's current expected value (none counts 0) for a
     * change into WON, 0 for any other change (metrics.md); it follows later edits of the value.
     */
    public static String wonValue(String change, String lead) {
        return "case when " + into(change, LeadStatus.WON) + " then coalesce(" + lead + ".expected_value, 0) else 0 end";
    }

    /**
     * A handoff's recipient as the handoff rollups key it: {@code to_user_id}, 0 while it waits in the sales
     * queue (a key column cannot be null). {@code handoff} is the handoff table's alias.
     */
    public static String handoffRecipient(String handoff) {
        return "coalesce(" + handoff + ".to_user_id, 0)";
    }

    /** A handoff's reject reason as the handoff rollup keys it: '' unless rejected. */
    public static String handoffReason(String handoff) {
        return "coalesce(" + handoff + ".reason_code, '')";
    }

    /**
     * A decided handoff (accepted or rejected): it has a decision time, {@code decision_seconds} (V25, the
     * database's own difference of decided_at and created_at); a pending one has none.
     */
    public static String decidedHandoff(String handoff) {
        return handoff + ".state <> '" + HandoffState.PENDING.name() + "'";
    }

    /** A handoff still waiting for a decision. */
    public static String pendingHandoff(String handoff) {
        return handoff + ".state = '" + HandoffState.PENDING.name() + "'";
    }

    /**
     * {@code join duration_bucket <alias> on ...} for the value {@code seconds} (an SQL expression): the
     * buckets of V22 (decision 018). Joined by range alone ({@code b.lo <= x and x < b.hi}), H2 walked the
     * bucket table's index from its start for every row (about 96 entries a row; 187 ms for 172 customers at a
     * tenth of the benchmark's scale). The join also names a window of three bucket numbers around the bucket a
     * logarithm estimates (bucket k starts near 60 · 1.15^(k - 1) seconds; the estimate is never more than one
     * off, checked for the first, middle and last values of every bucket): a primary-key range of three rows.
     * The range conditions still decide, so the answer is the table's, exactly.
     */
    public static String durationBucket(String alias, String seconds) {
        String estimate = "least(cast(floor(ln(cast(greatest(" + seconds + ", 60) as double precision) / 60)"
                + " / ln(1.15)) as integer) + 1, 149)";
        return " join duration_bucket " + alias + " on " + alias + ".bucket between " + estimate + " - 1 and "
                + estimate + " + 1 and " + alias + ".lo <= " + seconds + " and " + seconds + " < " + alias + ".hi";
    }
}
