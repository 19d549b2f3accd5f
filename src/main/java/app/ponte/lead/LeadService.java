package app.ponte.lead;

import app.ponte.live.LiveEvents;
import app.ponte.live.Topic;
import app.ponte.notification.NewNotification;
import app.ponte.notification.NotificationKind;
import app.ponte.notification.NotificationService;
import app.ponte.base.BusinessRuleException;
import app.ponte.base.BusinessRuleViolations;
import app.ponte.base.CsvWriter;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.PonteProperties;
import app.ponte.lead.query.LeadQuery;
import app.ponte.lead.repository.ChannelEntity;
import app.ponte.lead.repository.ChannelRepository;
import app.ponte.lead.repository.LeadActivityRows;
import app.ponte.lead.repository.LeadEntity;
import app.ponte.lead.repository.LeadRepository;
import app.ponte.lead.repository.StatusChangeEntity;
import app.ponte.lead.repository.StatusChangeRepository;
import app.ponte.security.AppRoles;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import app.ponte.security.UserId;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The door to live leads: reading, creating, editing and moving them along the bridge, for every caller
 * (views, REST, other features). Each rule of the lifecycle and each role's right is checked here.
 * History written with its own times and authors (the import, demo data) goes through
 * {@link LeadHistoryService}, which shares this class's field checks (decision 032).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(AppRoles.HAS_ANY_ROLE)
public class LeadService {

    /** Live signals of this feature carry the changed lead's id. */
    public static final Topic TOPIC = new Topic("lead");
    /**
     * A lead's activity changed (its latest interaction, score, at-risk mark) and nothing else: the
     * lists and the lead page follow it as they follow {@link #TOPIC}; figures built from statuses
     * (the dashboard's funnel) do not, so a logged call does not re-read them (decision 031).
     */
    public static final Topic ACTIVITY_TOPIC = new Topic("lead-activity");


    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("[+0-9 ()./-]{3,40}");
    static final BigDecimal MAX_VALUE = new BigDecimal("999999999999.99");
    static final int REASON_MAX = 500;
    /** The leads export's columns: exactly those of the {@code leads} import (import.md). */
    public static final List<String> EXPORT_HEADER = List.of("external_id", "created_at", "created_by", "owner",
            "name", "company", "email", "phone", "channel", "intent", "value");
    static final int EXPORT_CHUNK = 1000;
    /** Who may own a lead. */
    static final Set<Role> OWNER_ROLES = EnumSet.of(Role.MARKETING, Role.SALES, Role.MANAGER);

    private final LeadRepository leads;
    private final StatusChangeRepository statusChanges;
    private final ChannelRepository channels;
    private final LeadQuery query;
    private final UserService users;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final PonteProperties properties;
    private final ApplicationEventPublisher events;
    private final LiveEvents live;
    private final NotificationService notifications;
    private final LeadActivityRows activityRows;

    LeadService(LeadRepository leads, StatusChangeRepository statusChanges, ChannelRepository channels, LeadQuery query,
            UserService users, CurrentUser currentUser, Clock clock, PonteProperties properties,
            ApplicationEventPublisher events, LiveEvents live, NotificationService notifications,
            LeadActivityRows activityRows) {
        this.activityRows = activityRows;
        this.leads = leads;
        this.statusChanges = statusChanges;
        this.channels = channels;
        this.query = query;
        this.users = users;
        this.currentUser = currentUser;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
        this.live = live;
        this.notifications = notifications;
    }

    // ---- reading ---------------------------------------------------------------------------

    /**
     * Everyone a lead may be given to (the rule {@code requireOwner} enforces): active marketers,
     * salespeople and managers, each once, by name. The one source of every owner and team picker.
     * Sorted here rather than by the database, whose collation differs between H2 and PostgreSQL.
     */
    public List<UserSummary> possibleOwners() {
        return users.activeWithAnyRole(OWNER_ROLES).stream()
                .sorted(java.util.Comparator.comparing((UserSummary u) -> u.fullName().toLowerCase(Locale.ROOT))
                        .thenComparing(u -> u.id().value()))
                .toList();
    }

