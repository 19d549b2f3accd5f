package app.ponte.health;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.CsvWriter;
import app.ponte.base.PonteProperties;
import app.ponte.health.query.OneOnOneQuery;
import app.ponte.health.repository.OneOnOneStore;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only door to one-on-ones. A manager schedules one with a report; only those two read and
 * edit its shared agenda and notes (optimistic locking: two people type at once) and its action
 * items. Private notes are read and written only by their author — every method here takes the
 * author from the signed-in user, never from a parameter, so no manager, admin or API can ask for
 * someone else's.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class OneOnOneService {

    public static final int DEFAULT_MINUTES = 60;
    static final int AGENDA_MAX = 4000;
    /** Columns of the one-on-ones export (docs/export.md): no agenda, notes or private notes. */
    public static final List<String> EXPORT_HEADER = List.of("scheduled_at", "manager", "report", "duration_minutes",
            "rhythm");
    static final int NOTES_MAX = 8000;
    static final int ACTION_MAX = 500;

    private final OneOnOneStore store;
    private final OneOnOneQuery query;
    private final UserService users;
    private final CurrentUser currentUser;
    private final NotificationService notifications;
    private final PonteProperties properties;
    private final Clock clock;

    OneOnOneService(OneOnOneStore store, OneOnOneQuery query, UserService users, CurrentUser currentUser,
            NotificationService notifications, PonteProperties properties, Clock clock) {
        this.store = store;
        this.query = query;
        this.users = users;
        this.currentUser = currentUser;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- reading ------------------------------------------------------------------------------------

    /** The signed-in user's one-on-ones, as manager or as report, latest first. */
    public List<OneOnOneSummary> mine() {
        return query.of(users.currentUserId(), 500);
    }

    /** Writes {@link #mine} as CSV (docs/export.md): only the caller's own one-on-ones, as the list shows. */
    public void exportMine(OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, EXPORT_HEADER);
        mine().forEach(o -> csv.row(o.scheduledAt(), o.manager().username(), o.report().username(),
                o.durationMinutes(), o.rhythm() == null ? null : o.rhythm().name()));
        csv.flush();
    }

    /** A one-on-one, for its two participants only. */
    public OneOnOneDetails get(OneOnOneId id) {
        OneOnOneQuery.Row row = participantRow(id);
        return details(row);
    }

    /** Every one-on-one of the same pair, latest first (for its participants). */
    public List<OneOnOneSummary> history(OneOnOneId id) {
        OneOnOneSummary s = participantRow(id).summary();
        return query.pair(s.manager().id(), s.report().id());
    }

    /** The signed-in user's own private note on a one-on-one; nobody else's is ever returned. */
    public Optional<String> myPrivateNote(OneOnOneId id) {
        participantRow(id);
        return query.privateNote(id, users.currentUserId());
    }

    /** The signed-in user's open action items from all their one-on-ones (for the agenda). */
    public List<ActionItem> myOpenActionItems() {
        return query.openActionsOf(users.currentUserId(), 500);
    }

    /** Whom a manager may meet: every active account but their own, by name. */
    @PreAuthorize(AppRoles.HAS_MANAGER)
    public List<UserSummary> possibleReports() {
        UserId me = users.currentUserId();
        Map<UserId, UserSummary> byId = new LinkedHashMap<>();
        Stream.of(Role.values()).flatMap(role -> users.activeWithRole(role).stream())
                .filter(u -> !u.id().equals(me)).forEach(u -> byId.putIfAbsent(u.id(), u));
        return byId.values().stream()
                .sorted(Comparator.comparing((UserSummary u) -> u.fullName().toLowerCase(Locale.ROOT))
                        .thenComparing(u -> u.id().value()))
                .toList();
    }

    // ---- writing ------------------------------------------------------------------------------------

    @Transactional
    @PreAuthorize(AppRoles.HAS_MANAGER)
    public OneOnOneId schedule(NewOneOnOne meeting) {
        UserId me = users.currentUserId();
        if (meeting.report() == null) {
            throw new BusinessRuleException("report", "oneonone.error.report-required");
        }
        if (meeting.report().equals(me)) {
            throw new BusinessRuleException("report", "oneonone.error.self");
        }
        String username = users.usernameOf(meeting.report())
                .orElseThrow(() -> new BusinessRuleException("report", "oneonone.error.report-required"));
        if (users.findByUsername(username).map(u -> !u.active()).orElse(true)) {
            throw new BusinessRuleException("report", "oneonone.error.report-inactive");
        }
        if (meeting.scheduledAt() == null) {
            throw new BusinessRuleException("scheduledAt", "oneonone.error.when-required");
        }
        int minutes = meeting.durationMinutes() == null ? DEFAULT_MINUTES : meeting.durationMinutes();
        if (minutes < 5 || minutes > 480) {
            throw new BusinessRuleException("durationMinutes", "oneonone.error.duration", 5, 480);
        }
        Instant now = clock.instant();
        long id = store.insert(me.value(), meeting.report().value(), meeting.scheduledAt(), minutes, meeting.rhythm(),
                currentUser.requireUsername(), now);
        return new OneOnOneId(id);
    }

    /** Saves the shared agenda; refused when the other participant saved since {@code version}. */
    @Transactional
    public OneOnOneDetails saveAgenda(OneOnOneId id, String agenda, long version) {
        return saveShared(id, "agenda", agenda, AGENDA_MAX, version);
    }

    /** Saves the shared notes; refused when the other participant saved since {@code version}. */
    @Transactional
    public OneOnOneDetails saveNotes(OneOnOneId id, String notes, long version) {
        return saveShared(id, "notes", notes, NOTES_MAX, version);
    }

    private OneOnOneDetails saveShared(OneOnOneId id, String column, String text, int max, long version) {
        OneOnOneQuery.Row row = participantRow(id);
        String value = trimmed(text);
        if (value != null && value.length() > max) {
            throw new BusinessRuleException(column, "oneonone.error.too-long", max);
        }
        if (row.version() != version
                || !store.updateShared(id.value(), column, value, version, currentUser.requireUsername(), clock.instant())) {
            OneOnOneQuery.Row now = query.get(id).orElse(row);
            throw new ConcurrentEditException(now.updatedBy(), now.updatedAt());
        }
        return details(query.get(id).orElseThrow());
    }

    /** Writes the signed-in user's private note (empty text removes it). */
    @Transactional
    public void savePrivateNote(OneOnOneId id, String text) {
        participantRow(id);
        String value = trimmed(text);
        if (value != null && value.length() > NOTES_MAX) {
            throw new BusinessRuleException("privateNote", "oneonone.error.too-long", NOTES_MAX);
        }
        long me = users.currentUserId().value();
        if (value == null) {
            store.deletePrivateNote(id.value(), me);
        } else {
            store.savePrivateNote(id.value(), me, value, clock.instant());
        }
    }

    /** Adds an action item owned by one of the two participants; it appears in the owner's agenda. */
    @Transactional
    public long addActionItem(OneOnOneId id, UserId owner, String text, LocalDate due) {
        OneOnOneSummary s = participantRow(id).summary();
        if (owner == null || !(owner.equals(s.manager().id()) || owner.equals(s.report().id()))) {
            throw new BusinessRuleException("owner", "oneonone.error.owner");
        }
        String value = trimmed(text);
        if (value == null) {
            throw new BusinessRuleException("text", "oneonone.error.action-required");
        }
        if (value.length() > ACTION_MAX) {
            throw new BusinessRuleException("text", "oneonone.error.too-long", ACTION_MAX);
        }
        long action = store.insertAction(id.value(), owner.value(), value, due, clock.instant());
        if (!owner.equals(users.currentUserId())) {
            notifications.send(new NewNotification(owner, NotificationKind.ACTION_ITEM, "one-on-ones/" + id.value(),
                    "oneonone.notification.action", List.of(value)));
        }
        return action;
    }

    /** Marks an action item done or open again; either participant may. */
    @Transactional
    public void setActionDone(long action, boolean done) {
        ActionItem item = query.action(action)
                .orElseThrow(() -> new BusinessRuleException(null, "oneonone.error.not-found"));
        participantRow(item.oneOnOne());
        store.setActionDone(action, done ? clock.instant() : null);
    }

    // ---- rules --------------------------------------------------------------------------------------

    /** The one-on-one, if the signed-in user is one of its two participants; refused otherwise (admins too). */
    private OneOnOneQuery.Row participantRow(OneOnOneId id) {
        OneOnOneQuery.Row row = query.get(id).orElseThrow(() -> new BusinessRuleException(null, "oneonone.error.not-found"));
        UserId me = users.currentUserId();
        if (!row.summary().manager().id().equals(me) && !row.summary().report().id().equals(me)) {
            throw new BusinessRuleException(null, "oneonone.error.not-participant");
        }
        return row;
    }

    private OneOnOneDetails details(OneOnOneQuery.Row row) {
        OneOnOneSummary s = row.summary();
        Instant suggested = s.rhythm() == null ? null
                : s.rhythm().next(s.scheduledAt().atZone(properties.zone())).toInstant();
        return new OneOnOneDetails(s, row.agenda(), row.notes(), row.version(), row.updatedBy(), row.updatedAt(),
                query.actions(s.id()), suggested);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
