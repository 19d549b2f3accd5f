package app.ponte.stats.query;

import app.ponte.stats.ChannelFigures;
import app.ponte.stats.FunnelStep;
import app.ponte.stats.HandoffFigures;
import app.ponte.stats.MarketerFigures;
import app.ponte.stats.RepFigures;
import app.ponte.stats.RepeatPurchases;
import app.ponte.stats.StageDuration;
import app.ponte.stats.Stalled;
import app.ponte.stats.StalledLead;
import app.ponte.stats.TimeToCustomer;
import app.ponte.stats.VolumeBucket;
import app.ponte.handoff.RejectReason;
import app.ponte.interaction.InteractionType;
import app.ponte.lead.LeadStatus;
import app.ponte.stats.rollup.SourceRows;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statistics in SQL: every figure is an aggregate computed by the database (counts, sums,
 * {@code percentile_cont} for medians — an ordered-set aggregate both H2 2.x and PostgreSQL have,
 * the mean of the two middle values for an even count); Java only divides the aggregates and
 * fills in the zeros. Stage durations come from a histogram instead (all channels or one, decision
 * 018): Java finds the buckets of the middle values and reads only those values. No statement
 * returns more rows than there are users, channels, statuses or buckets, except the 100
 * longest-stalled leads.
 */
@Component
public class StatsQuery {

    /** The open statuses in order, which are also the statuses with reported durations and lost keys. */
    public static final List<String> OPEN = SourceRows.OPEN;
    /** The statuses in the lifecycle's order (LOST is outside it), from {@link LeadStatus#rank()}. */
    public static final List<String> ORDERED = Arrays.stream(LeadStatus.values()).filter(s -> s.rank() >= 0)
            .sorted(Comparator.comparingInt(LeadStatus::rank)).map(LeadStatus::name).toList();
    /** Rejection reasons in the domain's order. */
    public static final List<String> REASONS = Arrays.stream(RejectReason.values()).map(RejectReason::name).toList();
    private static final List<String> INTERACTION_TYPES = Arrays.stream(InteractionType.values())
            .map(InteractionType::name).toList();
    /** {@code %s.to_status = 'LOST' and %s.from_status = 'OPPORTUNITY'}: the losses reps are counted for. */
    private static final String LOST_FROM_OPPORTUNITY = SourceRows.into("%s", LeadStatus.LOST) + " and "
            + SourceRows.outOf("%s", LeadStatus.OPPORTUNITY);


    private final JdbcClient jdbc;
    private final CustomerHistogram customers;