    public Optional<LeadDetails> get(LeadId id) {
        return query.details(id);
    }

    /** A slice of the lead list: no count, stable order (the id breaks ties). */
    public List<LeadSummary> find(LeadFilter filter, LeadSort sort, boolean ascending, int offset, int limit) {
        return find(filter, sort, ascending, offset, limit, java.util.Locale.ENGLISH);
    }

    /**
     * As {@link #find(LeadFilter, LeadSort, boolean, int, int)}, the channel column sorted by the
     * channels' names in {@code locale} (as the list shows them, decision 023), not by their codes.
     */
    public List<LeadSummary> find(LeadFilter filter, LeadSort sort, boolean ascending, int offset, int limit,
            java.util.Locale locale) {
        UserId me = filter.onlyMine() ? users.currentUserId() : null;
        List<String> channelOrder = sort == LeadSort.CHANNEL ? channels.findAll().stream()
                .map(c -> new Channel(c.getCode(), c.getName(), c.getNameIt(), c.getKind(), c.isActive(), c.getVersion()))
                .sorted(Channel.byName(locale)).map(Channel::code).toList() : List.of();
        return query.page(withAsOf(filter), me, properties.zone(), sort, ascending, offset, Math.min(limit, 500),
                channelOrder);
    }

    /**
     * How many leads {@link #find} lists for the filter: one count statement, for a narrowed list
     * (the whole list is not counted, see {@code LeadsView}).
     */
    public long count(LeadFilter filter) {
        UserId me = filter.onlyMine() ? users.currentUserId() : null;
        return query.count(withAsOf(filter), me, properties.zone());
    }

    /**
     * For a list narrowed to leads with a change into a status in a period ({@link LeadFilter#entered()}):
     * how many such changes its leads have, the unit of the figure that links there (a lead moved to
     * MQL twice counts twice, metrics.md); null without that narrowing.
     */
    public Long countEntries(LeadFilter filter) {
        UserId me = filter.onlyMine() ? users.currentUserId() : null;
        return query.countEntries(withAsOf(filter), me, properties.zone());
    }

    /** "Stalled" without an as-of instant means stalled now, by the application clock. */
    private LeadFilter withAsOf(LeadFilter filter) {
        return filter.stalledDays() != null && filter.asOf() == null
                ? filter.withStalled(filter.stalledDays(), clock.instant()) : filter;
    }

    /** The most results the header search returns: a handful to pick from, the list holds the rest. */
    public static final int SEARCH_MAX = 20;

    /**
     * The header search: leads whose name, company, e-mail or phone contains {@code text} (case
     * ignored; the phone by its digits), best matches first, at most {@code limit} (capped at
     * {@value #SEARCH_MAX}). It shows what {@link #find} shows the caller for the same text — the
     * list's visibility, held here so no view decides it — and {@code onlyMine} narrows to the
     * caller's own leads as the list's "only mine" does.
     */
    public List<LeadSummary> search(String text, boolean onlyMine, int limit) {
        UserId me = onlyMine ? users.currentUserId() : null;
        return query.search(text, me, Math.max(0, Math.min(limit, SEARCH_MAX)));
    }

    /**
     * Writes the leads of the filter as CSV in the columns of the {@code leads} import (docs/export.md),
     * by id, reading {@value #EXPORT_CHUNK} leads per statement: the file streams, whatever its size.
     * Everyone who may list leads may export them, as the list shows every lead to every role.
     */
    public void export(LeadFilter requested, OutputStream out) {
        LeadFilter filter = withAsOf(requested);
        UserId me = filter.onlyMine() ? users.currentUserId() : null;
        CsvWriter csv = CsvWriter.withHeader(out, EXPORT_HEADER);
        long after = 0;
        while (true) {
            List<LeadExportRow> rows = query.exportPage(filter, me, properties.zone(), after, EXPORT_CHUNK);
            for (LeadExportRow r : rows) {
                csv.row(r.exportedExternalId(), r.createdAt(), r.createdBy(), r.owner(), r.name(), r.company(),
                        r.email(), r.phone(), r.channelCode(), r.intent() == null ? null : r.intent().name(),
                        r.expectedValue());
                after = r.id().value();
            }
            csv.flush();
            if (rows.size() < EXPORT_CHUNK) {
                return;
            }
        }
    }

