package app.ponte.stats;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.PonteProperties;
import app.ponte.handoff.HandoffProperties;
import app.ponte.lead.Channel;
import app.ponte.lead.ChannelService;
import app.ponte.security.AppRoles;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import app.ponte.stats.query.StatsQuery;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one source of every statistic (metrics.md): the REST API and the dashboards read these
 * figures, so a number is the same everywhere. Periods are local dates in {@code ponte.zone};
 * the database computes every aggregate ({@link StatsQuery}).
 *
 * <p>MANAGER and ADMIN read everything. MARKETING and SALES read the same figures for the dashboards
 * without money (metrics.md's money figures come back {@code null}): that rule is kept here, not by
 * the pages. The REST API stays MANAGER and ADMIN (its controllers say so).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(AppRoles.HAS_ANY_ROLE)
public class StatsService {

    /** The most buckets a volume series may have (ten years of weeks): a guard, not a business rule. */
    static final int MAX_BUCKETS = 522;

    private final StatsQuery query;
    private final ChannelService channels;
    private final PonteProperties properties;
    private final HandoffProperties handoffProperties;
    private final CurrentUser currentUser;

    StatsService(StatsQuery query, ChannelService channels, PonteProperties properties,
            HandoffProperties handoffProperties, CurrentUser currentUser) {
        this.query = query;
        this.currentUser = currentUser;
        this.channels = channels;
        this.properties = properties;
        this.handoffProperties = handoffProperties;
    }

    public ZoneId zone() {
        return properties.zone();
    }

    /** The funnel of the period's cohort, optionally of one channel (null: all). */
    public Funnel funnel(Period period, String channel) {
        var counts = query.funnel(start(period), end(period), checkChannel(channel));
        long won = counts.steps().getLast().reached();
        return new Funnel(period.from(), period.to(), counts.cohort(), counts.steps(),
                counts.cohort() == 0 ? null : (double) won / counts.cohort(), counts.lost());
    }

    /**
     * Repeatable read: the figures are several statements (the histogram's counts, of all channels or one,
     * then the middle values at the positions they give, decision 018), which must see one snapshot.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public StageDurations stageDurations(Period period, String channel) {
        return new StageDurations(query.stageDurations(start(period), end(period), checkChannel(channel)));
    }

    public TimeToCustomer timeToCustomer(Period period) {
        return query.timeToCustomer(start(period), end(period));
    }

    /**
     * The overall figures of {@link #timeToCustomer} alone, its channels' list empty: a summary (the
     * dashboard's tiles) skips the channels' medians, one read each.
     */
    public TimeToCustomer timeToCustomerOverall(Period period) {
        return query.timeToCustomerOverall(start(period), end(period));
    }

    public Reps reps(Period period) {
        var reps = query.reps(start(period), end(period));
        return new Reps(seesMoney() ? reps : reps.stream().map(RepFigures::withoutMoney).toList());
    }

    public Marketers marketers(Period period) {
        return new Marketers(query.marketers(start(period), end(period)));
    }

    /** Handoffs created in the period; {@code asOf} is "now" for the overdue pending ones. */
    public HandoffFigures handoffs(Period period, Instant asOf) {
        int sla = handoffProperties.slaHours();
        return query.handoffs(start(period), end(period), asOf.minus(Duration.ofHours(sla)), sla);
    }

    public ChannelEconomics channels(Period period) {
        var figures = query.channels(start(period), end(period), period.from(), period.to());
        return new ChannelEconomics(seesMoney() ? figures : figures.stream().map(ChannelFigures::withoutMoney).toList());
    }

    public RepeatPurchases repeatPurchases(Period period) {
        var figures = query.repeatPurchases(period.from(), period.to());
        return seesMoney() ? figures : figures.withoutMoney();
    }

    /** Weeks (ISO, from Monday) or months of the period, the first and last clipped to it, empty ones included. */
    public Volume volume(Period period, VolumeBucketKind kind) {
        if (kind == null) {
            throw new BusinessRuleException("bucket", "stats.error.bucket", "");
        }
        List<LocalDate> dates = new ArrayList<>();
        LocalDate start = period.from();
        while (!start.isAfter(period.to())) {
            if (dates.size() == MAX_BUCKETS) {
                throw new BusinessRuleException("to", "stats.error.too-many-buckets", MAX_BUCKETS);
            }
            dates.add(start);
            start = kind == VolumeBucketKind.WEEK
                    ? start.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                    : start.withDayOfMonth(1).plusMonths(1);
        }
        List<Instant> starts = dates.stream().map(d -> d.atStartOfDay(zone()).toInstant()).toList();
        return new Volume(kind.name().toLowerCase(java.util.Locale.ROOT), query.volume(dates, starts, end(period)));
    }

    /** Open leads without activity for more than {@code days} × 24 hours before {@code asOf}. */
    public Stalled stalled(Instant asOf, int days) {
        if (days < 0) {
            throw new BusinessRuleException("days", "stats.error.days");
        }
        return query.stalled(asOf.minus(Duration.ofDays(days)), days);
    }

    /** The counts by status of {@link #stalled}, its list of leads empty (a summary: not read). */
    public Stalled stalledCounts(Instant asOf, int days) {
        if (days < 0) {
            throw new BusinessRuleException("days", "stats.error.days");
        }
        return query.stalled(asOf.minus(Duration.ofDays(days)), days, false);
    }

    /** How many leads, interactions and user accounts there are: the administrator's home page. */
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public DataCounts dataCounts() {
        return query.dataCounts();
    }

    /** Whether the caller may see money figures (spend, revenue, won value and what is built from them). */
    public boolean seesMoney() {
        return currentUser.has(Role.MANAGER) || currentUser.has(Role.ADMIN);
    }

    private Instant start(Period period) {
        return period.start(zone());
    }

    private Instant end(Period period) {
        return period.end(zone());
    }

    private String checkChannel(String channel) {
        if (channel == null) {
            return null;
        }
        if (channels.list(true).stream().map(Channel::code).noneMatch(channel::equals)) {
            throw new BusinessRuleException("channel", "stats.error.channel", channel);
        }
        return channel;
    }
}
