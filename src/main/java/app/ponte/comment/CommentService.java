package app.ponte.comment;

import static app.ponte.base.SqlValues.instant;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.comment.repository.CommentEntity;
import app.ponte.comment.repository.CommentRepository;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.live.LiveEvents;
import app.ponte.live.Topic;
import app.ponte.notification.NotificationKind;
import app.ponte.notification.NotificationService;
import app.ponte.security.AppRoles;
import app.ponte.security.UserId;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on leads. Everyone who may read a lead may comment on it; only the author edits or
 * deletes a comment. Mentioning {@code @username} of an active colleague notifies them (once per
 * comment, also when an edit adds the mention).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(AppRoles.HAS_ANY_ROLE)
public class CommentService {

    /** Live signals carry the lead's id. */
    public static final Topic TOPIC = new Topic("comments");
    public static final int MAX_LENGTH = 4000;
    /** {@code @name} not preceded by a word character (so e-mail addresses are no mentions). */
    static final Pattern MENTION = Pattern.compile("(?<![\\w@.])@([A-Za-z0-9][A-Za-z0-9._-]{0,49})");

    private final CommentRepository comments;
    private final JdbcClient jdbc;
    private final LeadService leads;
    private final UserService users;
    private final NotificationService notifications;
    private final LiveEvents live;
    private final Clock clock;

    CommentService(CommentRepository comments, JdbcClient jdbc, LeadService leads, UserService users,
            NotificationService notifications, LiveEvents live, Clock clock) {
        this.comments = comments;
        this.jdbc = jdbc;
        this.leads = leads;
        this.users = users;
        this.notifications = notifications;
        this.live = live;
        this.clock = clock;
    }

    /** A lead's comments, oldest first. */
    public List<CommentEntry> list(LeadId lead) {
        requireLead(lead);
        long me = users.currentUserId().value();
        return jdbc.sql("select c.id, c.lead_id, u.username, u.full_name, c.body, c.created_at, c.edited_at,"
                        + " c.version, c.author_id from lead_comment c join app_user u on u.id = c.author_id"
                        + " where c.lead_id = :lead order by c.created_at, c.id")
                .param("lead", lead.value())
                .query((rs, i) -> new CommentEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs, "created_at"), instant(rs, "edited_at"), rs.getLong(8),
                        rs.getLong(9) == me))
                .list();
    }

    @Transactional
    public CommentEntry add(LeadId lead, String text) {
        LeadDetails details = requireLead(lead);
        String body = checkBody(text);
        UserSummary me = users.me();
        var saved = comments.saveAndFlush(new CommentEntity(lead.value(), me.id().value(), body, clock.instant()));
        notifyMentioned(details, me, Set.of(), body);
        live.publish(TOPIC, lead.value());
        return entry(saved, me);
    }

    @Transactional
    public CommentEntry edit(long id, String text, long version) {
        CommentEntity comment = own(id);
        if (comment.getVersion() != version) {
            throw new ConcurrentEditException(users.me().username(), comment.getEditedAt());
        }
        String body = checkBody(text);
        UserSummary me = users.me();
        Set<String> before = mentions(comment.getBody());
        comment.edit(body, clock.instant());
        comments.saveAndFlush(comment);
        notifyMentioned(requireLead(new LeadId(comment.getLeadId())), me, before, body);
        live.publish(TOPIC, comment.getLeadId());
        return entry(comment, me);
    }

    @Transactional
    public void delete(long id) {
        CommentEntity comment = own(id);
        comments.delete(comment);
        live.publish(TOPIC, comment.getLeadId());
    }

    /** Colleagues to suggest after an {@code @} and the start of a name. */
    public List<UserSummary> mentionSuggestions(String prefix) {
        return users.activeMatching(prefix == null ? "" : prefix.strip(), 8);
    }

    /** The usernames a text mentions (lower case, in order, each once). */
    static Set<String> mentions(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            while (name.endsWith(".") || name.endsWith("-")) {
                name = name.substring(0, name.length() - 1);
            }
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private void notifyMentioned(LeadDetails lead, UserSummary author, Set<String> alreadyMentioned, String body) {
        Set<String> fresh = new LinkedHashSet<>(mentions(body));
        fresh.removeAll(alreadyMentioned);
        fresh.remove(author.username());
        List<UserId> recipients = users.activeByUsernames(fresh).stream().map(UserSummary::id).toList();
        if (!recipients.isEmpty()) {
            notifications.send(recipients, NotificationKind.MENTION, "leads/" + lead.id().value(),
                    "notification.mention", List.of(author.fullName(), lead.name()), null);
        }
    }

    private CommentEntity own(long id) {
        CommentEntity comment = comments.findById(id)
                .orElseThrow(() -> new BusinessRuleException(null, "comment.error.not-found"));
        if (comment.getAuthorId() != users.currentUserId().value()) {
            throw new BusinessRuleException(null, "comment.error.not-yours");
        }
        return comment;
    }

    private LeadDetails requireLead(LeadId lead) {
        return leads.get(lead).orElseThrow(() -> new BusinessRuleException(null, "lead.error.not-found"));
    }

    private static String checkBody(String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new BusinessRuleException("body", "comment.error.empty");
        }
        if (body.length() > MAX_LENGTH) {
            throw new BusinessRuleException("body", "comment.error.too-long", MAX_LENGTH);
        }
        return body;
    }

    private static CommentEntry entry(CommentEntity c, UserSummary author) {
        return new CommentEntry(c.getId(), c.getLeadId(), author.username(), author.fullName(), c.getBody(),
                c.getCreatedAt(), c.getEditedAt(), c.getVersion(), true);
    }
}