    /** The bridge board: the {@code perColumn} most recent cards of every column. */
    public Map<BoardColumn, List<LeadSummary>> board(int perColumn) {
        return query.board(BoardColumn.all(), Math.max(1, Math.min(perColumn, 200)));
    }

    /**
     * These columns of the bridge board: each one's {@code perColumn} most recent cards, and how many
     * leads stand in it with the sum of their expected values, counted by the database. Two
     * statements, whatever the number of columns: the board reads all of them when it opens, and
     * only the ones a move touched afterwards.
     */
    public Map<BoardColumn, BoardColumnContent> boardColumns(Collection<BoardColumn> columns, int perColumn) {
        List<BoardColumn> wanted = List.copyOf(new java.util.LinkedHashSet<>(columns));
        Map<BoardColumn, List<LeadSummary>> cards = wanted.isEmpty() ? Map.of()
                : query.board(wanted, Math.max(1, Math.min(perColumn, 200)));
        Map<BoardColumn, BoardColumnTotal> totals = query.boardTotals(wanted);
        Map<BoardColumn, BoardColumnContent> board = new java.util.LinkedHashMap<>();
        for (BoardColumn column : wanted) {
            BoardColumnTotal total = totals.get(column);
            List<LeadSummary> shown = cards.getOrDefault(column, List.of());
            // a lead that arrived between the two statements is shown but not yet counted
            board.put(column, new BoardColumnContent(column, shown, Math.max(total.leads(), shown.size()),
                    total.expectedValue()));
        }
        return board;
    }

    /** How many leads stand in these board columns, and their expected values: one grouped statement. */
    public Map<BoardColumn, BoardColumnTotal> boardTotals(Collection<BoardColumn> columns) {
        return query.boardTotals(columns);
    }

    /** The lead's path: every status change in time order. */
    public List<StatusChangeEntry> history(LeadId id) {
        return query.history(id);
    }

    /** Leads already known with this e-mail (case and spaces ignored), for a duplicate warning. */
    public List<LeadSummary> withEmail(String email) {
        String key = emailKey(email);
        return key == null ? List.of() : query.withEmailKey(key, 10);
    }

    /** The statuses the signed-in user may move this lead to by hand, in order. */
    public Set<LeadStatus> allowedMoves(LeadDetails lead) {
        Set<Role> roles = roles();
        boolean owner = isOwner(lead.owner().id());
        Set<LeadStatus> allowed = EnumSet.noneOf(LeadStatus.class);
        for (LeadStatus target : LeadStatus.values()) {
            if (Lifecycle.refusal(lead.status(), target, roles, owner).isEmpty()) {
                allowed.add(target);
            }
        }
        return allowed;
    }

    /**
     * Why the signed-in user may not hand a lead in this status off to sales, or empty when they
     * may: the lifecycle's one rule, read by the handoff service and by every view offering the action.
     */
    public Optional<String> handoffRefusal(LeadStatus status) {
        return Lifecycle.handoffRefusal(status, roles());
    }

    /** Whether the signed-in user may edit the lead's fields (not its status). */
    public boolean mayEdit(LeadDetails lead) {
        return editRefusal(lead.status(), lead.owner().id()).isEmpty();
    }

    // ---- writing -----------------------------------------------------------------------------

