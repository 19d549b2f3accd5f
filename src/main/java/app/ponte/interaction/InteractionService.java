package app.ponte.interaction;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.CsvWriter;
import app.ponte.base.PonteProperties;
import app.ponte.interaction.query.InteractionQuery;
import app.ponte.interaction.repository.InteractionEditEntity;
import app.ponte.interaction.repository.InteractionEditRepository;
import app.ponte.interaction.repository.InteractionEntity;
import app.ponte.interaction.repository.InteractionRepository;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.live.LiveEvents;
import app.ponte.live.Topic;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only door to interactions: logging calls, meetings and every other touch with an outcome
 * score and a next step, editing them within the rules, and each user's agenda of next steps.
 * An ADMIN reads a lead's interactions (the lead page) but writes none and has no agenda
 * (decision 006: admins read leads, decision 022: what an admin sees).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(AppRoles.HAS_ANY_ROLE)
public class InteractionService {

    /** The roles that log, edit and complete interactions and keep an agenda. */
    static final String WRITERS = AppRoles.HAS_MARKETING_SALES_OR_MANAGER;
    /** Live signals of this feature carry the changed interaction's id (sent after the commit, to every node). */
    public static final Topic TOPIC = new Topic("interaction");

    static final int SUMMARY_MAX = 2000;
    /** Columns of the interactions export (docs/export.md); {@code lead} is Ponte's lead id. */
    public static final List<String> EXPORT_HEADER = List.of("occurred_at", "username", "lead", "lead_name", "type",
            "outcome_score", "lead_status", "summary", "next_step", "next_step_due");
    static final int EXPORT_CHUNK = 1000;
    static final int NEXT_STEP_MAX = 500;
    /** Authors may correct their interaction this long after logging it; managers always. */
    static final Duration EDIT_WINDOW = Duration.ofHours(24);

    private final InteractionRepository interactions;
    private final InteractionEditRepository edits;
    private final InteractionQuery query;
    private final LeadService leads;
    private final UserService users;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final PonteProperties properties;
    private final LiveEvents live;
    private final ApplicationEventPublisher events;

    InteractionService(InteractionRepository interactions, InteractionEditRepository edits, InteractionQuery query,
            LeadService leads, UserService users, CurrentUser currentUser, Clock clock, PonteProperties properties,
            LiveEvents live, ApplicationEventPublisher events) {
        this.live = live;
        this.events = events;
        this.interactions = interactions;
        this.edits = edits;
        this.query = query;
        this.leads = leads;
        this.users = users;
        this.currentUser = currentUser;
        this.clock = clock;
        this.properties = properties;
    }

    // ---- reading ---------------------------------------------------------------------------

    /** A lead's interactions, newest first, with their audit trails. */
    public List<InteractionEntry> forLead(LeadId lead) {
        return query.forLead(lead);
    }

    /** The average outcome score of a lead's held, scored interactions, and how many were scored. */
    public InteractionQuery.OutcomeAverage averageOutcome(LeadId lead) {
        return query.averageOutcome(lead);
    }

    /** The signed-in user's open next steps, soonest first. */
    @PreAuthorize(WRITERS)
    public List<AgendaItem> myAgenda() {
        return query.agenda(users.currentUserId(), 500);
    }

    /** How many of the signed-in user's next steps are past due (for the navigation badge). */
    @PreAuthorize(WRITERS)
    public long myOverdueCount() {
        return query.overdueCount(users.currentUserId(), today());
    }

    /** A page of every interaction for managers, filtered and sorted; no count, the grid scrolls by slices. */
    @PreAuthorize(AppRoles.HAS_MANAGER)
    public List<InteractionRow> find(InteractionFilter filter, InteractionSort sort, boolean ascending, int offset,
            int limit) {
        return query.page(filter == null ? InteractionFilter.none() : filter, properties.zone(),
                sort == null ? InteractionSort.OCCURRED_AT : sort, ascending, offset, limit);
    }

    /** How many interactions {@link #find} lists for the filter: one count statement, for a narrowed list. */
    @PreAuthorize(AppRoles.HAS_MANAGER)
    public long count(InteractionFilter filter) {
        return query.count(filter == null ? InteractionFilter.none() : filter, properties.zone());
    }

    /**
     * Writes the managers' list with the given filter as CSV (docs/export.md), newest first,
     * {@value #EXPORT_CHUNK} rows per statement: the file streams, whatever its size.
     */
    @PreAuthorize(AppRoles.HAS_MANAGER)
    public void export(InteractionFilter filter, OutputStream out) {
        InteractionFilter exported = filter == null ? InteractionFilter.none() : filter;
        CsvWriter.withHeader(out, EXPORT_HEADER).pages(
                (offset, limit) -> query.page(exported, properties.zone(), InteractionSort.OCCURRED_AT, false, offset,
                        limit),
                EXPORT_CHUNK,
                r -> Arrays.asList(r.occurredAt(), r.user().username(), r.lead().value(), r.leadName(),
                        r.type().name(), r.outcomeScore(), r.statusAtTheTime().name(), r.summary(), r.nextStep(),
                        r.nextStepDue()));
    }

