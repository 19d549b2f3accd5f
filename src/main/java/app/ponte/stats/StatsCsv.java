package app.ponte.stats;

import app.ponte.base.CsvWriter;
import app.ponte.handoff.RejectReason;
import app.ponte.interaction.InteractionType;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CSV form of every statistics table (docs/export.md): the same records as the JSON of
 * metrics.md, one row per entry of the table, snake_case columns in a fixed order. A map with a
 * fixed key set (interactions by type, rejection reasons, the purchase histogram) becomes one
 * column per key, so the header never depends on the data. Ratios stay unrounded, as in the API.
 */
public final class StatsCsv {

    public static final List<String> FUNNEL = List.of("status", "reached", "conversion", "lost");
    public static final List<String> STAGE_DURATIONS = List.of("status", "count", "mean_days", "median_days");
    /** The first row, {@code channel} = {@value #ALL}, is the overall figure. */
    public static final List<String> TIME_TO_CUSTOMER = List.of("channel", "count", "mean_days", "median_days");
    public static final List<String> REPS = Stream.of(
            Stream.of("username", "interactions"),
            Arrays.stream(InteractionType.values()).map(t -> "interactions_" + t.name().toLowerCase(Locale.ROOT)),
            Stream.of("scored_interactions", "avg_outcome", "handoffs_received", "accepted", "rejected", "pending",
                    "acceptance_rate", "median_decision_hours", "won", "won_value", "lost_from_opportunity",
                    "win_rate"))
            .flatMap(s -> s).toList();
    public static final List<String> MARKETERS = List.of("username", "leads_created", "mqls", "handoffs_sent",
            "accepted", "rejected", "pending", "acceptance_rate", "handoffs_won");
    public static final List<String> HANDOFFS = Stream.concat(
            Stream.of("sent", "accepted", "rejected", "pending", "acceptance_rate", "median_decision_hours",
                    "sla_hours", "overdue_pending"),
            Arrays.stream(RejectReason.values()).map(r -> "rejected_" + r.name().toLowerCase(Locale.ROOT)))
            .toList();
    public static final List<String> CHANNELS = List.of("channel", "kind", "leads", "mqls", "customers", "spend",
            "cpl", "cac", "revenue", "ltv", "ltv_to_cac");
    public static final List<String> REPEAT_PURCHASES = List.of("buyers", "one_time", "repeat", "buyers_1",
            "buyers_2", "buyers_3", "buyers_4", "buyers_5_plus", "revenue", "repeat_revenue_share");
    public static final List<String> VOLUME = List.of("start", "leads", "mqls", "won");
    public static final List<String> STALLED = List.of("id", "name", "status", "owner", "last_activity_at");

    /** The {@code channel} of the overall row of time to customer. */
    public static final String ALL = "ALL";

    private static final List<String> HISTOGRAM_KEYS = List.of("1", "2", "3", "4", "5+");

    private StatsCsv() {
    }

    /** One row per status NEW..WON; {@code lost} is empty for WON. */
    public static void write(Funnel funnel, OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, FUNNEL);
        funnel.steps().forEach(s -> csv.row(s.status(), s.reached(), s.conversion(), funnel.lost().get(s.status())));
        csv.flush();
    }

    public static void write(StageDurations durations, OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, STAGE_DURATIONS);
        durations.statuses().forEach(s -> csv.row(s.status(), s.count(), s.meanDays(), s.medianDays()));
        csv.flush();
    }

    public static void write(TimeToCustomer time, OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, TIME_TO_CUSTOMER);
        DurationFigures overall = time.overall();
        csv.row(ALL, overall.count(), overall.meanDays(), overall.medianDays());
        time.channels().forEach(c -> csv.row(c.channel(), c.count(), c.meanDays(), c.medianDays()));
        csv.flush();
    }

    public static void write(Reps reps, OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, REPS);
        for (RepFigures r : reps.reps()) {
            List<Object> cells = new ArrayList<>(List.of(r.username(), r.interactions()));
            for (InteractionType type : InteractionType.values()) {
                cells.add(r.interactionsByType().getOrDefault(type.name(), 0L));
            }
            cells.addAll(Arrays.asList(r.scoredInteractions(), r.avgOutcome(), r.handoffsReceived(), r.accepted(),
                    r.rejected(), r.pending(), r.acceptanceRate(), r.medianDecisionHours(), r.won(), r.wonValue(),
                    r.lostFromOpportunity(), r.winRate()));
            csv.row(cells);
        }
        csv.flush();
    }

    public static void write(Marketers marketers, OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, MARKETERS);
        marketers.marketers().forEach(m -> csv.row(m.username(), m.leadsCreated(), m.mqls(), m.handoffsSent(),
                m.accepted(), m.rejected(), m.pending(), m.acceptanceRate(), m.handoffsWon()));
        csv.flush();
    }

    /** One row: the period's handoff figures, then a count per rejection reason (0 when none). */
    public static void write(HandoffFigures h, OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, HANDOFFS);
        List<Object> cells = new ArrayList<>(Arrays.asList(h.sent(), h.accepted(), h.rejected(), h.pending(),
                h.acceptanceRate(), h.medianDecisionHours(), h.slaHours(), h.overduePending()));
        for (RejectReason reason : RejectReason.values()) {
            cells.add(h.rejectionReasons().getOrDefault(reason.name(), 0L));
        }
        csv.row(cells).flush();
    }

    public static void write(ChannelEconomics economics, OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, CHANNELS);
        economics.channels().forEach(c -> csv.row(c.channel(), c.kind(), c.leads(), c.mqls(), c.customers(),
                c.spend(), c.cpl(), c.cac(), c.revenue(), c.ltv(), c.ltvToCac()));
        csv.flush();
    }

    /** One row: buyers, the histogram as one column per bucket, revenue and the repeat share. */
    public static void write(RepeatPurchases r, OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, REPEAT_PURCHASES);
        List<Object> cells = new ArrayList<>(List.of(r.buyers(), r.oneTime(), r.repeat()));
        Map<String, Long> histogram = r.histogram();
        HISTOGRAM_KEYS.forEach(k -> cells.add(histogram.getOrDefault(k, 0L)));
        cells.addAll(Arrays.asList(r.revenue(), r.repeatRevenueShare()));
        csv.row(cells).flush();
    }

    public static void write(Volume volume, OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, VOLUME);
        volume.series().forEach(b -> csv.row(b.start(), b.leads(), b.mqls(), b.won()));
        csv.flush();
    }

    /** The stalled leads (the longest-stalled first, at most the API's 100). */
    public static void write(Stalled stalled, OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, STALLED);
        stalled.leads().forEach(l -> csv.row(l.id(), l.name(), l.status(), l.owner(), l.lastActivityAt()));
        csv.flush();
    }
}