    @Transactional
    @PreAuthorize(AppRoles.HAS_MARKETING_OR_MANAGER)
    public LeadId create(NewLead lead) {
        Instant now = clock.instant();
        UserId me = users.currentUserId();
        UserId owner = lead.owner() == null ? me : lead.owner();
        if (!owner.equals(me) && !currentUser.has(Role.MANAGER)) {
            throw new BusinessRuleException("owner", "lead.error.owner-by-manager");
        }
        var entity = new LeadEntity(requireName(lead.name()), requireActiveChannel(lead.channelCode()),
                requireOwner(owner).value(), me.value(), now);
        entity.setCompany(optional(lead.company(), 160, "company"));
        String email = checkEmail(lead.email());
        entity.setEmail(email, emailKey(email));
        entity.setPhone(checkPhone(lead.phone()));
        entity.setIntent(lead.intent());
        entity.setExpectedValue(checkValue(lead.expectedValue()));
        entity.touch(currentUser.requireUsername(), now);
        LeadEntity saved = leads.saveAndFlush(entity);
        // in the transaction, after the flush: statistics count the new lead before the commit (decisions 036, 039)
        events.publishEvent(LeadsWritten.inserted(List.of(leadKey(saved))));
        events.publishEvent(LeadActivityWritten.inserted(List.of(activityKey(saved))));
        changed(new LeadId(saved.getId()));
        return new LeadId(saved.getId());
    }

    /**
     * A lead from a company's web form (the intake API, docs/decisions/013): every invalid field is
     * reported at once; the e-mail is required. When a lead with the same e-mail (case and spaces
     * ignored) was created within {@code dedupeWindow}, that lead's id comes back and nothing is
     * written. Otherwise a NEW lead owned by {@code owner}, who also counts as its creator (the
     * caller is a token, not a person). Only the intake feature calls this (ModularityTest checks
     * it), and it has checked that the owner is an active marketer: no second look-up per form.
     */
    @Transactional
    @PreAuthorize(AppRoles.HAS_MARKETING)
    public WebLeadOutcome intake(WebLead lead, UserId owner, Duration dedupeWindow) {
        List<BusinessRuleException> errors = new ArrayList<>();
        String name = collect(errors, () -> requireName(lead.name()));
        String company = collect(errors, () -> optional(lead.company(), 160, "company"));
        int before = errors.size();
        String email = collect(errors, () -> checkEmail(lead.email()));
        if (email == null && errors.size() == before) {
            errors.add(new BusinessRuleException("email", "lead.error.email-required"));
        }
        String phone = collect(errors, () -> checkPhone(lead.phone()));
        String channel = collect(errors, () -> requireIntakeChannel(lead.channelCode()));
        Intent intent = collect(errors, () -> intent(lead.intent()));
        BusinessRuleViolations.throwIfAny(errors);

        Instant now = clock.instant();
        String key = emailKey(email);
        var known = query.newestWithEmailKeySince(key, now.minus(dedupeWindow));
        if (known.isPresent()) {
            return new WebLeadOutcome(known.get(), true);
        }
        long ownerId = owner.value();
        var entity = new LeadEntity(name, channel, ownerId, ownerId, now);
        entity.setCompany(company);
        entity.setEmail(email, key);
        entity.setPhone(phone);
        entity.setIntent(intent);
        String caller = currentUser.requireUsername();
        entity.touch(caller.length() > 50 ? caller.substring(0, 50) : caller, now);
        LeadEntity saved = leads.saveAndFlush(entity);
        events.publishEvent(LeadsWritten.inserted(List.of(leadKey(saved))));
        events.publishEvent(LeadActivityWritten.inserted(List.of(activityKey(saved))));
        LeadId id = new LeadId(saved.getId());
        changed(id);
        return new WebLeadOutcome(id, false);
    }