    /** Where a due date falls in the agenda, seen from today in the business time zone. */
    public AgendaGroup groupOf(LocalDate due) {
        return AgendaGroup.of(due, today());
    }

    /** Whether the signed-in user may still edit this interaction. */
    public boolean mayEdit(InteractionEntry entry) {
        return rights().mayEdit(entry);
    }

    /**
     * The signed-in user's rights over interactions, to check a whole timeline with one look-up
     * (asking {@link #mayEdit} per entry costs a query per entry).
     */
    public InteractionRights rights() {
        return new InteractionRights(users.currentUserId(), mayLog(), currentUser.has(Role.MANAGER), clock.instant());
    }

    /** Whether the signed-in user's roles may log interactions (an ADMIN only reads them). */
    public boolean mayLog() {
        return currentUser.has(Role.MARKETING) || currentUser.has(Role.SALES) || currentUser.has(Role.MANAGER);
    }

    // ---- writing -----------------------------------------------------------------------------

    @Transactional
    @PreAuthorize(WRITERS)
    public InteractionId log(NewInteraction input) {
        Instant now = clock.instant();
        UserId me = users.currentUserId();
        LeadDetails lead = input.lead() == null ? null : leads.get(input.lead()).orElse(null);
        if (lead == null) {
            throw new BusinessRuleException("lead", "interaction.error.lead-required");
        }
        UserId who = input.user() == null ? me : input.user();
        if (!who.equals(me)) {
            if (!currentUser.has(Role.MANAGER)) {
                throw new BusinessRuleException("user", "interaction.error.log-for-others");
            }
            requireTeamMember(who);
        }
        var entity = new InteractionEntity(lead.id().value(), who.value(), me.value(), lead.status(), now);
        apply(entity, input.type(), input.occurredAt() == null ? now : input.occurredAt(), input.planned(),
                input.summary(), input.outcomeScore(), input.nextStep(), input.nextStepDue(), now);
        entity.touch(currentUser.requireUsername(), now);
        InteractionEntity saved = interactions.saveAndFlush(entity);
        refreshLead(lead.id());
        // in the transaction: statistics count the new row before the commit (decision 034)
        events.publishEvent(InteractionsChanged.inserted(List.of(key(saved))));
        live.publish(TOPIC, saved.getId());
        return new InteractionId(saved.getId());
    }

    /**
     * Corrects an interaction: its author (who had it or who logged it) within 24 hours of logging
     * it, a manager always. Every change is kept in the audit trail.
     */
    @Transactional
    @PreAuthorize(WRITERS)
    public InteractionEntry edit(InteractionId id, InteractionChanges changes) {
        InteractionEntity entity = load(id);
        String refusal = rights().editRefusal(new UserId(entity.getUserId()), new UserId(entity.getLoggedById()),
                entity.getCreatedAt());
        if (refusal != null) {
            throw new BusinessRuleException(null, refusal);
        }
        if (entity.getVersion() != changes.version()) {
            throw new ConcurrentEditException(entity.getUpdatedBy(), entity.getUpdatedAt());
        }
        var before = snapshot(entity);
        InteractionsChanged.Key keyBefore = key(entity);
        Instant now = clock.instant();
        apply(entity, changes.type(), changes.occurredAt(), changes.planned(), changes.summary(),
                changes.outcomeScore(), changes.nextStep(), changes.nextStepDue(), entity.getCreatedAt());
        List<String> diff = diff(before, snapshot(entity));
        if (!diff.isEmpty()) {
            entity.touch(currentUser.requireUsername(), now);
            interactions.saveAndFlush(entity);
            edits.save(new InteractionEditEntity(entity.getId(), now, users.currentUserId().value(),
                    String.join("\n", diff)));
            refreshLead(new LeadId(entity.getLeadId()));
            // the old and the new key: an edit may move the interaction to another day or type
            events.publishEvent(InteractionsChanged.edited(keyBefore, key(entity)));
            live.publish(TOPIC, entity.getId());
        }
        return query.get(id).orElseThrow();
    }

    /** Marks a next step done; only the person whose agenda holds it, or a manager. */
    @Transactional
    @PreAuthorize(WRITERS)
    public void completeNextStep(InteractionId id) {
        InteractionEntity entity = load(id);
        if (entity.getNextStep() == null) {
            throw new BusinessRuleException(null, "interaction.error.no-next-step");
        }
        if (entity.getUserId() != users.currentUserId().value() && !currentUser.has(Role.MANAGER)) {
            throw new BusinessRuleException(null, "interaction.error.not-your-step");
        }
        if (entity.getNextStepDoneAt() == null) {
            entity.setNextStepDoneAt(clock.instant());
            entity.touch(currentUser.requireUsername(), clock.instant());
            interactions.saveAndFlush(entity);
            live.publish(TOPIC, entity.getId());
        }
    }

