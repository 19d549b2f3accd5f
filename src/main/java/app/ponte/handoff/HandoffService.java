package app.ponte.handoff;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.CsvWriter;
import app.ponte.base.PonteProperties;
import app.ponte.handoff.query.HandoffQuery;
import app.ponte.handoff.repository.HandoffEntity;
import app.ponte.handoff.repository.HandoffRepository;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.live.LiveEvent;
import app.ponte.live.LiveEvents;
import app.ponte.live.Topic;
import app.ponte.notification.NewNotification;
import app.ponte.notification.NotificationKind;
import app.ponte.notification.NotificationService;
import app.ponte.security.AppRoles;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import app.ponte.security.UserId;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only door to handoffs: marketing passes an MQL to a salesperson or to the sales queue; sales
 * claims, accepts (the lead becomes SQL, owned by the salesperson) or rejects with a reason (the lead
 * goes back to NEW, owned by the marketer). Pending handoffs past the SLA are announced once.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(AppRoles.HAS_ANY_ROLE)
public class HandoffService {

    /** Live signals carry the lead's id: the lead page listens to its lead, the lists to everything. */
    public static final Topic TOPIC = new Topic("handoff");
    static final int NOTE_MAX = 2000;
    /** The lead's status change keeps the reason, in at most this many characters (the lead's limit). */
    static final int LEAD_REASON_MAX = 500;
    static final int INBOX_MAX = 500;
    /** Columns of the handoffs export (docs/export.md); {@code lead} is Ponte's lead id. */
    public static final List<String> EXPORT_HEADER = List.of("created_at", "lead", "lead_name", "company",
            "from_user", "to_user", "via_queue", "state", "claimed_at", "decided_at", "decided_by", "reason_code",
            "decision_note", "note");
    /** Columns of the inbox export: the handoff's, then the lead's status and channel and the SLA. */
    public static final List<String> INBOX_EXPORT_HEADER = java.util.stream.Stream.concat(EXPORT_HEADER.stream(),
            java.util.stream.Stream.of("lead_status", "channel", "due_at", "overdue")).toList();
    /** Handoffs read per statement while exporting (the most {@link #sent} gives at once). */
    static final int EXPORT_CHUNK = 500;

    private final HandoffRepository handoffs;
    private final HandoffQuery query;
    private final LeadService leads;
    private final UserService users;
    private final CurrentUser currentUser;
    private final NotificationService notifications;
    private final LiveEvents live;
    private final Clock clock;
    private final HandoffProperties properties;
    private final PonteProperties ponte;
    private final ApplicationEventPublisher events;

    HandoffService(HandoffRepository handoffs, HandoffQuery query, LeadService leads, UserService users,
            CurrentUser currentUser, NotificationService notifications, LiveEvents live, Clock clock,
            HandoffProperties properties, PonteProperties ponte, ApplicationEventPublisher events) {
        this.handoffs = handoffs;
        this.query = query;
        this.leads = leads;
        this.users = users;
        this.currentUser = currentUser;
        this.notifications = notifications;
        this.live = live;
        this.clock = clock;
        this.properties = properties;
        this.ponte = ponte;
        this.events = events;
    }

    // ---- the service level -------------------------------------------------------------------

    /**
     * Whether a handoff created at {@code createdAt} is overdue at {@code now}: "older than slaHours",
     * so exactly at the limit it is not yet, a second later it is.
     */
    public static boolean overdue(Instant createdAt, Instant now, int slaHours) {
        return now.isAfter(createdAt.plus(Duration.ofHours(slaHours)));
    }

    public int slaHours() {
        return properties.slaHours();
    }

    /** The business time zone, in which the views show when a handoff falls due. */
    public ZoneId zone() {
        return ponte.zone();
    }

    // ---- reading -------------------------------------------------------------------------------

    public Optional<HandoffEntry> get(HandoffId id) {
        return query.get(id);
    }

    /** A lead's handoffs, oldest first. */
    public List<HandoffEntry> forLead(LeadId lead) {
        return query.forLead(lead);
    }

    /** The lead's pending handoff, if it has one. */
    public Optional<HandoffEntry> pendingFor(LeadId lead) {
        return query.forLead(lead).stream().filter(HandoffEntry::pending).findFirst();
    }