    @Transactional
    public LeadDetails update(LeadId id, LeadChanges changes) {
        LeadEntity lead = load(id);
        checkVersion(lead, changes.version());
        LeadsWritten.Key keyBefore = leadKey(lead);
        BigDecimal valueBefore = lead.getExpectedValue();
        editRefusal(lead.getStatus(), new UserId(lead.getOwnerId())).ifPresent(key -> {
            throw new BusinessRuleException(null, key);
        });
        lead.setName(requireName(changes.name()));
        lead.setCompany(optional(changes.company(), 160, "company"));
        String email = checkEmail(changes.email());
        lead.setEmail(email, emailKey(email));
        lead.setPhone(checkPhone(changes.phone()));
        if (!lead.getChannelCode().equals(changes.channelCode())) {
            lead.setChannelCode(requireActiveChannel(changes.channelCode()));
        }
        lead.setIntent(changes.intent());
        BigDecimal value = checkValue(changes.expectedValue());
        if (value == null && lead.getStatus().rank() >= LeadStatus.OPPORTUNITY.rank()) {
            throw new BusinessRuleException("expectedValue", "lead.error.value-required");
        }
        lead.setExpectedValue(value);
        if (changes.owner() != null && changes.owner().value() != lead.getOwnerId()) {
            if (!currentUser.has(Role.MANAGER)) {
                throw new BusinessRuleException("owner", "lead.error.owner-by-manager");
            }
            lead.setOwnerId(requireOwner(changes.owner()).value());
            if (!changes.owner().equals(users.currentUserId())) {
                notifications.send(new NewNotification(changes.owner(), NotificationKind.LEAD_REASSIGNED,
                        "leads/" + id.value(), "notification.lead-reassigned",
                        List.of(lead.getName(), currentUser.requireUsername())));
            }
        }
        lead.touch(currentUser.requireUsername(), clock.instant());
        leads.saveAndFlush(lead);
        // the old and the new key (a new channel moves the lead in the statistics), and a won lead's
        // new value moves the won value of its change into WON (decision 036)
        events.publishEvent(LeadsWritten.edited(keyBefore, leadKey(lead)));
        channelEdited(lead, keyBefore.channelCode());
        valueEdited(lead, valueBefore);
        changed(id);
        return query.details(id).orElseThrow();
    }

    /**
     * Moves a lead by hand. LOST needs a reason (and records where it fell from); OPPORTUNITY needs
     * an expected value; MQL → SQL happens only when sales accepts a handoff.
     */
    @Transactional
    public LeadDetails move(LeadId id, StatusMove move) {
        LeadEntity lead = load(id);
        checkVersion(lead, move.version());
        if (move.target() == null) {
            throw new BusinessRuleException("status", "lead.move.target-required");
        }
        Lifecycle.refusal(lead.getStatus(), move.target(), roles(), isOwner(new UserId(lead.getOwnerId())))
                .ifPresent(key -> {
                    throw new BusinessRuleException("status", key, lead.getStatus().name(), move.target().name());
                });
        String reason = null;
        if (move.target() == LeadStatus.LOST) {
            reason = move.reason() == null ? "" : move.reason().strip();
            if (reason.isEmpty()) {
                throw new BusinessRuleException("reason", "lead.error.lost-reason-required");
            }
            if (reason.length() > REASON_MAX) {
                throw new BusinessRuleException("reason", "lead.error.too-long", REASON_MAX);
            }
        }
        if (move.target() == LeadStatus.OPPORTUNITY) {
            BigDecimal value = move.expectedValue() != null ? checkValue(move.expectedValue()) : lead.getExpectedValue();
            if (value == null) {
                throw new BusinessRuleException("expectedValue", "lead.error.value-required");
            }
            lead.setExpectedValue(value);
        }
        changeStatus(lead, move.target(), clock.instant(), users.currentUserId(), reason);
        return query.details(id).orElseThrow();
    }

    /**
     * Sales accepted the lead's handoff: MQL → SQL, owned by the salesperson. Only the handoff
     * feature calls this (ModularityTest checks it); the handoff service has checked who decides.
     */
    @Transactional
    @PreAuthorize(AppRoles.HAS_SALES_OR_MANAGER)
    public void acceptedByHandoff(LeadId id, UserId salesperson) {
        handoffOutcome(id, salesperson, LeadStatus.SQL, null);
    }

    /**
     * Sales rejected the lead's handoff: back to NEW, owned by the marketer again; the handoff keeps
     * the reason. Only the handoff feature calls this.
     */
    @Transactional
    @PreAuthorize(AppRoles.HAS_SALES_OR_MANAGER)
    public void recycledByHandoff(LeadId id, UserId marketer, String reason) {
        handoffOutcome(id, marketer, LeadStatus.NEW, reason);
    }