    public StatsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.customers = new CustomerHistogram(jdbc);
    }

    // ---- funnel -------------------------------------------------------------------------------

    /**
     * The leads of one edge of a period ("h" or "t", see {@link DaySplit}) in the shape of
     * lead_cohort_day rows, signed: channel, highest status reached, lost-from while LOST ('' else).
     */
    private static String cohortEdge(String edge, boolean oneChannel) {
        return "select l.channel_code, " + SourceRows.highestStatusRank("l") + " as max_status_rank, "
                + SourceRows.lostFromWhileLost("l") + " as lost_from, "
                + DaySplit.sign(edge) + " as leads from lead l where " + DaySplit.edge("l.created_at", edge)
                + (oneChannel ? " and l.channel_code = :channel" : "");
    }

    /**
     * The period's cohort by channel, highest status reached and lost-from, as counts (decision 019):
     * the whole UTC days from lead_cohort_day, the partial first and last day from the leads.
     */
    private static String cohort(boolean oneChannel) {
        return "select x.channel_code, x.max_status_rank, x.lost_from, sum(x.leads) as leads from ("
                + "select d.channel_code, d.max_status_rank, d.lost_from, d.leads from lead_cohort_day d"
                + " where d.utc_day >= :d0 and d.utc_day < :d1" + (oneChannel ? " and d.channel_code = :channel" : "")
                + " union all " + cohortEdge("h", oneChannel) + " union all " + cohortEdge("t", oneChannel)
                + ") x group by x.channel_code, x.max_status_rank, x.lost_from";
    }

    /** Cohort size, how many reached each ordered status, and the current LOST ones by lost-from. */
    public FunnelCounts funnel(Instant from, Instant to, String channel) {
        Map<String, Object> period = period(from, to, channel);
        DaySplit.of(from, to).addTo(period);
        long[] reached = new long[ORDERED.size()];
        Map<String, Long> lost = new LinkedHashMap<>();
        OPEN.forEach(s -> lost.put(s, 0L));
        jdbc.sql(cohort(channel != null))
                .params(period)
                .query(rs -> {
                    long leads = rs.getLong("leads");
                    int rank = rs.getInt("max_status_rank");
                    for (int i = 0; i <= rank && i < reached.length; i++) {
                        reached[i] += leads;
                    }
                    lost.computeIfPresent(rs.getString("lost_from"), (s, n) -> n + leads);
                });
        long cohort = reached[0];
        List<FunnelStep> steps = new ArrayList<>();
        for (int i = 0; i < ORDERED.size(); i++) {
            steps.add(new FunnelStep(ORDERED.get(i), reached[i], i == 0 ? null : ratio(reached[i], reached[i - 1])));
        }
        return new FunnelCounts(cohort, steps, lost);
    }

    public record FunnelCounts(long cohort, List<FunnelStep> steps, Map<String, Long> lost) {
    }

    // ---- stage durations ----------------------------------------------------------------------

    /**
     * The cohort's closed intervals by the status they closed, from the histogram (decision 018):
     * counts and total seconds per duration bucket (the whole UTC days of the period from
     * stage_interval_day, or stage_interval_channel_day for one channel, its partial first and last
     * day from the rows), then the exact middle value(s) of each status from the one or two buckets
     * that hold them.
     */
    public List<StageDuration> stageDurations(Instant from, Instant to, String channel) {
        Map<String, StageDuration> figures = fromHistogram(from, to, channel);
        return OPEN.stream().map(s -> figures.getOrDefault(s, new StageDuration(s, 0, null, null))).toList();
    }

    /** One edge of a period ("h" or "t", see {@link DaySplit}): its closed intervals by status and bucket, signed. */
    private static String edgeIntervals(String edge, String channel) {
        String sign = DaySplit.sign(edge);
        // one branch per status: an index range (status = x, lead_created_at in the edge) on both
        // databases; H2 reads "status in (...) and range" as every row below the range's end. One
        // channel: the change's own copy of its lead's channel (V28), no join with lead, tested on each
        // row of the range. It is written as upper(...) (codes are upper case, ck_channel_code) so that
        // no index is chosen for it: on a plain "= :channel" H2 took ix_status_change_channel_duration
        // for the channel and status and checked the edge in every index row of them (scratch table of
        // 200,000 changes in five channels: 13,334 index rows read for a two-hour edge instead of 42)
        return OPEN.stream()
                .map(status -> "select c.from_status, b.bucket, " + sign + " as n, " + sign
                        + " * c.from_duration_seconds as total from lead_status_change c"
                        + DurationBuckets.join("b", "c.from_duration_seconds")
                        + " where c.from_status = '" + status + "' and " + DaySplit.edge("c.lead_created_at", edge)
                        + (channel == null ? "" : " and upper(c.lead_channel_code) = :channel"))
                .collect(Collectors.joining(" union all "));
    }

    /** The histogram's figures (read in one snapshot, see StatsService.stageDurations). */
    private Map<String, StageDuration> fromHistogram(Instant from, Instant to, String channel) {
        Map<String, Object> period = period(from, to, channel);
        DaySplit.of(from, to).addTo(period);
        Map<Integer, long[]> bounds = Histogram.bounds(jdbc);
        Map<String, List<Histogram.Bucket>> histogram = new HashMap<>();
        // grouped by (status, bucket) only, bucket numbers ascending with their bounds; the bounds are
        // added here: joined in SQL, PostgreSQL sorted all the rollup rows by them and H2 evaluated the
        // whole aggregate once per bucket (883 ms at 100,000 leads)
        jdbc.sql("select x.from_status, x.bucket, sum(x.n) as n, sum(x.total) as total from ("
                        + "select d.from_status, d.bucket, d.intervals as n, d.total_seconds as total"
                        + (channel == null ? " from stage_interval_day d where"
                                : " from stage_interval_channel_day d where d.channel_code = :channel and")
                        + " d.utc_day >= :d0 and d.utc_day < :d1"
                        + " union all " + edgeIntervals("h", channel) + " union all " + edgeIntervals("t", channel)
                        + ") x group by x.from_status, x.bucket order by x.from_status, x.bucket")
                .params(period)
                .query(rs -> {
                    long n = rs.getLong("n");
                    if (n > 0) {
                        long[] range = bounds.get(rs.getInt("bucket"));
                        histogram.computeIfAbsent(rs.getString("from_status"), s -> new ArrayList<>())
                                .add(new Histogram.Bucket(range[0], range[1], n, rs.getLong("total")));
                    }
                });
        Map<String, StageDuration> found = new HashMap<>();
        for (var entry : histogram.entrySet()) {
            String status = entry.getKey();
            List<Histogram.Bucket> buckets = entry.getValue();
            long count = Histogram.count(buckets);
            double median = Histogram.median(buckets,
                    (bucket, skip, size, descending) -> inBucket(status, bucket, skip, size, descending, period, channel),
                    () -> new IllegalStateException(
                            "the stage-duration histogram disagrees with lead_status_change for " + status));
            found.put(status, new StageDuration(status, count, Histogram.total(buckets) / 86400.0 / count,
                    median / 86400.0));
        }
        return found;
    }

    /**
     * {@code size} durations of a status's intervals of a bucket after skipping {@code skip}, in
     * duration order or its reverse ({@code ix_status_change_duration}: status, duration,
     * creation instant; for one channel {@code ix_status_change_channel_duration}, the same after the
     * change's copy of its lead's channel (V28): the channel's intervals of the bucket only, where a
     * join with lead walked the bucket's intervals of every channel and probed each one's lead, 375 ms
     * p95 at 1,000,000 leads). Every value but the channel is written into the statement: a
     * server-prepared statement's generic plan, planned without the bounds and the period, read the
     * status's whole cohort from ix_status_change_cohort and sorted it (PostgreSQL, with the join with
     * lead that one channel had then). The order names the index's leading columns too (constants
     * here, so the same order): H2 reads an index in its order, instead of sorting the bucket, only
     * when the order by starts with the index's columns.
     */
    private List<Double> inBucket(String status, Histogram.Bucket bucket, long skip, long size, boolean descending,
            Map<String, Object> period, String channel) {
        if (!OPEN.contains(status)) {
            throw new IllegalArgumentException(status);
        }
        String direction = descending ? " desc" : "";
        return jdbc.sql("select c.from_duration_seconds from lead_status_change c where"
                        + (channel == null ? "" : " c.lead_channel_code = :channel and")
                        + " c.from_status = '" + status + "' and c.from_duration_seconds >= " + bucket.lo()
                        + " and c.from_duration_seconds < " + bucket.hi()
                        + " and c.lead_created_at >= " + literal(period.get("from"))
                        + " and c.lead_created_at < " + literal(period.get("to"))
                        + " order by " + (channel == null ? "" : "c.lead_channel_code" + direction + ", ")
                        + "c.from_status" + direction + ", c.from_duration_seconds" + direction
                        + " offset " + skip + " rows fetch next " + size + " rows only")
                .params(channel == null ? Map.of() : Map.of("channel", channel))
                .query((rs, n) -> (double) rs.getLong(1))
                .list();
    }

    private static final DateTimeFormatter INSTANT_LITERAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    /** An instant of the period as an SQL literal. */
    static String literal(Object utc) {
        return "cast('" + INSTANT_LITERAL.format((OffsetDateTime) utc) + "' as timestamp(6) with time zone)";
    }

    // ---- time to customer ---------------------------------------------------------------------

    /** Overall and per channel, from the histogram customer_block (decision 020). */
    public TimeToCustomer timeToCustomer(Instant from, Instant to) {
        return customers.timeToCustomer(from, to, true);
    }

    /** All channels' figures only (the channels' list empty): no per-channel median is read. */
    public TimeToCustomer timeToCustomerOverall(Instant from, Instant to) {
        return customers.timeToCustomer(from, to, false);
    }

    // ---- people -------------------------------------------------------------------------------

    /** Ids and usernames of the users holding a role, by username. */
    private List<User> usersWithRole(String role) {
        return jdbc.sql("select u.id, u.username from app_user u join app_user_role r on r.user_id = u.id"
                        + " where r.role = :role order by u.username, u.id")
                .param("role", role)
                .query((rs, n) -> new User(rs.getLong("id"), rs.getString("username")))
                .list();
    }

    private record User(long id, String username) {
    }

    /** Handoff counts by state (to or from a user), and the median decision time in seconds. */
    /** {@code medianDecisionHours}: of the decided ones (null: none decided). */
    private record HandoffCounts(long total, long accepted, long rejected, long pending, long won,
            Double medianDecisionHours) {

        static final HandoffCounts NONE = new HandoffCounts(0, 0, 0, 0, 0, null);
    }

    /**
     * One edge of a period ("h" or "t", see {@link DaySplit}): its handoffs in the shape of the rows of
     * handoff_day (the sender and reason) or handoff_recipient_day, signed (as {@link SourceRows} keys them; one
     * range of ix_handoff_stats).
     */
    private static String handoffEdge(String edge, boolean byRecipient) {
        String sign = DaySplit.sign(edge);
        return "select " + (byRecipient ? SourceRows.handoffRecipient("h") + " as to_user_id"
                        : "h.from_user_id, " + SourceRows.handoffReason("h") + " as reason_code")
                + ", h.state, " + sign + " as handoffs, case when " + SourceRows.wonLead("l") + " then " + sign
                + " else 0 end as won from handoff h " + SourceRows.leadOfHandoff("h", "l") + " where "
                + DaySplit.edge("h.created_at", edge);
    }

    /**
     * The period's handoffs grouped by {@code group} (columns {@code x.<column>} of handoff_day, or of
     * handoff_recipient_day {@code byRecipient}): the whole UTC days from the rollup (decision 040), the partial
     * first and last day from the rows. Columns: the group's, {@code n} (handoffs) and {@code won} (those whose
     * lead reached WON).
     */
    private static String handoffDays(String group, boolean byRecipient) {
        return "select " + group + ", sum(x.handoffs) as n, sum(x.won) as won from (select "
                + (byRecipient ? "d.to_user_id" : "d.from_user_id, d.reason_code") + ", d.state, d.handoffs, d.won from "
                + (byRecipient ? "handoff_recipient_day" : "handoff_day") + " d where d.utc_day >= :d0 and d.utc_day < :d1"
                + " union all " + handoffEdge("h", byRecipient) + " union all " + handoffEdge("t", byRecipient)
                + ") x group by " + group;
    }

    /** One edge of a period: its decided handoffs by recipient and duration bucket of the decision time, signed. */
    private static String decisionEdge(String edge) {
        return "select " + SourceRows.handoffRecipient("h") + " as to_user_id, b.bucket, " + DaySplit.sign(edge)
                + " as n from handoff h" + SourceRows.durationBucket("b", "h.decision_seconds") + " where "
                + SourceRows.decidedHandoff("h") + " and " + DaySplit.edge("h.created_at", edge);
    }

    /**
     * The decision times' histogram of a period (handoff_decision_day for the whole days, the rows at the edges),
     * ascending by bucket: one list per recipient ({@code byRecipient}), or one for everyone under the key 0.
     */
    private Map<Long, List<Histogram.Bucket>> decisionHistogram(Map<String, Object> split, boolean byRecipient) {
        Map<Integer, long[]> bounds = Histogram.bounds(jdbc);
        Map<Long, List<Histogram.Bucket>> histogram = new HashMap<>();
        String group = byRecipient ? "x.to_user_id, x.bucket" : "x.bucket";
        jdbc.sql("select " + group + ", sum(x.n) as n from (select d.to_user_id, d.bucket, d.decided as n"
                        + " from handoff_decision_day d where d.utc_day >= :d0 and d.utc_day < :d1"
                        + " union all " + decisionEdge("h") + " union all " + decisionEdge("t") + ") x"
                        + " group by " + group + " order by " + group)
                .params(split)
                .query(rs -> {
                    long n = rs.getLong("n");
                    if (n > 0) {
                        long[] range = bounds.get(rs.getInt("bucket"));
                        histogram.computeIfAbsent(byRecipient ? rs.getLong("to_user_id") : 0L, u -> new ArrayList<>())
                                .add(new Histogram.Bucket(range[0], range[1], n, 0));
                    }
                });
        return histogram;
    }

    /**
     * The exact median decision time in hours (percentile_cont(0.5): the mean of the two middle values for an
     * even count) of the histogram's handoffs, recipient {@code recipient} or everyone (null): the middle
     * value(s) read from their bucket in value order (ix_handoff_decision_to, ix_handoff_decision). A pending
     * handoff has no decision_seconds (ck_handoff_decided), so the bucket's range alone leaves it out.
     */
    private Double medianDecisionHours(List<Histogram.Bucket> buckets, Long recipient, Instant from, Instant to) {
        if (buckets == null || buckets.isEmpty()) {
            return null;
        }
        double median = Histogram.median(buckets, (bucket, skip, size, descending) -> {
            String direction = descending ? " desc" : "";
            return jdbc.sql("select h.decision_seconds from handoff h where "
                            + (recipient == null ? "" : "h.to_user_id = " + recipient + " and ")
                            + "h.decision_seconds >= " + bucket.lo() + " and h.decision_seconds < " + bucket.hi()
                            + " and h.created_at >= " + literal(OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                            + " and h.created_at < " + literal(OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                            + " order by " + (recipient == null ? "" : "h.to_user_id" + direction + ", ")
                            + "h.decision_seconds" + direction + " offset " + skip + " rows fetch next " + size
                            + " rows only")
                    .query((rs, n) -> rs.getDouble(1))
                    .list();
        }, () -> new IllegalStateException("the decision-time histogram disagrees with the handoffs"));
        return median / 3600.0;
    }

    /**
     * Handoffs to or from each user by state, and those whose lead has reached WON (SourceRows.wonLead), from
     * handoff_recipient_day or handoff_day; {@code withMedian}: also each recipient's median decision time (the reps' figure).
     */
    private Map<Long, HandoffCounts> handoffsBy(String userColumn, Instant from, Instant to, boolean withMedian) {
        if (!userColumn.equals("to_user_id") && !userColumn.equals("from_user_id")) {
            throw new IllegalArgumentException(userColumn);
        }
        Map<String, Object> split = period(from, to, null);
        DaySplit.of(from, to).addTo(split);
        Map<Long, long[]> counts = new HashMap<>();
        jdbc.sql(handoffDays("x." + userColumn + ", x.state", userColumn.equals("to_user_id")))
                .params(split)
                .query(rs -> {
                    long user = rs.getLong(userColumn);
                    long n = rs.getLong("n");
                    long[] c = counts.computeIfAbsent(user, u -> new long[5]);
                    c[0] += n;
                    switch (rs.getString("state")) {
                        case "ACCEPTED" -> c[1] += n;
                        case "REJECTED" -> c[2] += n;
                        default -> c[3] += n;
                    }
                    c[4] += rs.getLong("won");
                });
        // 0 is the queue (no recipient yet): not a user
        counts.remove(0L);
        Map<Long, List<Histogram.Bucket>> histogram = withMedian ? decisionHistogram(split, true) : Map.of();
        Map<Long, HandoffCounts> result = new HashMap<>();
        counts.forEach((user, c) -> {
            if (c[0] != 0) {
                result.put(user, new HandoffCounts(c[0], c[1], c[2], c[3], c[4],
                        withMedian ? medianDecisionHours(histogram.get(user), user, from, to) : null));
            }
        });
        return result;
    }

    /**
     * The held interactions of one edge of a period ("h" or "t", see {@link DaySplit}), in the shape of
     * interaction_day rows, signed.
     */
    private static String heldInteractions(String edge) {
        return "select i.user_id, i.type, %1$s as held, case when i.outcome_score is null then 0 else %1$s end"
                .formatted(DaySplit.sign(edge)) + " as scored, " + DaySplit.sign(edge)
                + " * coalesce(i.outcome_score, 0) as score_sum from interaction i where "
                + SourceRows.heldInteraction("i") + " and "
                + DaySplit.edge("i.occurred_at", edge);
    }

    /**
     * The changes into WON or from OPPORTUNITY into LOST of one edge of a period: won, won value, lost,
     * signed; the won value and the join as status_change_day defines them (SourceRows, decision 036).
     */
    private static String closingChanges(String edge) {
        String sign = DaySplit.sign(edge);
        String changes = " from lead_status_change c " + SourceRows.leadOfChange("c", "l") + " where ";
        // two branches, each an index range (to_status = x, changed_at in the edge) on both databases
        return "select c.changed_by_id as user_id, " + sign + " as won, " + sign
                + " * " + SourceRows.wonValue("c", "l") + " as won_value, 0 as lost" + changes
                + SourceRows.into("c", LeadStatus.WON) + " and " + DaySplit.edge("c.changed_at", edge)
                + " union all select c.changed_by_id as user_id, 0 as won, 0 as won_value, " + sign + " as lost"
                + changes + LOST_FROM_OPPORTUNITY.formatted("c", "c") + " and "
                + DaySplit.edge("c.changed_at", edge);
    }

    public List<RepFigures> reps(Instant from, Instant to) {
        Map<String, Object> period = period(from, to, null);
        DaySplit.of(from, to).addTo(period);
        Map<Long, Map<String, Long>> byType = new HashMap<>();
        Map<Long, long[]> scores = new HashMap<>();
        // the period's whole UTC days from the day rollup, its partial first and last day from the rows
        jdbc.sql("select x.user_id, x.type, sum(x.held) as n, sum(x.scored) as scored, sum(x.score_sum) as score_sum"
                        + " from (select d.user_id, d.type, d.held, d.scored, d.score_sum from interaction_day d"
                        + " where d.utc_day >= :d0 and d.utc_day < :d1"
                        + " union all " + heldInteractions("h") + " union all " + heldInteractions("t")
                        + ") x group by x.user_id, x.type")
                .params(period)
                .query(rs -> {
                    if (rs.getLong("n") == 0) {
                        return;
                    }
                    long user = rs.getLong("user_id");
                    byType.computeIfAbsent(user, u -> new HashMap<>()).put(rs.getString("type"), rs.getLong("n"));
                    long[] s = scores.computeIfAbsent(user, u -> new long[2]);
                    s[0] += rs.getLong("scored");
                    s[1] += rs.getLong("score_sum");
                });
        Map<Long, HandoffCounts> handoffs = handoffsBy("to_user_id", from, to, true);
        Map<Long, Object[]> closed = new HashMap<>();
        jdbc.sql("select x.user_id, sum(x.won) as won, coalesce(sum(x.won_value), 0) as won_value, sum(x.lost) as lost"
                        + " from (select d.changed_by_id as user_id,"
                        + " case when " + SourceRows.into("d", LeadStatus.WON) + " then d.changes else 0 end as won,"
                        + " case when " + SourceRows.into("d", LeadStatus.WON) + " then d.won_value else 0 end as won_value,"
                        + " case when " + SourceRows.into("d", LeadStatus.LOST) + " then d.changes else 0 end as lost"
                        + " from status_change_day d where d.utc_day >= :d0 and d.utc_day < :d1"
                        + " and (" + SourceRows.into("d", LeadStatus.WON) + " or (" + LOST_FROM_OPPORTUNITY.formatted("d", "d")
                        + "))"
                        + " union all " + closingChanges("h") + " union all " + closingChanges("t")
                        + ") x group by x.user_id")
                .params(period)
                .query(rs -> {
                    closed.put(rs.getLong("user_id"),
                            new Object[] {rs.getLong("won"), rs.getBigDecimal("won_value"), rs.getLong("lost")});
                });
        List<RepFigures> reps = new ArrayList<>();
        for (User user : usersWithRole("SALES")) {
            Map<String, Long> types = new LinkedHashMap<>();
            Map<String, Long> found = byType.getOrDefault(user.id(), Map.of());
            INTERACTION_TYPES.stream().filter(found::containsKey).forEach(t -> types.put(t, found.get(t)));
            long interactions = types.values().stream().mapToLong(Long::longValue).sum();
            long[] s = scores.getOrDefault(user.id(), new long[2]);
            HandoffCounts h = handoffs.getOrDefault(user.id(), HandoffCounts.NONE);
            Object[] c = closed.getOrDefault(user.id(), new Object[] {0L, BigDecimal.ZERO, 0L});
            long won = (Long) c[0];
            long lost = (Long) c[2];
            reps.add(new RepFigures(user.username(), interactions, types, s[0], s[0] == 0 ? null : (double) s[1] / s[0],
                    h.total(), h.accepted(), h.rejected(), h.pending(), ratio(h.accepted(), h.accepted() + h.rejected()),
                    h.medianDecisionHours(), won, money((BigDecimal) c[1]), lost, ratio(won, won + lost)));
        }
        return reps;
    }

    /** The changes into MQL of one edge of a period, by who made them, signed. */
    private static String intoMql(String edge) {
        return "select c.changed_by_id as user_id, " + DaySplit.sign(edge) + " as n from lead_status_change c"
                + " where " + SourceRows.into("c", LeadStatus.MQL) + " and " + DaySplit.edge("c.changed_at", edge);
    }

    /** The leads created in one edge of a period, by who created them, signed. */
    private static String createdLeads(String edge) {
        return "select l.created_by_id as user_id, " + DaySplit.sign(edge) + " as n from lead l where "
                + DaySplit.edge("l.created_at", edge);
    }

    public List<MarketerFigures> marketers(Instant from, Instant to) {
        Map<String, Object> period = period(from, to, null);
        Map<Long, Long> created = new HashMap<>();
        DaySplit.of(from, to).addTo(period);
        jdbc.sql("select x.user_id, sum(x.n) as n from (select d.created_by_id as user_id, d.leads as n from lead_day d"
                        + " where d.utc_day >= :d0 and d.utc_day < :d1"
                        + " union all " + createdLeads("h") + " union all " + createdLeads("t")
                        + ") x group by x.user_id")
                .params(period)
                .query(rs -> {
                    created.put(rs.getLong("user_id"), rs.getLong("n"));
                });
        Map<Long, Long> mqls = new HashMap<>();
        jdbc.sql("select x.user_id, sum(x.n) as n from (select d.changed_by_id as user_id, d.changes as n"
                        + " from status_change_day d where d.utc_day >= :d0 and d.utc_day < :d1 and "
                        + SourceRows.into("d", LeadStatus.MQL)
                        + " union all " + intoMql("h") + " union all " + intoMql("t")
                        + ") x group by x.user_id")
                .params(period)
                .query(rs -> {
                    mqls.put(rs.getLong("user_id"), rs.getLong("n"));
                });
        Map<Long, HandoffCounts> handoffs = handoffsBy("from_user_id", from, to, false);
        List<MarketerFigures> marketers = new ArrayList<>();
        for (User user : usersWithRole("MARKETING")) {
            HandoffCounts h = handoffs.getOrDefault(user.id(), HandoffCounts.NONE);
            marketers.add(new MarketerFigures(user.username(), created.getOrDefault(user.id(), 0L),
                    mqls.getOrDefault(user.id(), 0L), h.total(), h.accepted(), h.rejected(), h.pending(),
                    ratio(h.accepted(), h.accepted() + h.rejected()), h.won()));
        }
        return marketers;
    }

    // ---- handoffs -----------------------------------------------------------------------------

    /**
     * The period's handoff figures: counts by state and reason from handoff_day (decision 040), the median
     * decision time from handoff_decision_day and its middle value(s), and the overdue ones — pending and created
     * before {@code overdueBefore} — from the rows: one range of ix_handoff_state (state, created_at, id), and
     * pending handoffs are only the recent few.
     */
    public HandoffFigures handoffs(Instant from, Instant to, Instant overdueBefore, int slaHours) {
        Map<String, Object> split = period(from, to, null);
        DaySplit.of(from, to).addTo(split);
        Map<String, Long> byReason = new HashMap<>();
        long[] counts = new long[4];
        jdbc.sql(handoffDays("x.state, x.reason_code", false))
                .params(split)
                .query(rs -> {
                    long n = rs.getLong("n");
                    counts[0] += n;
                    switch (rs.getString("state")) {
                        case "ACCEPTED" -> counts[1] += n;
                        case "REJECTED" -> {
                            counts[2] += n;
                            byReason.merge(rs.getString("reason_code"), n, Long::sum);
                        }
                        default -> counts[3] += n;
                    }
                });
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (String reason : REASONS) {
            long found = byReason.getOrDefault(reason, 0L);
            if (found > 0) {
                reasons.put(reason, found);
            }
        }
        Map<String, Object> period = period(from, to, null);
        period.put("overdueBefore", OffsetDateTime.ofInstant(overdueBefore, ZoneOffset.UTC));
        long overdue = jdbc.sql("select count(*) from handoff h where " + SourceRows.pendingHandoff("h") + " and h.created_at >= :from"
                        + " and h.created_at < :to and h.created_at < :overdueBefore")
                .params(period)
                .query(Long.class)
                .single();
        Double median = medianDecisionHours(decisionHistogram(split, false).get(0L), null, from, to);
        return new HandoffFigures(counts[0], counts[1], counts[2], counts[3], ratio(counts[1], counts[1] + counts[2]),
                median, slaHours, overdue, reasons);
    }

    // ---- channels -----------------------------------------------------------------------------

    public List<ChannelFigures> channels(Instant from, Instant to, LocalDate fromDate, LocalDate toDate) {
        Map<String, Object> period = period(from, to, null);
        Map<String, long[]> cohort = new HashMap<>();
        Map<String, Object> split = new HashMap<>(period);
        DaySplit.of(from, to).addTo(split);
        jdbc.sql(cohort(false))
                .params(split)
                .query(rs -> {
                    long[] c = cohort.computeIfAbsent(rs.getString("channel_code"), k -> new long[2]);
                    c[0] += rs.getLong("leads");
                    if (rs.getInt("max_status_rank") >= 1) {
                        c[1] += rs.getLong("leads");
                    }
                });
        Map<String, Object[]> customers = new HashMap<>();
        // the customers (first change into WON in the period, lead.first_won_at) and all their purchases
        // (lead.revenue, kept by the lead feature from the purchase feature's write path, decision 048): one
        // index-only range of ix_lead_first_won
        jdbc.sql("select l.channel_code as channel, count(*) as n, coalesce(sum(l.revenue), 0) as revenue from lead l"
                        + " where l.first_won_at >= :from and l.first_won_at < :to group by l.channel_code")
                .params(period)
                .query(rs -> {
                    customers.put(rs.getString("channel"), new Object[] {rs.getLong("n"), rs.getBigDecimal("revenue")});
                });
        Map<String, BigDecimal> spend = new HashMap<>();
        jdbc.sql("select s.channel_code as channel, sum(s.amount) as amount from marketing_spend s"
                        + " where s.spend_month >= :fromDate and s.spend_month <= :toDate group by s.channel_code")
                .param("fromDate", fromDate)
                .param("toDate", toDate)
                .query(rs -> {
                    spend.put(rs.getString("channel"), rs.getBigDecimal("amount"));
                });
        return jdbc.sql("select c.code, c.kind from channel c order by c.code")
                .query((rs, n) -> {
                    String code = rs.getString("code");
                    long[] co = cohort.getOrDefault(code, new long[2]);
                    Object[] cu = customers.getOrDefault(code, new Object[] {0L, BigDecimal.ZERO});
                    long buyers = (Long) cu[0];
                    BigDecimal revenue = (BigDecimal) cu[1];
                    BigDecimal spent = spend.getOrDefault(code, BigDecimal.ZERO);
                    return new ChannelFigures(code, rs.getString("kind"), co[0], co[1], buyers, money(spent),
                            perUnit(spent, co[0]), perUnit(spent, buyers), money(revenue), perUnit(revenue, buyers),
                            buyers == 0 || spent.signum() == 0 ? null
                                    : revenue.divide(spent, MathContext.DECIMAL64).doubleValue());
                })
                .list();
    }

    // ---- repeat purchases ---------------------------------------------------------------------

    public RepeatPurchases repeatPurchases(LocalDate fromDate, LocalDate toDate) {
        return jdbc.sql("select count(*) as buyers,"
                        + " coalesce(sum(case when b.n = 1 then 1 else 0 end), 0) as h1,"
                        + " coalesce(sum(case when b.n = 2 then 1 else 0 end), 0) as h2,"
                        + " coalesce(sum(case when b.n = 3 then 1 else 0 end), 0) as h3,"
                        + " coalesce(sum(case when b.n = 4 then 1 else 0 end), 0) as h4,"
                        + " coalesce(sum(case when b.n >= 5 then 1 else 0 end), 0) as h5,"
                        + " coalesce(sum(b.revenue), 0) as revenue,"
                        + " coalesce(sum(case when b.n >= 2 then b.revenue else 0 end), 0) as repeat_revenue"
                        + " from (select p.lead_id, count(*) as n, sum(p.amount) as revenue from purchase p"
                        + " where p.purchased_on >= :fromDate and p.purchased_on <= :toDate group by p.lead_id) b")
                .param("fromDate", fromDate)
                .param("toDate", toDate)
                .query((rs, n) -> {
                    Map<String, Long> histogram = new LinkedHashMap<>();
                    for (int i = 1; i <= 5; i++) {
                        histogram.put(i == 5 ? "5+" : Integer.toString(i), rs.getLong("h" + i));
                    }
                    long oneTime = rs.getLong("h1");
                    long buyers = rs.getLong("buyers");
                    BigDecimal revenue = rs.getBigDecimal("revenue");
                    BigDecimal repeatRevenue = rs.getBigDecimal("repeat_revenue");
                    return new RepeatPurchases(buyers, oneTime, buyers - oneTime, histogram, money(revenue),
                            revenue.signum() == 0 ? null
                                    : repeatRevenue.divide(revenue, MathContext.DECIMAL64).doubleValue());
                })
                .single();
    }

    // ---- volume -------------------------------------------------------------------------------

    /**
     * Per bucket ({@code starts[i]} .. {@code starts[i + 1]}, the last ending at {@code end}): leads
     * created, changes into MQL and first changes into WON. The buckets are a derived table; each
     * figure is a scalar subquery per bucket, so each is one index range whatever the plan: leads and
     * MQLs from the day rollups for the bucket's whole UTC days plus the rows of its partial first
     * and last day (decision 017), first changes into WON from lead.first_won_at.
     */
    public List<VolumeBucket> volume(List<LocalDate> startDates, List<Instant> starts, Instant end) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder buckets = new StringBuilder();
        for (int i = 0; i < starts.size(); i++) {
            DaySplit split = DaySplit.of(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : end);
            Map<String, Object> own = new HashMap<>();
            split.addTo(own);
            buckets.append(i == 0 ? "select " : " union all select ").append(i).append(" as i");
            for (String day : List.of("d0", "d1")) {
                buckets.append(", cast(:").append(day).append('_').append(i).append(" as bigint) as ").append(day);
                params.put(day + "_" + i, own.get(day));
            }
            for (String edge : List.of("h0", "h1", "t0", "t1")) {
                buckets.append(", cast(:").append(edge).append('_').append(i)
                        .append(" as timestamp with time zone) as ").append(edge);
                params.put(edge + "_" + i, own.get(edge));
            }
            buckets.append(", cast(:s_").append(i).append(" as timestamp with time zone) as s")
                    .append(", cast(:e_").append(i).append(" as timestamp with time zone) as e");
            params.put("s_" + i, OffsetDateTime.ofInstant(starts.get(i), ZoneOffset.UTC));
            params.put("e_" + i, OffsetDateTime.ofInstant(i + 1 < starts.size() ? starts.get(i + 1) : end,
                    ZoneOffset.UTC));
            for (String sign : List.of("hs", "ts")) {
                buckets.append(", cast(:").append(sign).append('_').append(i).append(" as integer) as ").append(sign);
                params.put(sign + "_" + i, own.get(sign));
            }
        }
        String leadsIn = "b.%ss * (select count(*) from lead l where l.created_at >= b.%<s0 and l.created_at < b.%<s1)";
        String mqlsIn = "b.%ss * (select count(*) from lead_status_change c where "
                + SourceRows.into("c", LeadStatus.MQL) + " and c.changed_at >= b.%<s0 and c.changed_at < b.%<s1)";
        List<VolumeBucket> series = new ArrayList<>();
        jdbc.sql("select b.i,"
                        + " (select coalesce(sum(d.leads), 0) from lead_day d where d.utc_day >= b.d0 and d.utc_day < b.d1)"
                        + " + " + leadsIn.formatted("h") + " + " + leadsIn.formatted("t") + " as leads,"
                        + " (select coalesce(sum(d.changes), 0) from status_change_day d where d.utc_day >= b.d0"
                        + " and d.utc_day < b.d1 and " + SourceRows.into("d", LeadStatus.MQL) + ")"
                        + " + " + mqlsIn.formatted("h") + " + " + mqlsIn.formatted("t") + " as mqls,"
                        + " (select count(*) from lead l where l.first_won_at >= b.s and l.first_won_at < b.e) as won"
                        + " from (" + buckets + ") b order by b.i")
                .params(params)
                .query(rs -> {
                    int i = rs.getInt("i");
                    series.add(new VolumeBucket(startDates.get(i), rs.getLong("leads"), rs.getLong("mqls"),
                            rs.getLong("won")));
                });
        return series;
    }

    // ---- stalled ------------------------------------------------------------------------------

    /**
     * Open leads whose last activity (creation, status change, held interaction) lies before
     * {@code cutoff}. The lead's last_activity_at (the later of status_changed_at, set at creation
     * and at every change, and last_interaction_at, kept by the interactions feature) holds it, so no
     * history is read; the 100 longest-stalled are the first 100 of each open status in the
     * (status, last_activity_at, id) index, merged. The counts come from lead_activity_day (V33, kept by the
     * statistics feature since decision 039); the rows are read with the same fragment as its definition,
     * {@link SourceRows#lastActivity}.
     */
    public Stalled stalled(Instant cutoff, int days) {
        return stalled(cutoff, days, true);
    }

    /** {@code withLeads}: also the 100 longest idle (without, the list is empty and not read). */
    public Stalled stalled(Instant cutoff, int days, boolean withLeads) {
        String activity = SourceRows.lastActivity("l");
        Map<String, Object> params = Map.of("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
        // the whole UTC days before the cutoff's day from lead_activity_day, the cutoff's day from the
        // leads: the part before the cutoff added, or (past noon) the whole day counted and the part
        // from the cutoff taken away — at most 12 hours of leads, one index range per status
        long day = Math.floorDiv(cutoff.getEpochSecond(), DaySplit.DAY);
        Instant dayStart = Instant.ofEpochSecond(day * DaySplit.DAY);
        boolean addPart = cutoff.getEpochSecond() - dayStart.getEpochSecond() <= DaySplit.DAY / 2;
        Map<String, Object> counts = new HashMap<>();
        counts.put("endDay", addPart ? day : day + 1);
        counts.put("e0", OffsetDateTime.ofInstant(addPart ? dayStart : cutoff, ZoneOffset.UTC));
        counts.put("e1", OffsetDateTime.ofInstant(addPart ? cutoff : dayStart.plusSeconds(DaySplit.DAY), ZoneOffset.UTC));
        counts.put("sign", addPart ? 1 : -1);
        String part = OPEN.stream()
                .map(status -> " union all select l.status, cast(:sign as integer) as n from lead l where l.status = '"
                        + status + "' and " + activity + " >= :e0 and " + activity + " < :e1")
                .collect(Collectors.joining());
        Map<String, Long> found = new HashMap<>();
        jdbc.sql("select x.status, sum(x.n) as n from (select d.status, d.leads as n from lead_activity_day d"
                        + " where d.utc_day < :endDay" + part + ") x group by x.status")
                .params(counts)
                .query(rs -> {
                    found.put(rs.getString("status"), rs.getLong("n"));
                });
        Map<String, Long> byStatus = new LinkedHashMap<>();
        OPEN.forEach(s -> byStatus.put(s, found.getOrDefault(s, 0L)));
        if (!withLeads) {
            return new Stalled(days, byStatus, List.of());
        }
        StringBuilder perStatus = new StringBuilder();
        for (int i = 0; i < OPEN.size(); i++) {
            perStatus.append(i == 0 ? "" : " union all ")
                    .append("select * from (select l.id, l.name, l.status, l.owner_id, ").append(activity)
                    .append(" as last_activity_at from lead l")
                    .append(" where l.status = '").append(OPEN.get(i)).append("' and ").append(activity).append(" < :cutoff")
                    // the status (constant here) leads the order as it leads the index: H2 then reads the
                    // index in order and stops after 100 rows; ordered by the last two columns only, it read
                    // the status's whole range and sorted it (8,697 rows for NEW at 100,000 leads)
                    .append(" order by l.status, ").append(activity).append(", l.id fetch first 100 rows only) s").append(i);
        }
        List<StalledLead> leads = jdbc.sql("select s.id, s.name, s.status, o.username, s.last_activity_at as last_at"
                        + " from (" + perStatus + ") s join app_user o on o.id = s.owner_id"
                        + " order by s.last_activity_at, s.id fetch first 100 rows only")
                .params(params)
                .query((rs, n) -> new StalledLead(rs.getLong("id"), rs.getString("name"), rs.getString("status"),
                        rs.getString("username"), rs.getObject("last_at", OffsetDateTime.class).toInstant()))
                .list();
        return new Stalled(days, byStatus, leads);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static Map<String, Object> period(Instant from, Instant to, String channel) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        params.put("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        params.put("channel", channel);
        return params;
    }

    static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    private static Double hours(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value / 3600.0;
    }

    private static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }

    /** Money per unit (cost per lead, per customer, revenue per customer), rounded to cents; null per nothing. */
    private static BigDecimal perUnit(BigDecimal amount, long units) {
        return units == 0 ? null : amount.divide(BigDecimal.valueOf(units), 2, RoundingMode.HALF_UP);
    }

    /** Leads, interactions, and user accounts by whether they are active (four counts, one statement). */
    public app.ponte.stats.DataCounts dataCounts() {
        return jdbc.sql("select (select count(*) from lead) as leads, (select count(*) from interaction) as interactions,"
                        + " (select count(*) from app_user where active) as active_users,"
                        + " (select count(*) from app_user where not active) as inactive_users")
                .query((rs, n) -> new app.ponte.stats.DataCounts(rs.getLong("leads"), rs.getLong("interactions"),
                        rs.getLong("active_users"), rs.getLong("inactive_users")))
                .single();
    }
}