    /**
     * The inbox, oldest first, with the time left to the SLA: a salesperson's pending handoffs and the
     * queue's; a manager's shows every pending handoff.
     */
    @PreAuthorize(AppRoles.HAS_SALES_OR_MANAGER)
    public List<InboxItem> inbox() {
        UserId me = currentUser.has(Role.MANAGER) ? null : users.currentUserId();
        Instant now = clock.instant();
        List<InboxItem> items = new ArrayList<>();
        for (HandoffQuery.Row row : query.pending(me, INBOX_MAX)) {
            Instant due = row.entry().createdAt().plus(Duration.ofHours(properties.slaHours()));
            items.add(new InboxItem(row.entry(), row.leadStatus(), row.channelCode(), due, Duration.between(now, due),
                    overdue(row.entry().createdAt(), now, properties.slaHours())));
        }
        return items;
    }

    /** How many pending handoffs are addressed to the signed-in user (the navigation badge). */
    public long myPendingCount() {
        return query.pendingCount(users.currentUserId());
    }

    /** A slice of the handoffs the signed-in marketer sent (a manager: everyone's), newest first. */
    @PreAuthorize(AppRoles.HAS_MARKETING_OR_MANAGER)
    public List<HandoffEntry> sent(boolean everyone, int offset, int limit) {
        UserId from = everyone && currentUser.has(Role.MANAGER) ? null : users.currentUserId();
        return query.sent(from, Math.max(0, offset), Math.max(1, Math.min(limit, 500)));
    }

    /**
     * Writes what {@link #sent} lists as CSV (docs/export.md), newest first, page by page: a
     * marketer gets only their own handoffs, as in the grid; a manager everyone's if asked.
     */
    @PreAuthorize(AppRoles.HAS_MARKETING_OR_MANAGER)
    public void exportSent(boolean everyone, OutputStream out) {
        UserId from = everyone && currentUser.has(Role.MANAGER) ? null : users.currentUserId();
        CsvWriter.withHeader(out, EXPORT_HEADER)
                .pages((offset, limit) -> query.sent(from, offset, limit), EXPORT_CHUNK, HandoffService::exportCells);
    }

