package app.ponte.purchase;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.CsvWriter;
import app.ponte.lead.Channel;
import app.ponte.lead.ChannelService;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadRevenueService;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.live.LiveEvents;
import app.ponte.live.Topic;
import app.ponte.purchase.repository.PurchaseEntity;
import app.ponte.purchase.repository.PurchaseRepository;
import app.ponte.purchase.repository.SpendEntity;
import app.ponte.purchase.repository.SpendRepository;
import app.ponte.security.AppRoles;
import app.ponte.security.CurrentUser;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchases of customers and the monthly marketing spend per channel: the money side of the
 * statistics (revenue, LTV, CAC, CPL). Roles: everyone who reads leads sees a lead's purchases;
 * SALES and MANAGER record and delete them; MANAGER and ADMIN read and set the spend; only ADMIN
 * imports history (like the lead import).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(AppRoles.HAS_ANY_ROLE)
public class PurchaseService {

    /** The spend export's columns: exactly those of the {@code spend} import (import.md). */
    public static final List<String> SPEND_EXPORT_HEADER = List.of("channel", "month", "amount");

    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    /** A purchase recorded or deleted: the signal carries the customer's lead id (after the commit, to every node). */
    public static final Topic PURCHASE_TOPIC = new Topic("purchase");
    /** A channel's monthly spend set: the signal carries the spend row's id. History imports send neither. */
    public static final Topic SPEND_TOPIC = new Topic("spend");

    private final PurchaseRepository purchases;
    private final SpendRepository spend;
    private final LeadService leads;
    private final ChannelService channels;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final LiveEvents live;
    private final LeadRevenueService revenues;

    PurchaseService(PurchaseRepository purchases, SpendRepository spend, LeadService leads, ChannelService channels,
            CurrentUser currentUser, Clock clock, LiveEvents live, LeadRevenueService revenues) {
        this.live = live;
        this.revenues = revenues;
        this.purchases = purchases;
        this.spend = spend;
        this.leads = leads;
        this.channels = channels;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A lead's purchases, newest first. */
    public List<Purchase> forLead(LeadId lead) {
        return purchases.findByLeadIdOrderByPurchasedOnDescIdDesc(lead.value()).stream()
                .map(PurchaseService::purchase).toList();
    }

    /** Records a purchase of a customer: the lead must be WON now. */
    @Transactional
    @PreAuthorize(AppRoles.HAS_SALES_OR_MANAGER)
    public PurchaseId record(NewPurchase purchase) {
        LeadDetails lead = leads.get(purchase.lead())
                .orElseThrow(() -> new BusinessRuleException(null, "lead.error.not-found"));
        if (lead.status() != LeadStatus.WON) {
            throw new BusinessRuleException("lead", "purchase.error.not-customer");
        }
        PurchaseId id = store(purchase.lead(), purchase.purchasedOn(), purchase.amount(), purchase.orderRef(),
                clock.instant());
        live.publish(PURCHASE_TOPIC, purchase.lead().value());
        return id;
    }

    @Transactional
    @PreAuthorize(AppRoles.HAS_SALES_OR_MANAGER)
    public void delete(PurchaseId id, long version) {
        PurchaseEntity entity = purchases.findById(id.value())
                .orElseThrow(() -> new BusinessRuleException(null, "purchase.error.not-found"));
        if (entity.getVersion() != version) {
            throw new ConcurrentEditException(entity.getCreatedBy(), entity.getCreatedAt());
        }
        purchases.delete(entity);
        purchases.flush();
        revenueChanged(new LeadId(entity.getLeadId()));
        live.publish(PURCHASE_TOPIC, entity.getLeadId());
    }

    /** Stores a purchase from history (CSV import, demo data); the lead's current status is not checked. */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public PurchaseId importPurchase(ImportedPurchase purchase) {
        if (leads.get(purchase.lead()).isEmpty()) {
            throw new BusinessRuleException("lead", "lead.error.not-found");
        }
        String ref = purchase.orderRef() == null || purchase.orderRef().isBlank() ? null : purchase.orderRef().strip();
        if (purchase.purchasedOn() != null && purchase.amount() != null && purchases
                .findByLeadIdAndPurchasedOn(purchase.lead().value(), purchase.purchasedOn()).stream()
                .anyMatch(p -> p.getAmount().compareTo(purchase.amount()) == 0
                        && java.util.Objects.equals(p.getOrderRef(), ref))) {
            throw new BusinessRuleException("purchased_on", "purchase.error.duplicate-history");
        }
        return store(purchase.lead(), purchase.purchasedOn(), purchase.amount(), purchase.orderRef(),
                purchase.recordedAt() == null ? clock.instant() : purchase.recordedAt());
    }

    /** The spend rows of the months {@code from}..{@code to}, by channel then month. */
    @PreAuthorize(AppRoles.HAS_MANAGER_OR_ADMIN)
    public List<MonthlySpend> spend(YearMonth from, YearMonth to) {
        return spend.findBySpendMonthBetweenOrderByChannelCodeAscSpendMonthAsc(from.atDay(1), to.atDay(1)).stream()
                .map(s -> new MonthlySpend(s.getChannelCode(), YearMonth.from(s.getSpendMonth()), s.getAmount(),
                        s.getVersion()))
                .toList();
    }

    /**
     * Writes the spend of the months {@code from}..{@code to} as CSV in the columns of the
     * {@code spend} import (docs/export.md): one row per channel and month with a stored amount.
     * A year holds at most twelve rows per channel, so it is read in one statement.
     */
    @PreAuthorize(AppRoles.HAS_MANAGER_OR_ADMIN)
    public void exportSpend(YearMonth from, YearMonth to, OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, SPEND_EXPORT_HEADER);
        spend(from, to).forEach(s -> csv.row(s.channelCode(), s.month(), s.amount()));
        csv.flush();
    }

