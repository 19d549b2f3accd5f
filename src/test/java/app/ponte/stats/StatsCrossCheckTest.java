package app.ponte.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.ponte.PonteTest;
import app.ponte.dataimport.ImportKind;
import app.ponte.dataimport.ImportProgress;
import app.ponte.dataimport.ImportResult;
import app.ponte.dataimport.ImportService;
import app.ponte.lead.LeadStatus;
import app.ponte.security.Role;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 8, "figures agree with an independent computation": a realistic history of 3,000 leads
 * (recycled and reopened leads, losses from every status, handoffs accepted, rejected, pending and
 * queued, interactions, purchases, spend) is generated from a fixed seed, imported through the CSV
 * import, and every statistic of 2005 is computed a second time here, in Java, from the generated
 * model (never from the database), following metrics.md word by word. The year 2005 belongs to this
 * test alone; per-user and per-channel figures are compared for this test's people and channels.
 */
@PonteTest
@Tag("persistence")
class StatsCrossCheckTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Rome"); // ponte.zone of the tests
    private static final LocalDate FROM = LocalDate.of(2005, 1, 1);
    private static final LocalDate TO = LocalDate.of(2005, 12, 31);
    private static final Instant START = FROM.atStartOfDay(ZONE).toInstant();
    private static final Instant END = TO.plusDays(1).atStartOfDay(ZONE).toInstant();
    private static final Instant AS_OF = Instant.parse("2005-12-31T11:00:00Z");
    private static final List<LeadStatus> ORDERED = List.of(LeadStatus.NEW, LeadStatus.MQL, LeadStatus.SQL,
            LeadStatus.OPPORTUNITY, LeadStatus.WON);
    private static final List<LeadStatus> OPEN = ORDERED.subList(0, 4);
    private static final String[] TYPES = {"CALL", "VIDEO_CALL", "MEETING", "EMAIL", "OFFER"};
    private static final String[] REASONS = {"NOT_A_FIT", "NO_BUDGET", "NOT_READY"};

    record Change(LeadStatus from, LeadStatus to, Instant at, String by) {
    }

    record Lead(String ext, Instant created, String channel, String creator, BigDecimal value, List<Change> changes) {

        LeadStatus status() {
            return changes.isEmpty() ? LeadStatus.NEW : changes.getLast().to();
        }

        int maxRank() {
            return changes.stream().map(Change::to).filter(s -> s != LeadStatus.LOST).mapToInt(LeadStatus::rank)
                    .max().orElse(0);
        }

        Instant firstWon() {
            return changes.stream().filter(c -> c.to() == LeadStatus.WON).map(Change::at).findFirst().orElse(null);
        }
    }

    record Interaction(String lead, Instant at, String type, String user, Integer score) {
    }

    record Handoff(Lead lead, Instant created, String from, String to, String decision, Instant decided, String reason) {
    }

    record Purchase(Lead lead, LocalDate on, BigDecimal amount) {
    }

    @Autowired
    ImportService imports;

    @Autowired
    StatsService stats;

    @Autowired
    StatsFixture data;

    private final Random random = new Random(20081231L);
    private final List<Lead> leads = new ArrayList<>();
    private final List<Interaction> interactions = new ArrayList<>();
    private final List<Handoff> handoffs = new ArrayList<>();
    private final List<Purchase> purchases = new ArrayList<>();
    private final Map<String, Map<YearMonth, BigDecimal>> spend = new TreeMap<>();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void every_statistic_of_a_generated_year_agrees_with_an_independent_computation() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "xc-admin", null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()),
                        new SimpleGrantedAuthority(Role.MANAGER.authority()))));
        String p = StatsFixture.prefix().toLowerCase(Locale.ROOT);
        String P = p.toUpperCase(Locale.ROOT);
        List<String> marketers = List.of(p + "-m1", p + "-m2", p + "-m3");
        List<String> reps = List.of(p + "-r1", p + "-r2", p + "-r3", p + "-r4");
        List<String> channels = List.of(P + "_A", P + "_B", P + "_C");
        generate(p, marketers, reps, channels);
        load(marketers, reps, channels);

        Period period = new Period(FROM, TO);
        Predicate<Instant> inPeriod = at -> !at.isBefore(START) && at.isBefore(END);
        List<Lead> cohort = leads.stream().filter(l -> inPeriod.test(l.created())).toList();
        assertThat(cohort.size()).isBetween(2000, 2800);

        // ---- funnel, overall (2005 is this test's alone) and per channel ----
        checkFunnel(stats.funnel(period, null), cohort);
        for (String channel : channels) {
            checkFunnel(stats.funnel(period, channel), cohort.stream().filter(l -> l.channel().equals(channel)).toList());
        }

        // ---- stage durations: closed intervals of cohort leads, by the status they measure ----
        StageDurations durations = stats.stageDurations(period, null);
        for (LeadStatus status : OPEN) {
            List<Long> seconds = new ArrayList<>();
            for (Lead lead : cohort) {
                Instant entered = lead.created();
                for (Change change : lead.changes()) {
                    if (change.from() == status) {
                        seconds.add(Duration.between(entered, change.at()).toSeconds());
                    }
                    entered = change.at();
                }
            }
            StageDuration figure = durations.statuses().stream().filter(s -> s.status().equals(status.name()))
                    .findFirst().orElseThrow();
            assertThat(figure.count()).as("intervals of " + status).isEqualTo(seconds.size());
            assertClose(figure.meanDays(), mean(seconds, 86400.0), "mean days in " + status);
            assertClose(figure.medianDays(), median(seconds, 86400.0), "median days in " + status);
        }

        // ---- time to customer: cohort leads that reached WON, days to the first WON ----
        TimeToCustomer ttc = stats.timeToCustomer(period);
        List<Lead> customers = cohort.stream().filter(l -> l.firstWon() != null).toList();
        assertThat(ttc.overall().count()).isEqualTo(customers.size());
        List<Long> toWon = customers.stream().map(l -> Duration.between(l.created(), l.firstWon()).toSeconds()).toList();
        assertClose(ttc.overall().meanDays(), mean(toWon, 86400.0), "time to customer mean");
        assertClose(ttc.overall().medianDays(), median(toWon, 86400.0), "time to customer median");
        for (String channel : channels) {
            List<Long> days = customers.stream().filter(l -> l.channel().equals(channel))
                    .map(l -> Duration.between(l.created(), l.firstWon()).toSeconds()).toList();
            ChannelDuration figure = ttc.channels().stream().filter(c -> c.channel().equals(channel)).findFirst()
                    .orElseThrow();
            assertThat(figure.count()).isEqualTo(days.size());
            assertClose(figure.medianDays(), median(days, 86400.0), "time to customer median of " + channel);
        }

        // ---- reps ----
        Map<String, RepFigures> repFigures = new LinkedHashMap<>();
        stats.reps(period).reps().forEach(r -> repFigures.put(r.username(), r));
        for (String rep : reps) {
            RepFigures figure = repFigures.get(rep);
            List<Interaction> mine = interactions.stream().filter(i -> i.user().equals(rep) && inPeriod.test(i.at()))
                    .toList();
            assertThat(figure.interactions()).as(rep).isEqualTo(mine.size());
            Map<String, Long> byType = new TreeMap<>();
            mine.forEach(i -> byType.merge(i.type(), 1L, Long::sum));
            assertThat(new TreeMap<>(figure.interactionsByType())).isEqualTo(byType);
            List<Long> scores = mine.stream().filter(i -> i.score() != null).map(i -> (long) i.score()).toList();
            assertThat(figure.scoredInteractions()).isEqualTo(scores.size());
            assertClose(figure.avgOutcome(), mean(scores, 1.0), "average outcome of " + rep);
            List<Handoff> received = handoffs.stream().filter(h -> rep.equals(h.to()) && inPeriod.test(h.created()))
                    .toList();
            checkHandoffCounts(received, figure.handoffsReceived(), figure.accepted(), figure.rejected(),
                    figure.pending(), figure.acceptanceRate(), rep);
            assertClose(figure.medianDecisionHours(), median(decisionSeconds(received), 3600.0), "decision hours " + rep);
            List<Change> won = new ArrayList<>();
            BigDecimal wonValue = BigDecimal.ZERO;
            long lostFromOpportunity = 0;
            for (Lead lead : leads) {
                for (Change c : lead.changes()) {
                    if (c.by().equals(rep) && inPeriod.test(c.at())) {
                        if (c.to() == LeadStatus.WON) {
                            won.add(c);
                            wonValue = wonValue.add(lead.value() == null ? BigDecimal.ZERO : lead.value());
                        } else if (c.to() == LeadStatus.LOST && c.from() == LeadStatus.OPPORTUNITY) {
                            lostFromOpportunity++;
                        }
                    }
                }
            }
            assertThat(figure.won()).as("won by " + rep).isEqualTo(won.size());
            assertThat(figure.wonValue()).isEqualByComparingTo(wonValue);
            assertThat(figure.lostFromOpportunity()).isEqualTo(lostFromOpportunity);
            assertClose(figure.winRate(), ratio(won.size(), won.size() + lostFromOpportunity), "win rate " + rep);
        }

        // ---- marketers ----
        Map<String, MarketerFigures> marketerFigures = new LinkedHashMap<>();
        stats.marketers(period).marketers().forEach(m -> marketerFigures.put(m.username(), m));
        for (String marketer : marketers) {
            MarketerFigures figure = marketerFigures.get(marketer);
            assertThat(figure.leadsCreated()).isEqualTo(cohort.stream().filter(l -> l.creator().equals(marketer)).count());
            assertThat(figure.mqls()).isEqualTo(leads.stream().flatMap(l -> l.changes().stream())
                    .filter(c -> c.to() == LeadStatus.MQL && c.by().equals(marketer) && inPeriod.test(c.at())).count());
            List<Handoff> sent = handoffs.stream().filter(h -> h.from().equals(marketer) && inPeriod.test(h.created()))
                    .toList();
            checkHandoffCounts(sent, figure.handoffsSent(), figure.accepted(), figure.rejected(), figure.pending(),
                    figure.acceptanceRate(), marketer);
            assertThat(figure.handoffsWon()).isEqualTo(sent.stream().filter(h -> h.lead().maxRank() == 4).count());
        }

        // ---- handoffs of the period ----
        HandoffFigures handoffFigures = stats.handoffs(period, AS_OF);
        List<Handoff> ofPeriod = handoffs.stream().filter(h -> inPeriod.test(h.created())).toList();
        checkHandoffCounts(ofPeriod, handoffFigures.sent(), handoffFigures.accepted(), handoffFigures.rejected(),
                handoffFigures.pending(), handoffFigures.acceptanceRate(), "all");
        assertClose(handoffFigures.medianDecisionHours(), median(decisionSeconds(ofPeriod), 3600.0), "decision hours");
        assertThat(handoffFigures.overduePending()).isEqualTo(ofPeriod.stream().filter(h -> h.decision() == null
                && Duration.between(h.created(), AS_OF).toSeconds() > 24 * 3600).count());
        Map<String, Long> reasons = new TreeMap<>();
        ofPeriod.stream().filter(h -> "REJECTED".equals(h.decision())).forEach(h -> reasons.merge(h.reason(), 1L, Long::sum));
        assertThat(new TreeMap<>(handoffFigures.rejectionReasons())).isEqualTo(reasons);

        // ---- channels ----
        Map<String, ChannelFigures> channelFigures = new LinkedHashMap<>();
        stats.channels(period).channels().forEach(c -> channelFigures.put(c.channel(), c));
        for (String channel : channels) {
            ChannelFigures figure = channelFigures.get(channel);
            List<Lead> ofChannel = cohort.stream().filter(l -> l.channel().equals(channel)).toList();
            List<Lead> won = leads.stream().filter(l -> l.channel().equals(channel) && l.firstWon() != null
                    && inPeriod.test(l.firstWon())).toList();
            BigDecimal spent = spend.get(channel).entrySet().stream()
                    .filter(e -> !e.getKey().atDay(1).isBefore(FROM) && !e.getKey().atDay(1).isAfter(TO))
                    .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal revenue = purchases.stream().filter(x -> won.contains(x.lead())).map(Purchase::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(figure.leads()).as(channel).isEqualTo(ofChannel.size());
            assertThat(figure.mqls()).isEqualTo(ofChannel.stream().filter(l -> l.maxRank() >= 1).count());
            assertThat(figure.customers()).isEqualTo(won.size());
            assertThat(figure.spend()).isEqualByComparingTo(spent);
            assertThat(figure.cpl()).isEqualByComparingTo(spent.divide(BigDecimal.valueOf(ofChannel.size()), 2,
                    RoundingMode.HALF_UP));
            assertThat(figure.cac()).isEqualByComparingTo(spent.divide(BigDecimal.valueOf(won.size()), 2,
                    RoundingMode.HALF_UP));
            assertThat(figure.revenue()).isEqualByComparingTo(revenue);
            assertThat(figure.ltv()).isEqualByComparingTo(revenue.divide(BigDecimal.valueOf(won.size()), 2,
                    RoundingMode.HALF_UP));
            assertClose(figure.ltvToCac(), revenue.doubleValue() / spent.doubleValue(), "LTV:CAC of " + channel);
        }

        // ---- volume per month ----
        Volume volume = stats.volume(period, VolumeBucketKind.MONTH);
        assertThat(volume.series()).hasSize(12);
        for (VolumeBucket bucket : volume.series()) {
            Instant from = bucket.start().atStartOfDay(ZONE).toInstant();
            Instant to = bucket.start().plusMonths(1).atStartOfDay(ZONE).toInstant();
            Predicate<Instant> in = at -> !at.isBefore(from) && at.isBefore(to);
            assertThat(bucket.leads()).as("leads of " + bucket.start())
                    .isEqualTo(leads.stream().filter(l -> in.test(l.created())).count());
            assertThat(bucket.mqls()).isEqualTo(leads.stream().flatMap(l -> l.changes().stream())
                    .filter(c -> c.to() == LeadStatus.MQL && in.test(c.at())).count());
            assertThat(bucket.won()).isEqualTo(leads.stream().filter(l -> l.firstWon() != null && in.test(l.firstWon()))
                    .count());
        }

        // ---- repeat purchases dated in the period ----
        RepeatPurchases repeat = stats.repeatPurchases(period);
        Map<Lead, List<Purchase>> byBuyer = new LinkedHashMap<>();
        purchases.stream().filter(x -> !x.on().isBefore(FROM) && !x.on().isAfter(TO))
                .forEach(x -> byBuyer.computeIfAbsent(x.lead(), k -> new ArrayList<>()).add(x));
        assertThat(repeat.buyers()).isEqualTo(byBuyer.size());
        assertThat(repeat.repeat()).isEqualTo(byBuyer.values().stream().filter(l -> l.size() >= 2).count());
        assertThat(repeat.oneTime()).isEqualTo(byBuyer.values().stream().filter(l -> l.size() == 1).count());
        Map<String, Long> histogram = new LinkedHashMap<>();
        for (String key : List.of("1", "2", "3", "4", "5+")) {
            histogram.put(key, byBuyer.values().stream().filter(l -> key.equals(l.size() >= 5 ? "5+" : "" + l.size()))
                    .count());
        }
        assertThat(repeat.histogram()).isEqualTo(histogram);
        BigDecimal revenue = byBuyer.values().stream().flatMap(List::stream).map(Purchase::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal repeatRevenue = byBuyer.values().stream().filter(l -> l.size() >= 2).flatMap(List::stream)
                .map(Purchase::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(repeat.revenue()).isEqualByComparingTo(revenue);
        assertClose(repeat.repeatRevenueShare(), repeatRevenue.doubleValue() / revenue.doubleValue(), "repeat share");
    }

    // ---- the independent computations' helpers ---------------------------------------------------

    private static void checkFunnel(Funnel funnel, List<Lead> cohort) {
        assertThat(funnel.cohort()).isEqualTo(cohort.size());
        long previous = cohort.size();
        for (int rank = 0; rank < ORDERED.size(); rank++) {
            final int r = rank;
            long reached = cohort.stream().filter(l -> l.maxRank() >= r).count();
            FunnelStep step = funnel.steps().get(rank);
            assertThat(step.status()).isEqualTo(ORDERED.get(rank).name());
            assertThat(step.reached()).as("reached " + step.status()).isEqualTo(reached);
            if (rank > 0) {
                assertClose(step.conversion(), ratio(reached, previous), "conversion to " + step.status());
            }
            previous = reached;
        }
        assertClose(funnel.leadToCustomer(), ratio(cohort.stream().filter(l -> l.maxRank() == 4).count(),
                cohort.size()), "lead to customer");
        for (LeadStatus from : OPEN) {
            long lost = cohort.stream().filter(l -> l.status() == LeadStatus.LOST && l.changes().getLast().from() == from)
                    .count();
            assertThat(funnel.lost().get(from.name())).as("lost from " + from).isEqualTo(lost);
        }
    }

    private static void checkHandoffCounts(List<Handoff> list, long total, long accepted, long rejected, long pending,
            Double rate, String who) {
        long a = list.stream().filter(h -> "ACCEPTED".equals(h.decision())).count();
        long r = list.stream().filter(h -> "REJECTED".equals(h.decision())).count();
        assertThat(total).as("handoffs of " + who).isEqualTo(list.size());
        assertThat(accepted).isEqualTo(a);
        assertThat(rejected).isEqualTo(r);
        assertThat(pending).isEqualTo(list.size() - a - r);
        assertClose(rate, ratio(a, a + r), "acceptance of " + who);
    }

    private static List<Long> decisionSeconds(List<Handoff> list) {
        return list.stream().filter(h -> h.decision() != null)
                .map(h -> Duration.between(h.created(), h.decided()).toSeconds()).toList();
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Double mean(List<Long> values, double unit) {
        return values.isEmpty() ? null : values.stream().mapToLong(Long::longValue).sum() / (double) values.size() / unit;
    }

    private static Double median(List<Long> values, double unit) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double middle = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return middle / unit;
    }

    private static void assertClose(Double actual, Double expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull();
            assertThat(actual).as(what).isCloseTo(expected, within(Math.abs(expected) * 1e-9 + 1e-9));
        }
    }

    // ---- the generated history -------------------------------------------------------------------

    private Instant randomInstant(Instant from, Instant to) {
        return from.plusSeconds((long) (random.nextDouble() * Duration.between(from, to).toSeconds()));
    }

    private Instant later(Instant at, long minSeconds, long maxSeconds) {
        return at.plusSeconds(minSeconds + (long) (random.nextDouble() * (maxSeconds - minSeconds)));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private void generate(String p, List<String> marketers, List<String> reps, List<String> channels) {
        Instant first = Instant.parse("2004-11-01T00:00:00Z");
        Instant last = Instant.parse("2006-01-31T00:00:00Z");
        for (int i = 0; i < 3000; i++) {
            Instant created = randomInstant(first, last);
            if (i < 4) { // the period's edges, in local time: two in, two out
                created = List.of(START, END.minusSeconds(1), START.minusSeconds(1), END).get(i);
            }
            String marketer = pick(marketers);
            BigDecimal value = random.nextInt(10) < 7
                    ? BigDecimal.valueOf(100 + random.nextInt(2_000_000), 2) : null;
            Lead lead = new Lead(p + "-" + i, created, pick(channels), marketer, value, new ArrayList<>());
            leads.add(lead);
            walk(lead, marketer, reps);
            int touches = random.nextInt(5);
            for (int k = 0; k < touches; k++) {
                String type = TYPES[random.nextInt(TYPES.length)];
                boolean scored = type.equals("CALL") || type.equals("VIDEO_CALL") || type.equals("MEETING");
                interactions.add(new Interaction(lead.ext(), later(created, 60, 60L * 86400), type,
                        type.equals("EMAIL") ? marketer : pick(reps), scored ? 1 + random.nextInt(5) : null));
            }
            Instant won = lead.firstWon();
            if (won != null) {
                LocalDate day = LocalDate.ofInstant(won, ZONE);
                int count = 1 + random.nextInt(random.nextInt(10) < 2 ? 6 : 2);
                for (int k = 0; k < count; k++) {
                    purchases.add(new Purchase(lead, day.plusDays(k * 45L + random.nextInt(20)),
                            BigDecimal.valueOf(1000 + random.nextInt(500_000), 2)));
                }
            }
        }
        for (String channel : channels) {
            Map<YearMonth, BigDecimal> months = new TreeMap<>();
            for (YearMonth m = YearMonth.of(2004, 11); !m.isAfter(YearMonth.of(2006, 1)); m = m.plusMonths(1)) {
                months.put(m, BigDecimal.valueOf(50_000 + random.nextInt(5_000_000), 2));
            }
            spend.put(channel, months);
        }
    }

    /** One lead's way along the bridge: forward, lost from anywhere, recycled to NEW, reopened after LOST. */
    private void walk(Lead lead, String marketer, List<String> reps) {
        LeadStatus status = LeadStatus.NEW;
        Instant at = lead.created();
        String rep = pick(reps);
        for (int step = 0; step < 10; step++) {
            int roll = random.nextInt(100);
            at = later(at, 3600, 20L * 86400);
            LeadStatus next;
            String by;
            switch (status) {
                case NEW -> {
                    next = roll < 65 ? LeadStatus.MQL : roll < 80 ? LeadStatus.LOST : null;
                    by = marketer;
                }
                case MQL -> {
                    next = roll < 55 ? LeadStatus.SQL : roll < 67 ? LeadStatus.NEW : roll < 80 ? LeadStatus.LOST : null;
                    by = next == LeadStatus.SQL ? rep : marketer;
                    Instant handed = at.minusSeconds(600 + random.nextInt(40 * 3600));
                    if (next == LeadStatus.SQL) {
                        handoffs.add(new Handoff(lead, handed, marketer, random.nextInt(10) < 8 ? rep : null,
                                "ACCEPTED", at, null));
                    } else if (next == LeadStatus.NEW && random.nextBoolean()) {
                        handoffs.add(new Handoff(lead, handed, marketer, rep, "REJECTED", at,
                                REASONS[random.nextInt(REASONS.length)]));
                    } else if (next == null && roll < 90) {
                        handoffs.add(new Handoff(lead, at, marketer, random.nextInt(4) == 0 ? null : rep, null, null,
                                null));
                    }
                }
                case SQL -> {
                    next = roll < 65 ? LeadStatus.OPPORTUNITY : roll < 85 ? LeadStatus.LOST : null;
                    by = rep;
                }
                case OPPORTUNITY -> {
                    next = roll < 50 ? LeadStatus.WON : roll < 85 ? LeadStatus.LOST : null;
                    by = rep;
                }
                case LOST -> {
                    next = roll < 20 ? LeadStatus.NEW : null;
                    by = marketer;
                }
                default -> {
                    next = null;
                    by = rep;
                }
            }
            if (next == null) {
                return;
            }
            lead.changes().add(new Change(status, next, at, by));
            status = next;
        }
    }

    private void load(List<String> marketers, List<String> reps, List<String> channels) {
        for (String channel : channels) {
            data.channel(channel, "ONLINE");
        }
        StringBuilder users = new StringBuilder("username,full_name,roles\n");
        marketers.forEach(m -> users.append(m).append(",Marketer ").append(m).append(",MARKETING\n"));
        reps.forEach(r -> users.append(r).append(",Rep ").append(r).append(",SALES\n"));
        run(ImportKind.USERS, users);

        StringBuilder leadsCsv = new StringBuilder("external_id,created_at,created_by,owner,name,channel,value\n");
        leads.forEach(l -> leadsCsv.append(l.ext()).append(',').append(l.created()).append(',').append(l.creator())
                .append(',').append(l.creator()).append(",Lead ").append(l.ext()).append(',').append(l.channel())
                .append(',').append(l.value() == null ? "" : l.value().toPlainString()).append('\n'));
        run(ImportKind.LEADS, leadsCsv);

        StringBuilder changes = new StringBuilder("lead,changed_at,to_status,changed_by,lost_reason\n");
        leads.forEach(l -> l.changes().forEach(c -> changes.append(l.ext()).append(',').append(c.at()).append(',')
                .append(c.to()).append(',').append(c.by()).append(',')
                .append(c.to() == LeadStatus.LOST ? "\"Gone, for now\"" : "").append('\n')));
        run(ImportKind.STATUS_CHANGES, changes);

        StringBuilder touches = new StringBuilder("lead,occurred_at,type,username,outcome_score\n");
        interactions.forEach(i -> touches.append(i.lead()).append(',').append(i.at()).append(',').append(i.type())
                .append(',').append(i.user()).append(',').append(i.score() == null ? "" : i.score()).append('\n'));
        run(ImportKind.INTERACTIONS, touches);

        StringBuilder handoffCsv = new StringBuilder("lead,created_at,from_user,to_user,decision,decided_at,reason_code\n");
        handoffs.forEach(h -> handoffCsv.append(h.lead().ext()).append(',').append(h.created()).append(',')
                .append(h.from()).append(',').append(h.to() == null ? "" : h.to()).append(',')
                .append(h.decision() == null ? "" : h.decision()).append(',')
                .append(h.decided() == null ? "" : h.decided()).append(',')
                .append(h.reason() == null ? "" : h.reason()).append('\n'));
        run(ImportKind.HANDOFFS, handoffCsv);

        StringBuilder purchaseCsv = new StringBuilder("lead,purchased_on,amount\n");
        purchases.forEach(x -> purchaseCsv.append(x.lead().ext()).append(',').append(x.on()).append(',')
                .append(x.amount().toPlainString()).append('\n'));
        run(ImportKind.PURCHASES, purchaseCsv);

        StringBuilder spendCsv = new StringBuilder("channel,month,amount\n");
        spend.forEach((channel, months) -> months.forEach((month, amount) -> spendCsv.append(channel).append(',')
                .append(month).append(',').append(amount.toPlainString()).append('\n')));
        run(ImportKind.SPEND, spendCsv);
    }

    private void run(ImportKind kind, CharSequence csv) {
        ImportResult result = imports.importCsv(kind, new ByteArrayInputStream(csv.toString()
                .getBytes(StandardCharsets.UTF_8)), Locale.ENGLISH, ImportProgress.NONE);
        assertThat(result.problems()).as(kind.code()).isEmpty();
    }
}