    /** Writes the caller's inbox as {@link #inbox} shows it, as CSV (docs/export.md), oldest first. */
    @PreAuthorize(AppRoles.HAS_SALES_OR_MANAGER)
    public void exportInbox(OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, INBOX_EXPORT_HEADER);
        for (InboxItem item : inbox()) {
            List<Object> cells = new ArrayList<>(exportCells(item.handoff()));
            cells.addAll(List.of(item.leadStatus().name(), item.channelCode(), item.dueAt(), item.overdue()));
            csv.row(cells);
        }
        csv.flush();
    }

    private static List<Object> exportCells(HandoffEntry h) {
        return java.util.Arrays.asList(h.createdAt(), h.lead().value(), h.leadName(), h.company(),
                h.from().username(), h.to() == null ? null : h.to().username(), h.viaQueue(), h.state().name(),
                h.claimedAt(), h.decidedAt(), h.decidedBy() == null ? null : h.decidedBy().username(),
                h.reason() == null ? null : h.reason().name(), h.decisionNote(), h.note());
    }

    /**
     * Acceptance of the signed-in marketer's handoffs (a manager: everyone's) decided this calendar
     * month in the business time zone.
     */
    @PreAuthorize(AppRoles.HAS_MARKETING_OR_MANAGER)
    public HandoffRate acceptanceThisMonth(boolean everyone) {
        UserId from = everyone && currentUser.has(Role.MANAGER) ? null : users.currentUserId();
        LocalDate first = LocalDate.now(clock.withZone(ponte.zone())).withDayOfMonth(1);
        return query.rate(from, first.atStartOfDay(ponte.zone()).toInstant(),
                first.plusMonths(1).atStartOfDay(ponte.zone()).toInstant());
    }

    /** Whether the signed-in user may decide this handoff now (the recipient or a manager). */
    public boolean mayDecide(HandoffEntry handoff) {
        if (!handoff.pending()) {
            return false;
        }
        if (currentUser.has(Role.MANAGER)) {
            return true;
        }
        return handoff.to() != null && currentUser.has(Role.SALES) && handoff.to().id().equals(users.currentUserId());
    }

    /** Whether the signed-in user may claim this handoff (a salesperson, while it waits in the queue). */
    public boolean mayClaim(HandoffEntry handoff) {
        return handoff.unclaimed() && currentUser.has(Role.SALES);
    }

    /** Whether the signed-in user may hand leads off at all. */
    public boolean mayHandOff() {
        return currentUser.has(Role.MARKETING) || currentUser.has(Role.MANAGER);
    }

    // ---- writing -------------------------------------------------------------------------------

    /** Hands an MQL to a salesperson or to the sales queue; the recipient (or all of sales) is told. */
    @Transactional
    @PreAuthorize(AppRoles.HAS_MARKETING_OR_MANAGER)
    public HandoffId handOff(NewHandoff input) {
        LeadDetails lead = input.lead() == null ? null : leads.get(input.lead()).orElse(null);
        if (lead == null) {
            throw new BusinessRuleException("lead", "handoff.error.lead-required");
        }
        leads.handoffRefusal(lead.status()).ifPresent(key -> {
            throw new BusinessRuleException("lead", key, lead.status().name());
        });
        UserSummary recipient = input.to() == null ? null : requireSalesperson(input.to());
        String note = text(input.note(), "note");
        if (handoffs.existsByPendingLeadId(lead.id().value())) {
            throw alreadyPending();
        }
        UserSummary me = users.me();
        HandoffEntity saved;
        try {
            saved = handoffs.saveAndFlush(new HandoffEntity(lead.id().value(), me.id().value(),
                    recipient == null ? null : recipient.id().value(), note, clock.instant(), false));
        } catch (DataIntegrityViolationException e) {
            // two hand-offs of the same lead at once: the unique index on pending_lead_id let one in
            throw alreadyPending();
        }
        events.publishEvent(HandoffsWritten.inserted(new HandoffId(saved.getId())));
        List<UserId> told = recipient == null ? ids(users.activeWithRole(Role.SALES)) : List.of(recipient.id());
        String key = recipient == null ? "notification.handoff.queued" : "notification.handoff.received";
        notifications.send(told, NotificationKind.HANDOFF_RECEIVED, "inbox", key, List.of(me.fullName(), lead.name()),
                null);
        signal(lead.id().value());
        return new HandoffId(saved.getId());
    }

    /** A salesperson takes a handoff waiting in the queue; of two claiming at once exactly one wins. */
    @Transactional
    @PreAuthorize(AppRoles.HAS_SALES)
    public HandoffEntry claim(HandoffId id) {
        HandoffEntity handoff = load(id);
        if (handoff.getState() != HandoffState.PENDING) {
            throw new BusinessRuleException(null, "handoff.error.already-decided");
        }
        if (handoff.getToUserId() != null) {
            throw claimedBy(handoff.getToUserId());
        }
        HandoffsWritten.Key before = key(handoff);
        handoff.claim(users.currentUserId().value(), clock.instant());
        try {
            handoffs.saveAndFlush(handoff);
        } catch (ConcurrencyFailureException e) {
            throw new BusinessRuleException(null, "handoff.error.claimed-meanwhile");
        }
        events.publishEvent(HandoffsWritten.changed(id, before));
        signal(handoff.getLeadId());
        return query.get(id).orElseThrow();
    }

    /** The recipient (or a manager) accepts: the lead becomes SQL, owned by the salesperson. */
    @Transactional
    @PreAuthorize(AppRoles.HAS_SALES_OR_MANAGER)
    public HandoffEntry accept(HandoffId id, long version) {
        HandoffEntity handoff = loadForDecision(id, version);
        UserId me = users.currentUserId();
        UserId owner = handoff.getToUserId() == null ? me : new UserId(handoff.getToUserId());
        HandoffsWritten.Key before = key(handoff);
        handoff.decide(HandoffState.ACCEPTED, clock.instant(), me.value(), null, null);
        flushDecision(handoff);
        leads.acceptedByHandoff(new LeadId(handoff.getLeadId()), owner);
        // after the lead's move: its row is taken before any rollup key (decision 039)
        events.publishEvent(HandoffsWritten.changed(id, before));
        tellMarketer(handoff, "notification.handoff.accepted");
        signal(handoff.getLeadId());
        return query.get(id).orElseThrow();
    }

    /**
     * The recipient (or a manager) rejects with a reason code and a note: the lead goes back to NEW,
     * owned by the marketer, who is told.
     */
    @Transactional
    @PreAuthorize(AppRoles.HAS_SALES_OR_MANAGER)
    public HandoffEntry reject(HandoffId id, RejectReason reason, String note, long version) {
        if (reason == null) {
            throw new BusinessRuleException("reason", "handoff.error.reason-required");
        }
        String text = text(note, "decisionNote");
        if (text == null) {
            throw new BusinessRuleException("decisionNote", "handoff.error.decision-note-required");
        }
        HandoffEntity handoff = loadForDecision(id, version);
        HandoffsWritten.Key before = key(handoff);
        handoff.decide(HandoffState.REJECTED, clock.instant(), users.currentUserId().value(), reason, text);
        flushDecision(handoff);
        String leadReason = reason.name() + ": " + text;
        leads.recycledByHandoff(new LeadId(handoff.getLeadId()), new UserId(handoff.getFromUserId()),
                leadReason.length() > LEAD_REASON_MAX ? leadReason.substring(0, LEAD_REASON_MAX) : leadReason);
        events.publishEvent(HandoffsWritten.changed(id, before));
        tellMarketer(handoff, "notification.handoff.rejected");
        signal(handoff.getLeadId());
        return query.get(id).orElseThrow();
    }

    /**
     * Announces, once, every pending handoff that has passed its SLA: to its recipient (every
     * salesperson while it waits in the queue) and to every manager. Returns how many it announced.
     * Safe with several nodes: the conditional update decides which sweep sends.
     */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public int sweepOverdue() {
        Instant now = clock.instant();
        List<HandoffEntry> due = query.overdueUnnotified(now.minus(Duration.ofHours(properties.slaHours())), 500);
        if (due.isEmpty()) {
            return 0;
        }
        List<UserId> sales = null;
        List<UserId> managers = ids(users.activeWithRole(Role.MANAGER));
        int sent = 0;
        for (HandoffEntry handoff : due) {
            if (handoffs.markSlaNotified(handoff.id().value(), now) == 0) {
                continue;
            }
            List<UserId> told = new ArrayList<>();
            if (handoff.to() != null) {
                told.add(handoff.to().id());
            } else {
                if (sales == null) {
                    sales = ids(users.activeWithRole(Role.SALES));
                }
                told.addAll(sales);
            }
            told.addAll(managers);
            notifications.send(told, NotificationKind.HANDOFF_OVERDUE, "inbox", "notification.handoff.overdue",
                    List.of(handoff.leadName(), Integer.toString(properties.slaHours())),
                    "handoff-overdue-" + handoff.id().value());
            signal(handoff.lead().value());
            sent++;
        }
        return sent;
    }

    // ---- history (import, demo data) -----------------------------------------------------------

    /**
     * Stores a handoff from history with its own times and people: it changes no lead and sends no
     * notification. A pending one already past its SLA counts as announced (no flood of notices).
     */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public HandoffId importHandoff(ImportedHandoff input) {
        if (input.lead() == null || leads.get(input.lead()).isEmpty()) {
            throw new BusinessRuleException("lead", "handoff.error.lead-required");
        }
        if (input.createdAt() == null) {
            throw new BusinessRuleException("created_at", "handoff.error.created-required");
        }
        if (input.from() == null || users.usernameOf(input.from()).isEmpty()) {
            throw new BusinessRuleException("from_user", "handoff.error.user-unknown");
        }
        if (input.to() != null && users.usernameOf(input.to()).isEmpty()) {
            throw new BusinessRuleException("to_user", "handoff.error.user-unknown");
        }
        HandoffState decision = input.decision() == null ? HandoffState.PENDING : input.decision();
        if (decision != HandoffState.PENDING) {
            if (input.decidedAt() == null) {
                throw new BusinessRuleException("decided_at", "handoff.error.decided-at-required");
            }
            if (input.decidedAt().isBefore(input.createdAt())) {
                throw new BusinessRuleException("decided_at", "handoff.error.decided-before-created");
            }
        }
        if (decision == HandoffState.REJECTED && input.reason() == null) {
            throw new BusinessRuleException("reason_code", "handoff.error.reason-required");
        }
        if (decision != HandoffState.REJECTED && input.reason() != null) {
            throw new BusinessRuleException("reason_code", "handoff.error.reason-only-rejected");
        }
        String note = text(input.note(), "note");
        String decisionNote = text(input.decisionNote(), "note");
        if (handoffs.existsByLeadIdAndCreatedAtAndFromUserId(input.lead().value(), input.createdAt(),
                input.from().value())) {
            throw new BusinessRuleException("created_at", "handoff.error.duplicate-history");
        }
        if (decision == HandoffState.PENDING && handoffs.existsByPendingLeadId(input.lead().value())) {
            throw alreadyPending();
        }
        var entity = new HandoffEntity(input.lead().value(), input.from().value(),
                input.to() == null ? null : input.to().value(), note, input.createdAt(), true);
        if (decision == HandoffState.PENDING) {
            if (overdue(input.createdAt(), clock.instant(), properties.slaHours())) {
                entity.setSlaNotifiedAt(clock.instant());
            }
        } else {
            entity.decide(decision, input.decidedAt(), input.to() == null ? null : input.to().value(),
                    input.reason(), decisionNote);
        }
        HandoffId saved;
        try {
            saved = new HandoffId(handoffs.saveAndFlush(entity).getId());
        } catch (DataIntegrityViolationException e) {
            throw alreadyPending();
        }
        events.publishEvent(HandoffsWritten.inserted(saved));
        return saved;
    }

    // ---- internals -----------------------------------------------------------------------------

    /** A handoff's key in the statistics as it stands (read before a write: the key it leaves). */
    private static HandoffsWritten.Key key(HandoffEntity handoff) {
        return new HandoffsWritten.Key(handoff.getCreatedAt(), new UserId(handoff.getFromUserId()),
                handoff.getToUserId() == null ? null : new UserId(handoff.getToUserId()), handoff.getState(),
                handoff.getReasonCode());
    }

    private HandoffEntity loadForDecision(HandoffId id, long version) {
        HandoffEntity handoff = load(id);
        if (handoff.getState() != HandoffState.PENDING) {
            throw new BusinessRuleException(null, "handoff.error.already-decided");
        }
        if (!currentUser.has(Role.MANAGER)) {
            if (handoff.getToUserId() == null) {
                throw new BusinessRuleException(null, "handoff.error.claim-first");
            }
            if (!currentUser.has(Role.SALES) || handoff.getToUserId() != users.currentUserId().value()) {
                throw new BusinessRuleException(null, "handoff.error.not-yours");
            }
        }
        if (handoff.getVersion() != version) {
            // claimed (or decided) by someone since the caller read it
            throw new BusinessRuleException(null, "handoff.error.changed-meanwhile");
        }
        return handoff;
    }

    /** Two deciders at once: the second one's update finds the version moved on. */
    private void flushDecision(HandoffEntity handoff) {
        try {
            handoffs.saveAndFlush(handoff);
        } catch (ConcurrencyFailureException e) {
            throw new BusinessRuleException(null, "handoff.error.decided-meanwhile");
        }
    }

    /**
     * Tells open views after the commit: the handoff lists, and the lead page (which listens to its
     * lead's topic; accept and reject also change the lead, which signals it too).
     */
    private void signal(long leadId) {
        live.publish(List.of(new LiveEvent(TOPIC, leadId), new LiveEvent(LeadService.TOPIC, leadId)));
    }

    private void tellMarketer(HandoffEntity handoff, String key) {
        String leadName = leads.get(new LeadId(handoff.getLeadId())).map(LeadDetails::name).orElse("");
        notifications.send(new NewNotification(new UserId(handoff.getFromUserId()), NotificationKind.HANDOFF_DECIDED,
                "leads/" + handoff.getLeadId(), key, List.of(users.me().fullName(), leadName)));
    }

    private UserSummary requireSalesperson(UserId id) {
        UserSummary user = users.usernameOf(id).flatMap(users::findByUsername)
                .orElseThrow(() -> new BusinessRuleException("to", "handoff.error.user-unknown"));
        if (!user.active() || !user.has(Role.SALES)) {
            throw new BusinessRuleException("to", "handoff.error.not-sales", user.fullName());
        }
        return user;
    }

    private BusinessRuleException alreadyPending() {
        return new BusinessRuleException("lead", "handoff.error.already-pending");
    }

    private BusinessRuleException claimedBy(long userId) {
        String name = users.usernameOf(new UserId(userId)).flatMap(users::findByUsername).map(UserSummary::fullName)
                .orElse("?");
        return new BusinessRuleException(null, "handoff.error.already-claimed", name);
    }

    private HandoffEntity load(HandoffId id) {
        return handoffs.findById(id.value())
                .orElseThrow(() -> new BusinessRuleException(null, "handoff.error.not-found"));
    }

    private static List<UserId> ids(List<UserSummary> users) {
        return users.stream().map(UserSummary::id).toList();
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > NOTE_MAX) {
            throw new BusinessRuleException(field, "handoff.error.too-long", NOTE_MAX);
        }
        return trimmed;
    }
}