    /** A decided handoff moves an MQL lead (to SQL or back to NEW) and gives it its new owner. */
    private void handoffOutcome(LeadId id, UserId newOwner, LeadStatus target, String reason) {
        LeadEntity lead = load(id);
        if (lead.getStatus() != LeadStatus.MQL) {
            throw new BusinessRuleException("status", "lead.move.handoff-needs-mql", lead.getStatus().name());
        }
        lead.setOwnerId(requireOwner(newOwner).value());
        changeStatus(lead, target, clock.instant(), users.currentUserId(), reason);
    }

    /**
     * The interactions feature keeps the lead's outcome summary: when the latest held interaction
     * happened, its score, and whether the last two scored ones were both 2 or less ("at risk").
     * Only the interaction feature calls this (ModularityTest checks it).
     */
    @Transactional
    public void interactionsChanged(LeadId id, Instant lastAt, Integer lastScore, boolean atRisk) {
        // the lead's row locked first: its key among the open leads before and after the update are its own
        LeadActivityWritten.Key before = activityRows.lock(List.of(id.value())).get(id.value());
        if (before == null || leads.updateInteractionSummary(id.value(), lastAt,
                lastScore == null ? null : lastScore.shortValue(), atRisk) == 0) {
            throw new BusinessRuleException(null, "lead.error.not-found");
        }
        LeadActivityWritten.Key after = activityRows.read(List.of(id.value())).get(id.value());
        if (!before.equals(after)) {
            events.publishEvent(LeadActivityWritten.moved(before, after));
        }
        events.publishEvent(new LeadChanged(id));
        live.publish(ACTIVITY_TOPIC, id.value());
    }

    // ---- internals ---------------------------------------------------------------------------

    /** Tells the rest of the application, and every open view on every node, after the commit. */
    private void changed(LeadId id) {
        events.publishEvent(new LeadChanged(id));
        live.publish(TOPIC, id.value());
    }

    /**
     * A move never edits the value of a lead with a change into WON (WON is final), so the won value of
     * the statistics moves only with the new change; an edit does it in {@link #update}.
     */
    private void changeStatus(LeadEntity lead, LeadStatus target, Instant at, UserId by, String reason) {
        LeadsWritten.Key leadBefore = leadKey(lead);
        LeadActivityWritten.Key activityBefore = activityKey(lead);
        StatusChangesWritten.Key key = record(statusChanges, lead, target, at, by, reason);
        lead.touch(currentUser.requireUsername(), at);
        leads.saveAndFlush(lead);
        // in the transaction, after the flush: statistics move the lead in its cohort (decision 044), count the
        // change (decision 036) and move the lead among the open leads (decision 039), before the commit; the
        // lead was loaded locked, so the keys before are the row's own
        events.publishEvent(new LeadsWritten(withTimesToCustomer(leads,
                Map.of(lead.getId(), new LeadsWritten.Change(leadBefore, leadKey(lead))))));
        events.publishEvent(StatusChangesWritten.of(List.of(key)));
        events.publishEvent(LeadActivityWritten.moved(activityBefore, activityKey(lead)));
        changed(new LeadId(lead.getId()));
    }

    /**
     * Appends a status change and moves the lead: the live moves and history's alike. Returns the
     * change's key in the statistics, which the caller publishes once the rows are flushed.
     */
    static StatusChangesWritten.Key record(StatusChangeRepository statusChanges, LeadEntity lead, LeadStatus target,
            Instant at, UserId by, String reason) {
        long seconds = Math.max(0, Duration.between(lead.getStatusChangedAt(), at).toSeconds());
        StatusChangeEntity change = statusChanges.save(new StatusChangeEntity(lead.getId(), lead.getStatus(), target,
                at, by.value(), reason, seconds, lead.getCreatedAt(), lead.getChannelCode()));
        lead.moveTo(target, at, reason);
        return changeKey(change);
    }

    /**
     * A lead's key in the statistics of created leads: its creation, channel, how far it has got and its time to
     * customer as the entity was loaded (a move into WON leaves that out of date: {@link #withTimesToCustomer}).
     */
    static LeadsWritten.Key leadKey(LeadEntity lead) {
        return new LeadsWritten.Key(lead.getCreatedAt(), new UserId(lead.getCreatedById()), lead.getChannelCode(),
                LeadStatus.ofRank(lead.getMaxStatusRank()), lead.getStatus() == LeadStatus.LOST ? lead.getLostFrom() : null,
                lead.getToCustomerSeconds());
    }

