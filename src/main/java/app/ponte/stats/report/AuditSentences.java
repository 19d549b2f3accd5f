package app.ponte.stats.report;

import app.ponte.stats.ChannelFigures;
import app.ponte.stats.Funnel;
import app.ponte.stats.FunnelStep;
import app.ponte.stats.MarketerFigures;
import app.ponte.stats.Period;
import app.ponte.stats.RepFigures;
import app.ponte.stats.RepeatPurchases;
import app.ponte.stats.TimeToCustomer;
import app.ponte.stats.Volume;
import app.ponte.stats.VolumeBucket;
import app.ponte.stats.ui.Figure;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one plain sentence of each audit section, computed from its figures (dashboards.md). Pure
 * functions of the figures and the texts: the page and the PDF call the same ones, and
 * {@code AuditSentencesTest} walks their cases. Plurals are the bundles' {@code choice} forms; numbers
 * and percentages are in the reader's locale.
 */
public final class AuditSentences {

    /** A change of the monthly average between the halves of the period smaller than this is "steady". */
    static final double STEADY = 0.10;
    /** The team keeps up when it decides at least this share of the handoffs it receives. */
    static final double KEEPS_UP = 0.90;
    /** The number of days of a month in capacity figures (metrics.md: a period's months = days / 30.4375). */
    static final double DAYS_PER_MONTH = 30.4375;

    private AuditSentences() {
    }

    /** Whether a volume trend rises, falls or holds between the first and the second half of the period. */
    enum Trend { RISING, FALLING, STEADY, NONE }

    /** Section 1: leads per month on average, and the trend. */
    public static String volume(Volume volume, Period period, ReportTexts t) {
        List<VolumeBucket> series = volume.series();
        long total = series.stream().mapToLong(VolumeBucket::leads).sum();
        if (total == 0) {
            return t.get("audit.empty.leads");
        }
        double average = (double) total / series.size();
        Trend trend = trend(series.stream().map(VolumeBucket::leads).toList());
        return t.get("audit.volume.sentence." + trend.name(), total, t.date(period.from()), t.date(period.to()),
                average, series.size(), change(series.stream().map(VolumeBucket::leads).toList()));
    }

    /** The trend of monthly counts: the second half's mean against the first half's (the middle month left out). */
    static Trend trend(List<Long> counts) {
        if (counts.size() < 2) {
            return Trend.NONE;
        }
        double change = change(counts);
        if (Double.isInfinite(change) || change >= STEADY) {
            return Trend.RISING;
        }
        return change <= -STEADY ? Trend.FALLING : Trend.STEADY;
    }