    /** Sets (creates or replaces) a channel's spend in a month. */
    @Transactional
    @PreAuthorize(AppRoles.HAS_MANAGER_OR_ADMIN)
    public MonthlySpend setSpend(String channelCode, YearMonth month, BigDecimal amount) {
        SpendEntity stored = storeSpend(channelCode, month, amount);
        live.publish(SPEND_TOPIC, stored.getId());
        return monthly(stored);
    }

    /** Spend from history (CSV import): as {@link #setSpend}, but a month already recorded is refused (a file imported twice). */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public MonthlySpend importSpend(String channelCode, YearMonth month, BigDecimal amount) {
        if (channelCode != null && month != null
                && spend.findByChannelCodeAndSpendMonth(channelCode, month.atDay(1)).isPresent()) {
            throw new BusinessRuleException("month", "purchase.error.spend-exists", channelCode, month.toString());
        }
        return monthly(storeSpend(channelCode, month, amount));
    }

    private static MonthlySpend monthly(SpendEntity saved) {
        return new MonthlySpend(saved.getChannelCode(), YearMonth.from(saved.getSpendMonth()), saved.getAmount(),
                saved.getVersion());
    }

    private SpendEntity storeSpend(String channelCode, YearMonth month, BigDecimal amount) {
        if (channelCode == null || channels.list(true).stream().map(Channel::code).noneMatch(channelCode::equals)) {
            throw new BusinessRuleException("channel", "lead.error.unknown-channel", channelCode);
        }
        if (month == null) {
            throw new BusinessRuleException("month", "purchase.error.month-required");
        }
        BigDecimal checked = checkAmount(amount);
        SpendEntity entity = spend.findByChannelCodeAndSpendMonth(channelCode, month.atDay(1))
                .orElseGet(() -> new SpendEntity(channelCode, month.atDay(1)));
        entity.set(checked, currentUser.requireUsername(), clock.instant());
        return spend.saveAndFlush(entity);
    }

    private PurchaseId store(LeadId lead, LocalDate on, BigDecimal amount, String orderRef, Instant at) {
        if (on == null) {
            throw new BusinessRuleException("purchased_on", "purchase.error.date-required");
        }
        String ref = orderRef == null || orderRef.isBlank() ? null : orderRef.strip();
        if (ref != null && ref.length() > 64) {
            throw new BusinessRuleException("order_ref", "purchase.error.order-ref-length", 64);
        }
        var entity = new PurchaseEntity(lead.value(), on, checkAmount(amount), ref, at, currentUser.requireUsername());
        PurchaseId id = new PurchaseId(purchases.saveAndFlush(entity).getId());
        revenueChanged(lead);
        return id;
    }

    /**
     * The lead's revenue (the sum of its purchases) follows every purchase written, in the same transaction: the
     * lead feature keeps the column (decision 048).
     */
    private void revenueChanged(LeadId lead) {
        revenues.purchasesChanged(lead, () -> purchases.revenueOf(lead.value()));
    }

    /**
     * Every lead's revenue recomputed from its purchases: after purchases written with plain SQL (benchmark
     * generators, test fixtures), which no trigger counts since V44 (decision 048).
     */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public void recomputeRevenues() {
        Map<LeadId, BigDecimal> revenue = new HashMap<>();
        for (Object[] row : purchases.revenueByLead()) {
            revenue.put(new LeadId(((Number) row[0]).longValue()), (BigDecimal) row[1]);
        }
        revenues.replaceAll(revenue);
    }

    private static BigDecimal checkAmount(BigDecimal amount) {
        if (amount == null) {
            throw new BusinessRuleException("amount", "purchase.error.amount-required");
        }
        if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            throw new BusinessRuleException("amount", "lead.error.value-range");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new BusinessRuleException("amount", "lead.error.value-cents");
        }
        return amount.setScale(2);
    }

    private static Purchase purchase(PurchaseEntity p) {
        return new Purchase(new PurchaseId(p.getId()), new LeadId(p.getLeadId()), p.getPurchasedOn(), p.getAmount(),
                p.getOrderRef(), p.getCreatedAt(), p.getCreatedBy(), p.getVersion());
    }
}