    /**
     * The changes of leads (by id), with the time to customer of each lead the write has just won read from its
     * row, after the flush: the database generates it (to_customer_seconds), and the statistics bucket it as
     * their reads of the rows do, so it is not worked out in Java (decision 047). One query, and only when a lead
     * of the write was won.
     */
    static List<LeadsWritten.Change> withTimesToCustomer(LeadRepository leads, Map<Long, LeadsWritten.Change> changes) {
        List<Long> won = changes.entrySet().stream().filter(e -> e.getValue().after() != null
                        && e.getValue().after().reached() == LeadStatus.WON && e.getValue().after().toCustomerSeconds() == null)
                .map(Map.Entry::getKey).toList();
        if (won.isEmpty()) {
            return List.copyOf(changes.values());
        }
        Map<Long, Double> seconds = leads.toCustomerSeconds(won);
        return changes.entrySet().stream().map(e -> seconds.containsKey(e.getKey())
                ? new LeadsWritten.Change(e.getValue().before(), e.getValue().after().withToCustomerSeconds(seconds.get(e.getKey())))
                : e.getValue()).toList();
    }

    /** A lead's key among the open leads of the statistics: its status and last activity. */
    static LeadActivityWritten.Key activityKey(LeadEntity lead) {
        return new LeadActivityWritten.Key(lead.getStatus(), lead.getLastActivityAt());
    }

    static StatusChangesWritten.Key changeKey(StatusChangeEntity change) {
        return new StatusChangesWritten.Key(change.getChangedAt(), new UserId(change.getChangedById()),
                change.getFromStatus(), change.getToStatus(), change.getLeadCreatedAt(),
                change.getFromDurationSeconds(), change.getLeadChannelCode());
    }

    /**
     * After a flushed edit of a lead's channel: its changes follow it ({@code lead_channel_code}, the lead feature's
     * own column, decision 046), and the statistics move their intervals to the new channel's keys. The lead's row
     * is locked ({@link #load}), so no change of it is appended meanwhile and the keys before are the rows' own.
     */
    private void channelEdited(LeadEntity lead, String before) {
        if (before.equals(lead.getChannelCode())) {
            return;
        }
        List<StatusChangesWritten.Move> moves = new ArrayList<>();
        for (StatusChangeEntity change : statusChanges.findByLeadId(lead.getId())) {
            StatusChangesWritten.Key keyBefore = changeKey(change);
            change.setLeadChannelCode(lead.getChannelCode());
            moves.add(new StatusChangesWritten.Move(keyBefore, changeKey(change)));
        }
        if (!moves.isEmpty()) {
            statusChanges.flush();
            events.publishEvent(StatusChangesWritten.moved(moves));
        }
    }

    /**
     * After a flushed edit of a lead's expected value: publishes its changes into WON, whose won value
     * in the statistics is that value. Only a lead that has reached WON has such a change.
     */
    private void valueEdited(LeadEntity lead, BigDecimal before) {
        BigDecimal after = lead.getExpectedValue();
        boolean same = before == null ? after == null : after != null && before.compareTo(after) == 0;
        if (same || lead.getFirstWonAt() == null) {
            return;
        }
        List<StatusChangesWritten.Key> won = statusChanges.findByLeadIdAndToStatus(lead.getId(), LeadStatus.WON)
                .stream().map(LeadService::changeKey).toList();
        if (!won.isEmpty()) {
            events.publishEvent(StatusChangesWritten.of(won));
        }
    }

    private Optional<String> editRefusal(LeadStatus status, UserId owner) {
        if (currentUser.has(Role.MANAGER)) {
            return Optional.empty();
        }
        if (currentUser.has(Role.MARKETING) && (status == LeadStatus.NEW || status == LeadStatus.MQL)) {
            return Optional.empty();
        }
        if (currentUser.has(Role.SALES) && isOwner(owner)) {
            return Optional.empty();
        }
        return Optional.of("lead.error.edit-not-allowed");
    }