    /** (second half's mean − first half's mean) / first half's mean; infinite when the first half is 0. */
    static double change(List<Long> counts) {
        int half = counts.size() / 2;
        if (half == 0) {
            return 0;
        }
        double first = counts.subList(0, half).stream().mapToLong(Long::longValue).average().orElse(0);
        double second = counts.subList(counts.size() - half, counts.size()).stream().mapToLong(Long::longValue)
                .average().orElse(0);
        if (first == 0) {
            return second == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return (second - first) / first;
    }

    /** Section 2: how many become MQL, SQL, customers. */
    public static String funnel(Funnel funnel, ReportTexts t) {
        if (funnel.cohort() == 0) {
            return t.get("audit.empty.leads");
        }
        FunnelStep mql = step(funnel, "MQL");
        String period = t.get("audit.period", t.date(funnel.from()), t.date(funnel.to()));
        if (mql.reached() == 0) {
            return t.get("audit.funnel.sentence.no-mql", funnel.cohort(), period);
        }
        return t.get("audit.funnel.sentence", funnel.cohort(), period, percent(mql.conversion(), t),
                percent(step(funnel, "SQL").conversion(), t), percent(funnel.leadToCustomer(), t));
    }

    /** A span of the bridge where leads went no further: from one status to the next. */
    record Break(String from, String to, long reachedFrom, long wentNoFurther, double share, long lost) {
    }

    /**
     * Where the bridge breaks most: the step with the largest share of the leads that reached it and did
     * not reach the next (the earliest on a tie); empty when no lead reached a step it did not pass.
     */
    static Optional<Break> biggestBreak(Funnel funnel) {
        List<FunnelStep> steps = funnel.steps();
        Break worst = null;
        for (int i = 0; i + 1 < steps.size(); i++) {
            FunnelStep from = steps.get(i);
            FunnelStep to = steps.get(i + 1);
            if (from.reached() == 0) {
                continue;
            }
            long gone = from.reached() - to.reached();
            double share = (double) gone / from.reached();
            if (gone > 0 && (worst == null || share > worst.share())) {
                worst = new Break(from.status(), to.status(), from.reached(), gone, share,
                        funnel.lost().getOrDefault(from.status(), 0L));
            }
        }
        return Optional.ofNullable(worst);
    }

    /** Section 3: where the bridge breaks, the biggest loss named. */
    public static String breaks(Funnel funnel, ReportTexts t) {
        if (funnel.cohort() == 0) {
            return t.get("audit.empty.leads");
        }
        return biggestBreak(funnel)
                .map(b -> t.get("audit.breaks.sentence", t.status(b.from()), t.status(b.to()), percent(b.share(), t),
                        b.reachedFrom(), b.lost()))
                .orElseGet(() -> t.get("audit.breaks.sentence.none"));
    }

    /** Section 4: time from prospect to customer, the fastest and slowest channel named. */
    public static String timeToCustomer(TimeToCustomer time, Function<String, String> channelName, ReportTexts t) {
        var overall = time.overall();
        if (overall.count() == 0) {
            return t.get("audit.time.sentence.none");
        }
        var timed = time.channels().stream().filter(c -> c.medianDays() != null).toList();
        if (timed.size() < 2) {
            return t.get("audit.time.sentence", overall.count(), overall.medianDays(), overall.meanDays());
        }
        var fastest = timed.stream().min(Comparator.comparing(c -> c.medianDays())).orElseThrow();
        var slowest = timed.stream().max(Comparator.comparing(c -> c.medianDays())).orElseThrow();
        return t.get("audit.time.sentence.channels", overall.count(), overall.medianDays(), overall.meanDays(),
                channelName.apply(fastest.channel()), fastest.medianDays(), channelName.apply(slowest.channel()),
                slowest.medianDays());
    }

    /** A channel's share of its leads that reached MQL; null without leads. */
    static Double mqlShare(ChannelFigures c) {
        return c.leads() == 0 ? null : (double) c.mqls() / c.leads();
    }

    /** The channels with leads, ranked: the highest MQL share first, then the most leads, then by code. */
    static List<ChannelFigures> ranked(List<ChannelFigures> channels) {
        return channels.stream().filter(c -> c.leads() > 0)
                .sorted(Comparator.comparing(AuditSentences::mqlShare, Comparator.reverseOrder())
                        .thenComparing(ChannelFigures::leads, Comparator.reverseOrder())
                        .thenComparing(ChannelFigures::channel))
                .toList();
    }

    /** Section 5: which channel brings the most leads, which qualifies best and which worst. */
    public static String channels(List<ChannelFigures> channels, Function<String, String> channelName, ReportTexts t) {
        List<ChannelFigures> ranked = ranked(channels);
        if (ranked.isEmpty()) {
            return t.get("audit.empty.leads");
        }
        ChannelFigures most = ranked.stream().max(Comparator.comparing(ChannelFigures::leads)
                .thenComparing(ChannelFigures::channel, Comparator.reverseOrder())).orElseThrow();
        if (ranked.size() == 1) {
            return t.get("audit.channels.sentence.one", most.leads(), channelName.apply(most.channel()),
                    percent(mqlShare(most), t));
        }
        ChannelFigures best = ranked.getFirst();
        ChannelFigures worst = ranked.getLast();
        return t.get("audit.channels.sentence", channelName.apply(most.channel()), most.leads(),
                channelName.apply(best.channel()), percent(mqlShare(best), t), channelName.apply(worst.channel()),
                percent(mqlShare(worst), t));
    }

    /** The capacity figures of a period: handoffs received and decided per salesperson per month. */
    public record Capacity(long received, long decided, long pending, int salespeople, double months) {

        public static Capacity of(List<RepFigures> reps, Period period) {
            long days = period.to().toEpochDay() - period.from().toEpochDay() + 1;
            return new Capacity(reps.stream().mapToLong(RepFigures::handoffsReceived).sum(),
                    reps.stream().mapToLong(r -> r.accepted() + r.rejected()).sum(),
                    reps.stream().mapToLong(RepFigures::pending).sum(), reps.size(), days / DAYS_PER_MONTH);
        }

        /** Handoffs received per salesperson per month; null without salespeople. */
        public Double receivedPerPersonMonth() {
            return salespeople == 0 ? null : received / (double) salespeople / months;
        }

        public Double decidedPerPersonMonth() {
            return salespeople == 0 ? null : decided / (double) salespeople / months;
        }

        public boolean keepsUp() {
            return decided >= KEEPS_UP * received;
        }
    }

    /** Section 7: are there enough leads for the sales team, and does it keep up with them. */
    public static String capacity(Capacity c, ReportTexts t) {
        if (c.salespeople() == 0) {
            return t.get("audit.capacity.sentence.no-salespeople");
        }
        if (c.received() == 0) {
            return t.get("audit.capacity.sentence.no-handoffs", c.salespeople());
        }
        return t.get(c.keepsUp() ? "audit.capacity.sentence.keeps-up" : "audit.capacity.sentence.behind",
                c.receivedPerPersonMonth(), c.decidedPerPersonMonth(), c.pending(), c.salespeople());
    }

    /** Section 8: who closed the most deals, who brought the most leads. */
    public static String members(List<RepFigures> reps, List<MarketerFigures> marketers, ReportTexts t) {
        Optional<RepFigures> closer = reps.stream().filter(r -> r.won() > 0)
                .max(Comparator.comparing(RepFigures::won)
                        .thenComparing(r -> r.winRate() == null ? 0 : r.winRate())
                        .thenComparing(RepFigures::username, Comparator.reverseOrder()));
        Optional<MarketerFigures> creator = marketers.stream().filter(m -> m.leadsCreated() > 0)
                .max(Comparator.comparing(MarketerFigures::leadsCreated)
                        .thenComparing(MarketerFigures::mqls)
                        .thenComparing(MarketerFigures::username, Comparator.reverseOrder()));
        if (closer.isPresent() && creator.isPresent()) {
            RepFigures r = closer.get();
            MarketerFigures m = creator.get();
            return t.get("audit.members.sentence", r.username(), r.won(), percent(r.winRate(), t), m.username(),
                    m.leadsCreated(), m.mqls());
        }
        if (closer.isPresent()) {
            RepFigures r = closer.get();
            return t.get("audit.members.sentence.rep", r.username(), r.won(), percent(r.winRate(), t));
        }
        if (creator.isPresent()) {
            MarketerFigures m = creator.get();
            return t.get("audit.members.sentence.marketer", m.username(), m.leadsCreated(), m.mqls());
        }
        return t.get("audit.members.sentence.none");
    }

    /** Section 9: one-time and repeat buyers, and the repeat buyers' share of the revenue. */
    public static String repeatBuyers(RepeatPurchases r, ReportTexts t) {
        if (r.buyers() == 0) {
            return t.get("audit.repeat.sentence.none");
        }
        if (r.repeatRevenueShare() == null) {
            return t.get("audit.repeat.sentence", r.buyers(), r.repeat());
        }
        return t.get("audit.repeat.sentence.revenue", r.buyers(), r.repeat(), percent(r.repeatRevenueShare(), t));
    }

    static FunnelStep step(Funnel funnel, String status) {
        return funnel.steps().stream().filter(s -> s.status().equals(status)).findFirst().orElseThrow();
    }

    static String percent(Double ratio, ReportTexts t) {
        return Figure.text(Figure.Kind.RATIO, ratio, t.locale(), null);
    }

    /** Histogram keys in order (metrics.md). */
    static final List<String> HISTOGRAM = List.of("1", "2", "3", "4", "5+");

    static long histogram(Map<String, Long> histogram, String key) {
        return histogram.getOrDefault(key, 0L);
    }
}