    /** Marks a next step done and logs the follow-up interaction in one transaction. */
    @Transactional
    @PreAuthorize(WRITERS)
    public InteractionId completeWithFollowUp(InteractionId id, NewInteraction followUp) {
        completeNextStep(id);
        return log(followUp);
    }

    // ---- rules -------------------------------------------------------------------------------

    private void apply(InteractionEntity entity, InteractionType type, Instant occurredAt, boolean planned,
            String summary, Integer score, String nextStep, LocalDate due, Instant loggedAt) {
        if (type == null) {
            throw new BusinessRuleException("type", "interaction.error.type-required");
        }
        if (occurredAt == null) {
            throw new BusinessRuleException("occurredAt", "interaction.error.when-required");
        }
        Instant now = clock.instant();
        if (planned) {
            if (!type.canBePlanned()) {
                throw new BusinessRuleException("planned", "interaction.error.plan-type");
            }
            if (score != null) {
                throw new BusinessRuleException("outcomeScore", "interaction.error.planned-score");
            }
        } else {
            // a minute of slack for clocks between browser and server
            if (occurredAt.isAfter(now.plus(Duration.ofMinutes(1)))) {
                throw new BusinessRuleException("occurredAt", "interaction.error.future");
            }
            if (type.requiresScore() && score == null) {
                throw new BusinessRuleException("outcomeScore", "interaction.error.score-required");
            }
        }
        if (score != null && (score < 1 || score > 5)) {
            throw new BusinessRuleException("outcomeScore", "interaction.error.score-range");
        }
        String text = trimmed(summary);
        if (text != null && text.length() > SUMMARY_MAX) {
            throw new BusinessRuleException("summary", "interaction.error.too-long", SUMMARY_MAX);
        }
        String step = trimmed(nextStep);
        if (step != null && step.length() > NEXT_STEP_MAX) {
            throw new BusinessRuleException("nextStep", "interaction.error.too-long", NEXT_STEP_MAX);
        }
        if (due != null && step == null) {
            throw new BusinessRuleException("nextStep", "interaction.error.next-step-required");
        }
        if (due != null && due.isBefore(occurredAt.atZone(properties.zone()).toLocalDate())) {
            throw new BusinessRuleException("nextStepDue", "interaction.error.due-before");
        }
        entity.setType(type);
        entity.setOccurredAt(occurredAt);
        entity.setPlanned(planned);
        entity.setSummary(text);
        entity.setOutcomeScore(score);
        entity.setNextStep(step, due);
    }

    private void requireTeamMember(UserId who) {
        String username = users.usernameOf(who)
                .orElseThrow(() -> new BusinessRuleException("user", "interaction.error.user-unknown"));
        UserSummary user = users.findByUsername(username)
                .orElseThrow(() -> new BusinessRuleException("user", "interaction.error.user-unknown"));
        if (!user.active() || !(user.has(Role.SALES) || user.has(Role.MARKETING) || user.has(Role.MANAGER))) {
            throw new BusinessRuleException("user", "interaction.error.user-not-eligible", user.username());
        }
    }

    private void refreshLead(LeadId lead) {
        app.ponte.lead.OutcomeSummary summary = query.outcomeSummary(lead);
        leads.interactionsChanged(lead, summary.lastAt(), summary.lastScore(), summary.atRisk());
    }

    static InteractionsChanged.Key key(InteractionEntity entity) {
        return new InteractionsChanged.Key(entity.getOccurredAt(), new UserId(entity.getUserId()), entity.getType());
    }

    private InteractionEntity load(InteractionId id) {
        return interactions.findById(id.value())
                .orElseThrow(() -> new BusinessRuleException(null, "interaction.error.not-found"));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private record Snapshot(InteractionType type, Instant occurredAt, boolean planned, String summary, Integer score,
            String nextStep, LocalDate due) {
    }

    private static Snapshot snapshot(InteractionEntity e) {
        return new Snapshot(e.getType(), e.getOccurredAt(), e.isPlanned(), e.getSummary(), e.getOutcomeScore(),
                e.getNextStep(), e.getNextStepDue());
    }

    /** "field: old → new" for each changed field, in a fixed order. */
    private static List<String> diff(Snapshot a, Snapshot b) {
        List<String> lines = new ArrayList<>();
        add(lines, "type", a.type(), b.type());
        add(lines, "occurredAt", a.occurredAt(), b.occurredAt());
        add(lines, "planned", a.planned(), b.planned());
        add(lines, "summary", a.summary(), b.summary());
        add(lines, "outcomeScore", a.score(), b.score());
        add(lines, "nextStep", a.nextStep(), b.nextStep());
        add(lines, "nextStepDue", a.due(), b.due());
        return lines;
    }

    private static void add(List<String> lines, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            lines.add(field + ": " + (before == null ? "—" : before) + " → " + (after == null ? "—" : after));
        }
    }
}