    private Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (currentUser.has(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    private boolean isOwner(UserId owner) {
        // the id alone (one indexed look-up), not the whole account with its roles: the lead page asks twice per render
        return currentUser.username().isPresent() && users.currentUserId().equals(owner);
    }

    /**
     * The lead to write, its row locked until the commit (decision 039): a concurrent move or interaction of
     * the same lead waits, so the keys published for the statistics are the row's own and no write of the
     * whole row puts back what another wrote in between.
     */
    private LeadEntity load(LeadId id) {
        return leads.lockById(id.value()).orElseThrow(() -> new BusinessRuleException(null, "lead.error.not-found"));
    }

    private static void checkVersion(LeadEntity lead, long version) {
        if (lead.getVersion() != version) {
            throw new ConcurrentEditException(lead.getUpdatedBy(), lead.getUpdatedAt());
        }
    }

    private UserId requireOwner(UserId owner) {
        UserSummary user = users.findByUsername(usernameOf(owner))
                .orElseThrow(() -> new BusinessRuleException("owner", "lead.error.owner-unknown"));
        if (!user.active() || OWNER_ROLES.stream().noneMatch(user::has)) {
            throw new BusinessRuleException("owner", "lead.error.owner-not-eligible", user.username());
        }
        return user.id();
    }

    private String usernameOf(UserId id) {
        return users.usernameOf(id).orElseThrow(() -> new BusinessRuleException("owner", "lead.error.owner-unknown"));
    }

    private String requireActiveChannel(String code) {
        ChannelEntity channel = code == null ? null : channels.findById(code).orElse(null);
        if (channel == null) {
            throw new BusinessRuleException("channel", "lead.error.channel-required");
        }
        if (!channel.isActive()) {
            throw new BusinessRuleException("channel", "lead.error.channel-inactive", ChannelService.names(channel));
        }
        return channel.getCode();
    }

    /** Runs one field's check; a broken rule is added to {@code errors} and the value is null. */
    private static <T> T collect(List<BusinessRuleException> errors, Supplier<T> check) {
        try {
            return check.get();
        } catch (BusinessRuleException e) {
            errors.add(e);
            return null;
        }
    }

    /** A web form names its channel by code, in any case; it must exist and be active. */
    private String requireIntakeChannel(String code) {
        if (code == null || code.isBlank()) {
            throw new BusinessRuleException("channel", "lead.error.channel-required");
        }
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        ChannelEntity channel = channels.findById(normalized)
                .orElseThrow(() -> new BusinessRuleException("channel", "lead.error.unknown-channel", code.strip()));
        if (!channel.isActive()) {
            throw new BusinessRuleException("channel", "lead.error.channel-inactive", ChannelService.names(channel));
        }
        return channel.getCode();
    }

    private static Intent intent(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Intent.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleException("intent", "lead.error.unknown-intent", value.strip());
        }
    }

    static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new BusinessRuleException("name", "lead.error.name-required");
        }
        if (trimmed.length() > 120) {
            throw new BusinessRuleException("name", "lead.error.too-long", 120);
        }
        return trimmed;
    }

    static String optional(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new BusinessRuleException(field, "lead.error.too-long", max);
        }
        return trimmed;
    }

    static String checkEmail(String email) {
        String trimmed = optional(email, 254, "email");
        if (trimmed != null && !EMAIL.matcher(trimmed).matches()) {
            throw new BusinessRuleException("email", "lead.error.email-format");
        }
        return trimmed;
    }

    static String emailKey(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    static String checkPhone(String phone) {
        String trimmed = optional(phone, 40, "phone");
        if (trimmed != null && !PHONE.matcher(trimmed).matches()) {
            throw new BusinessRuleException("phone", "lead.error.phone-format");
        }
        return trimmed;
    }

    static BigDecimal checkValue(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || value.compareTo(MAX_VALUE) > 0) {
            throw new BusinessRuleException("expectedValue", "lead.error.value-range");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new BusinessRuleException("expectedValue", "lead.error.value-cents");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
