package app.ponte.demo;

import app.ponte.base.PonteProperties;
import app.ponte.handoff.HandoffService;
import app.ponte.handoff.HandoffState;
import app.ponte.handoff.ImportedHandoff;
import app.ponte.handoff.RejectReason;
import app.ponte.interaction.ImportedInteraction;
import app.ponte.interaction.InteractionHistory;
import app.ponte.interaction.InteractionType;
import app.ponte.lead.ImportedLead;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadHistoryService;
import app.ponte.lead.LeadStatus;
import app.ponte.purchase.ImportedPurchase;
import app.ponte.purchase.PurchaseService;
import app.ponte.security.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo leads with a plausible history over the last eighteen months: a funnel that narrows from
 * NEW to WON, losses on every span, recycled MQLs and a few reopened leads, weighted channels.
 * Drawn from a seeded random, so every run with the same seed and day tells the same story.
 * Stored through the lead service's history import, as a CSV import would.
 */
@Component
class DemoLeads {

    private static final String[] FIRST = {"Marco", "Giulia", "Luca", "Francesca", "Alessandro", "Chiara", "Matteo",
        "Sara", "Lorenzo", "Elena", "Davide", "Martina", "Simone", "Anna", "Federico", "Laura", "Emma", "Oliver",
        "Sophie", "Thomas", "Paolo", "Valentina", "Stefano", "Ilaria", "Nicola", "Beatrice", "Hannah", "Lucas"};
    private static final String[] LAST = {"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo",
        "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo",
        "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Müller", "Schmidt", "Brown", "Wilson"};
    private static final String[] COMPANY_ROOT = {"Alpi", "Laguna", "Vesuvio", "Dolomiti", "Adriatica", "Tirreno",
        "Etna", "Brenta", "Po", "Garda", "Sila", "Murgia", "Langhe", "Maremma", "Cilento", "Nordic", "Atlas", "Orbit",
        "Helios", "Vertex", "Lumen", "Quadra", "Sintesi", "Arcadia"};
    private static final String[] COMPANY_KIND = {"Meccanica", "Logistica", "Alimentari", "Tessile", "Software",
        "Costruzioni", "Arredamenti", "Energia", "Farmaceutica", "Consulting", "Trasporti", "Design"};
    private static final String[] COMPANY_FORM = {"Srl", "Spa", "& Figli", "Group", "Srl", "Ltd", "GmbH"};
    private static final Map<String, Integer> CHANNEL_WEIGHTS = Map.ofEntries(Map.entry("WEBSITE", 15),
            Map.entry("SEO", 12), Map.entry("SOCIAL", 10), Map.entry("ADVERTISING", 10), Map.entry("BLOG", 6),
            Map.entry("INFLUENCER", 4), Map.entry("WORD_OF_MOUTH", 8), Map.entry("SALES_NETWORK", 8),
            Map.entry("TRADE_FAIR", 8), Map.entry("EVENT", 6), Map.entry("DIRECT_MARKETING", 5), Map.entry("RADIO", 2),
            Map.entry("TV", 2), Map.entry("OWN_STORE", 3), Map.entry("DOOR_TO_DOOR", 1));

    /** Rejection reasons with a realistic mix (weights); their notes are in {@link DemoTexts#REJECT_NOTES}. */
    private static final Map<RejectReason, Integer> REJECT_WEIGHTS = Map.of(RejectReason.NOT_READY, 30,
            RejectReason.NO_BUDGET, 20, RejectReason.NO_CONTACT, 18, RejectReason.NOT_A_FIT, 15,
            RejectReason.OTHER, 10, RejectReason.DUPLICATE, 7);

    private final LeadHistoryService leads;
    private final InteractionHistory interactions;
    private final HandoffService handoffs;
    private final TransactionTemplate transactions;
    private final PonteProperties properties;
    private final PurchaseService purchases;

    DemoLeads(LeadHistoryService leads, InteractionHistory interactions, HandoffService handoffs,
            TransactionTemplate transactions, PonteProperties properties, PurchaseService purchases) {
        this.leads = leads;
        this.interactions = interactions;
        this.handoffs = handoffs;
        this.transactions = transactions;
        this.properties = properties;
        this.purchases = purchases;
    }

    /** A planned step of a lead's history. */
    private record Step(LeadStatus to, Instant at, UserId by, String reason) {
    }

    /**
     * Creates {@code count} leads; the team's ids come from the caller, and {@code italian} names those
     * who write in Italian (every text is in its author's language). Returns how many changes were stored.
     */
    int create(int count, long seed, Instant now, List<UserId> marketers, List<UserId> sellers, List<UserId> managers,
            Set<UserId> italian) {
        var random = new Random(seed);
        // purchases draw from their own sequence, so the leads' story is the same with or without them
        var purchaseRandom = new Random(seed ^ 0x5EEDL);
        List<String> channels = new ArrayList<>();
        CHANNEL_WEIGHTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> { for (int i = 0; i < e.getValue(); i++) { channels.add(e.getKey()); } });
        int changes = 0;
        int batch = 200;
        for (int start = 0; start < count; start += batch) {
            int end = Math.min(count, start + batch);
            int first = start;
            Integer stored = transactions.execute(tx -> {
                int n = 0;
                for (int i = first; i < end; i++) {
                    n += createOne(i, random, purchaseRandom, now, channels, marketers, sellers, managers, italian);
                }
                return n;
            });
            changes += stored == null ? 0 : stored;
        }
        return changes;
    }

    private int createOne(int index, Random random, Random purchaseRandom, Instant now, List<String> channels,
            List<UserId> marketers, List<UserId> sellers, List<UserId> managers, Set<UserId> italian) {
        Instant created = now.minus(Duration.ofMinutes(random.nextLong(540L * 24 * 60)));
        UserId marketer = pick(random, marketers);
        UserId seller = pick(random, sellers);
        List<Step> steps = history(random, created, now, marketer, seller, managers, italian);
        LeadStatus last = steps.isEmpty() ? LeadStatus.NEW : steps.getLast().to();
        boolean reachedSales = steps.stream().anyMatch(s -> s.to() == LeadStatus.SQL);
        boolean ownedBySales = reachedSales && last != LeadStatus.NEW;
        boolean opportunity = steps.stream().anyMatch(s -> s.to() == LeadStatus.OPPORTUNITY);
        String first = pick(random, FIRST);
        String lastName = pick(random, LAST);
        String companyRoot = pick(random, COMPANY_ROOT);
        String company = companyRoot + " " + pick(random, COMPANY_KIND) + " " + pick(random, COMPANY_FORM);
        String domain = companyRoot.toLowerCase(java.util.Locale.ROOT) + (index % 7) + ".example";
        String email = (first + "." + lastName).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z.]", "") + "@" + domain;
        BigDecimal value = opportunity || random.nextInt(10) == 0
                ? BigDecimal.valueOf(2_000 + random.nextInt(780) * 100L).setScale(2) : null;
        LeadId id = leads.importLead(new ImportedLead("demo-" + (index + 1), created, marketer,
                ownedBySales ? seller : marketer, first + " " + lastName, company, email,
                "+39 0" + (2 + random.nextInt(8)) + " " + (1_000_000 + random.nextInt(8_999_999)),
                pick(random, channels), Intent.values()[random.nextInt(Intent.values().length)], value));
        // the handoffs draw from their own random, so the leads' story stays the same with or without them
        var handoffRandom = new Random(7919L * index + 17);
        List<ImportedHandoff> handoffHistory = handoffsAlong(id, handoffRandom, steps, now, marketer, seller, italian);
        for (Step step : steps) {
            String reason = step.reason();
            ImportedHandoff rejected = handoffHistory.stream().filter(h -> h.decision() == HandoffState.REJECTED
                    && h.decidedAt().equals(step.at())).findFirst().orElse(null);
            if (rejected != null) {
                reason = rejected.reason().name() + ": " + rejected.decisionNote();
            }
            leads.importStatusChange(id, step.to(), step.at(), step.by(), reason);
        }
        handoffHistory.forEach(handoffs::importHandoff);
        interactionsAlong(id, random, created, now, steps, marketer, seller, italian);
        if (last == LeadStatus.WON) {
            purchasesOf(id, purchaseRandom, steps.getLast().at(), now, value);
        }
        return steps.size();
    }

    /**
     * The handoffs along a lead's path: an accepted one before each MQL → SQL, a rejected one (reason
     * from a realistic mix) before each MQL → NEW, and for most leads still at MQL a pending one
     * handed off in the last two days, to the salesperson or the queue — about half of them past a
     * 24-hour SLA.
     */
    private static List<ImportedHandoff> handoffsAlong(LeadId id, Random random, List<Step> steps, Instant now,
            UserId marketer, UserId seller, Set<UserId> italian) {
        List<ImportedHandoff> result = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).to() != LeadStatus.MQL) {
                continue;
            }
            Instant mqlAt = steps.get(i).at();
            Step next = i + 1 < steps.size() ? steps.get(i + 1) : null;
            String note = DemoTexts.HANDOFF_NOTES.pick(random, italian.contains(marketer));
            if (next == null) {
                if (random.nextInt(5) == 0) {
                    continue; // not handed off yet
                }
                Instant created = now.minus(Duration.ofMinutes(30 + random.nextInt(48 * 60)));
                if (!created.isAfter(mqlAt)) {
                    created = mqlAt.plus(Duration.between(mqlAt, now).dividedBy(2));
                }
                result.add(new ImportedHandoff(id, created, marketer, random.nextInt(5) < 3 ? seller : null, null, null,
                        null, note, null));
            } else if (next.to() == LeadStatus.SQL || next.to() == LeadStatus.NEW) {
                long span = Math.max(2, Duration.between(mqlAt, next.at()).toMinutes());
                Instant created = mqlAt.plus(Duration.ofMinutes(span / 10 + random.nextLong(Math.max(1, span / 2))));
                if (next.to() == LeadStatus.SQL) {
                    result.add(new ImportedHandoff(id, created, marketer, seller, HandoffState.ACCEPTED, next.at(),
                            null, note, null));
                } else {
                    RejectReason reason = rejectReason(random);
                    result.add(new ImportedHandoff(id, created, marketer, seller, HandoffState.REJECTED, next.at(),
                            reason, note, DemoTexts.REJECT_NOTES.get(reason).pick(random, italian.contains(seller))));
                }
            }
        }
        return result;
    }

    private static RejectReason rejectReason(Random random) {
        int total = REJECT_WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
        int roll = random.nextInt(total);
        for (RejectReason reason : RejectReason.values()) {
            roll -= REJECT_WEIGHTS.get(reason);
            if (roll < 0) {
                return reason;
            }
        }
        return RejectReason.OTHER;
    }

    /**
     * A customer's purchases: the first within a week of winning (about the expected value), and
     * for about four customers in ten one to six repeat purchases spread over the months since.
     */
    private void purchasesOf(LeadId id, Random random, Instant won, Instant now, BigDecimal value) {
        LocalDate first = won.plus(Duration.ofDays(random.nextInt(7))).atZone(properties.zone()).toLocalDate();
        LocalDate today = now.atZone(properties.zone()).toLocalDate();
        if (first.isAfter(today)) {
            first = today;
        }
        BigDecimal base = value != null ? value : BigDecimal.valueOf(1_000 + random.nextInt(200) * 50L);
        int order = 1;
        purchases.importPurchase(new ImportedPurchase(id, first, base.setScale(2), "ORD-" + id + "-" + order, won));
        if (random.nextInt(10) < 4) {
            int repeats = 1 + random.nextInt(6);
            long span = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(first, today));
            for (int k = 0; k < repeats; k++) {
                LocalDate on = first.plusDays(1 + random.nextLong(span));
                if (on.isAfter(today)) {
                    continue;
                }
                BigDecimal amount = base.multiply(BigDecimal.valueOf(10 + random.nextInt(40)))
                        .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
                purchases.importPurchase(new ImportedPurchase(id, on, amount, "ORD-" + id + "-" + (++order),
                        on.atStartOfDay(properties.zone()).toInstant()));
            }
        }
    }

    /**
     * Monthly marketing spend of every weighted channel for the eighteen months up to this one:
     * roughly proportional to the channel's weight (its share of the leads), with seeded noise.
     * Returns how many rows were stored.
     */
    int createSpend(Instant now, long seed) {
        var random = new Random(seed ^ 0x5BE7DL);
        YearMonth current = YearMonth.from(now.atZone(properties.zone()));
        int rows = 0;
        for (var entry : CHANNEL_WEIGHTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            for (int back = 17; back >= 0; back--) {
                long amount = entry.getValue() * (300L + random.nextInt(200));
                purchases.importSpend(entry.getKey(), current.minusMonths(back), BigDecimal.valueOf(amount).setScale(2));
                rows++;
            }
        }
        return rows;
    }

    /**
     * One to three interactions in each status the lead stood in, by the people who worked it then,
     * with scores typical of the stage; leads lost after a sales conversation often show their last
     * two scores low (at risk). An open lead's latest interaction carries a next step due around now,
     * so every demo user has some overdue and some upcoming.
     */
    private void interactionsAlong(LeadId id, Random random, Instant created, Instant now, List<Step> steps,
            UserId marketer, UserId seller, Set<UserId> italian) {
        List<Instant> starts = new ArrayList<>();
        List<LeadStatus> statuses = new ArrayList<>();
        starts.add(created);
        statuses.add(LeadStatus.NEW);
        for (Step step : steps) {
            starts.add(step.at());
            statuses.add(step.to());
        }
        ImportedInteraction last = null;
        int count = 0;
        for (int s = 0; s < statuses.size(); s++) {
            LeadStatus status = statuses.get(s);
            if (status == LeadStatus.WON || status == LeadStatus.LOST) {
                continue;
            }
            Instant from = starts.get(s);
            Instant to = s + 1 < starts.size() ? starts.get(s + 1) : now;
            long span = Math.max(60, Duration.between(from, to).toMinutes());
            boolean lostNext = s + 1 < statuses.size() && statuses.get(s + 1) == LeadStatus.LOST;
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n; k++) {
                Instant at = from.plus(Duration.ofMinutes((span * (k + 1)) / (n + 1)));
                InteractionType type = typeFor(status, random);
                UserId who = status.rank() >= LeadStatus.SQL.rank() ? seller : marketer;
                Integer score = type.requiresScore() || random.nextInt(3) == 0 ? scoreFor(status, lostNext, random) : null;
                last = new ImportedInteraction(id, at, type, who, score,
                        DemoTexts.SUMMARIES.pick(random, italian.contains(who)), null, null, null);
                interactions.importInteraction(last);
                count++;
            }
        }
        LeadStatus current = statuses.getLast();
        if (current.isOpen()) {
            UserId who = current.rank() >= LeadStatus.SQL.rank() ? seller : marketer;
            Instant at = now.minus(Duration.ofHours(2 + random.nextInt(24 * 6)));
            if (!at.isAfter(starts.getLast())) {
                at = starts.getLast().plus(Duration.ofMinutes(30));
            }
            if (!at.isAfter(now)) {
                LocalDate due = now.atZone(properties.zone()).toLocalDate().plusDays(random.nextInt(24) - 6);
                LocalDate occurred = at.atZone(properties.zone()).toLocalDate();
                interactions.importInteraction(new ImportedInteraction(id, at, InteractionType.CALL, who,
                        scoreFor(current, false, random), DemoTexts.SUMMARIES.pick(random, italian.contains(who)),
                        DemoTexts.NEXT_STEPS.pick(random, italian.contains(who)),
                        due.isBefore(occurred) ? occurred : due, null));
                count++;
            }
        }
        if (count > 0) {
            interactions.refreshLeads(List.of(id));
        }
    }

    private static InteractionType typeFor(LeadStatus status, Random random) {
        InteractionType[] types = switch (status) {
            case NEW -> new InteractionType[] {InteractionType.WEBSITE_VISIT, InteractionType.NEWSLETTER_SIGNUP,
                InteractionType.CONTENT_DOWNLOAD, InteractionType.SOCIAL, InteractionType.EVENT, InteractionType.EMAIL};
            case MQL -> new InteractionType[] {InteractionType.EMAIL, InteractionType.CALL, InteractionType.INFO_REQUEST,
                InteractionType.CONTENT_DOWNLOAD};
            case SQL -> new InteractionType[] {InteractionType.CALL, InteractionType.VIDEO_CALL, InteractionType.MEETING,
                InteractionType.EMAIL};
            default -> new InteractionType[] {InteractionType.MEETING, InteractionType.OFFER, InteractionType.CALL,
                InteractionType.VIDEO_CALL};
        };
        return types[random.nextInt(types.length)];
    }

    /** Scores rise along the bridge; a lead about to be lost from sales often scores 1–2. */
    private static int scoreFor(LeadStatus status, boolean lostNext, Random random) {
        if (lostNext && status.rank() >= LeadStatus.SQL.rank() && random.nextInt(3) > 0) {
            return 1 + random.nextInt(2);
        }
        int base = switch (status) {
            case NEW -> 2;
            case MQL -> 3;
            default -> 3;
        };
        return Math.min(5, base + random.nextInt(3));
    }

    /** Walks a lead along the bridge with realistic odds and gaps; stops at "now". */
    private static List<Step> history(Random random, Instant created, Instant now, UserId marketer, UserId seller,
            List<UserId> managers, Set<UserId> italian) {
        List<Step> steps = new ArrayList<>();
        LeadStatus status = LeadStatus.NEW;
        Instant at = created;
        int guard = 0;
        while (guard++ < 8) {
            LeadStatus next;
            UserId by;
            String reason = null;
            long gapDays;
            double roll = random.nextDouble();
            switch (status) {
                case NEW -> {
                    if (roll < 0.55) { next = LeadStatus.MQL; by = marketer; gapDays = 2 + random.nextInt(28); }
                    else if (roll < 0.72) { next = LeadStatus.LOST; by = marketer; gapDays = 5 + random.nextInt(40); }
                    else { return steps; }
                }
                case MQL -> {
                    if (roll < 0.62) { next = LeadStatus.SQL; by = seller; gapDays = 1 + random.nextInt(6); }
                    else if (roll < 0.75) {
                        next = LeadStatus.NEW; by = seller; gapDays = 1 + random.nextInt(4);
                        reason = DemoTexts.RECYCLED.get(0, italian.contains(by));
                    }
                    else if (roll < 0.87) { next = LeadStatus.LOST; by = marketer; gapDays = 3 + random.nextInt(30); }
                    else { return steps; }
                }
                case SQL -> {
                    if (roll < 0.58) { next = LeadStatus.OPPORTUNITY; by = seller; gapDays = 3 + random.nextInt(27); }
                    else if (roll < 0.80) { next = LeadStatus.LOST; by = seller; gapDays = 5 + random.nextInt(40); }
                    else { return steps; }
                }
                case OPPORTUNITY -> {
                    if (roll < 0.38) { next = LeadStatus.WON; by = seller; gapDays = 7 + random.nextInt(53); }
                    else if (roll < 0.70) { next = LeadStatus.LOST; by = seller; gapDays = 7 + random.nextInt(45); }
                    else { return steps; }
                }
                case LOST -> {
                    if (roll < 0.06 && !managers.isEmpty()) {
                        next = LeadStatus.NEW; by = pick(random, managers); gapDays = 20 + random.nextInt(120);
                        reason = DemoTexts.REOPENED.get(0, italian.contains(by));
                    } else {
                        return steps;
                    }
                }
                default -> {
                    return steps;
                }
            }
            Instant when = at.plus(Duration.ofDays(gapDays)).plus(Duration.ofMinutes(random.nextInt(600)));
            if (when.isAfter(now)) {
                return steps;
            }
            if (next == LeadStatus.LOST) {
                reason = DemoTexts.LOST_REASONS.pick(random, italian.contains(by));
            }
            steps.add(new Step(next, when, by, reason));
            status = next;
            at = when;
        }
        return steps;
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String pick(Random random, String[] items) {
        return items[random.nextInt(items.length)];
    }
}
