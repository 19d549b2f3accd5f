package app.ponte.handoff.query;

import static app.ponte.base.SqlValues.instant;

import app.ponte.handoff.HandoffEntry;
import app.ponte.handoff.HandoffId;
import app.ponte.handoff.HandoffRate;
import app.ponte.handoff.HandoffState;
import app.ponte.handoff.RejectReason;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.Person;
import app.ponte.security.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read side of handoffs: the lead's history, the inbox, the marketer's list and rate, the SLA sweep. */
@Component
public class HandoffQuery {

    private static final String SELECT = "select h.*, l.name as lead_name, l.company as lead_company,"
            + " l.status as lead_status, l.channel_code as lead_channel,"
            + " f.username as f_username, f.full_name as f_full_name,"
            + " t.username as t_username, t.full_name as t_full_name,"
            + " d.username as d_username, d.full_name as d_full_name"
            + " from handoff h join lead l on l.id = h.lead_id join app_user f on f.id = h.from_user_id"
            + " left join app_user t on t.id = h.to_user_id left join app_user d on d.id = h.decided_by_id";

    private final JdbcClient jdbc;

    public HandoffQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A handoff with the lead's current status and channel (for the inbox). */
    public record Row(HandoffEntry entry, LeadStatus leadStatus, String channelCode) {
    }

    public Optional<HandoffEntry> get(HandoffId id) {
        return jdbc.sql(SELECT + " where h.id = :id").param("id", id.value()).query(HandoffQuery::row).optional()
                .map(Row::entry);
    }

    /** Every handoff of a lead, oldest first (the lead timeline, on ix_handoff_lead). */
    public List<HandoffEntry> forLead(LeadId lead) {
        return jdbc.sql(SELECT + " where h.lead_id = :lead order by h.created_at, h.id")
                .param("lead", lead.value()).query(HandoffQuery::row).list().stream().map(Row::entry).toList();
    }

    /**
     * Pending handoffs, oldest first: addressed to {@code user} or waiting unclaimed in the queue;
     * every pending one when {@code user} is null (a manager's view).
     */
    public List<Row> pending(UserId user, int limit) {
        String where = user == null ? " where h.state = 'PENDING'"
                : " where h.state = 'PENDING' and (h.to_user_id = :user or h.to_user_id is null)";
        var spec = jdbc.sql(SELECT + where + " order by h.created_at, h.id limit :limit").param("limit", limit);
        if (user != null) {
            spec = spec.param("user", user.value());
        }
        return spec.query(HandoffQuery::row).list();
    }

    /** How many pending handoffs are addressed to {@code user} (the navigation badge; on ix_handoff_to). */
    public long pendingCount(UserId user) {
        return jdbc.sql("select count(*) from handoff where to_user_id = :user and state = 'PENDING'")
                .param("user", user.value()).query(Long.class).single();
    }

    /** A slice of the handoffs sent by {@code from} (everyone's when null), newest first, id as tie-break. */
    public List<HandoffEntry> sent(UserId from, int offset, int limit) {
        String where = from == null ? "" : " where h.from_user_id = :from";
        var spec = jdbc.sql(SELECT + where + " order by h.created_at desc, h.id desc limit :limit offset :offset")
                .param("limit", limit).param("offset", offset);
        if (from != null) {
            spec = spec.param("from", from.value());
        }
        return spec.query(HandoffQuery::row).list().stream().map(Row::entry).toList();
    }

    /** Accepted and rejected handoffs of {@code from} (everyone's when null) decided in [start, end). */
    public HandoffRate rate(UserId from, Instant start, Instant end) {
        String where = " where decided_at >= :start and decided_at < :end" + (from == null ? "" : " and from_user_id = :from");
        var spec = jdbc.sql("select coalesce(sum(case when state = 'ACCEPTED' then 1 else 0 end), 0),"
                        + " coalesce(sum(case when state = 'REJECTED' then 1 else 0 end), 0) from handoff" + where)
                .param("start", utc(start)).param("end", utc(end));
        if (from != null) {
            spec = spec.param("from", from.value());
        }
        return spec.query((rs, n) -> HandoffRate.of(rs.getLong(1), rs.getLong(2))).single();
    }

    /** Pending handoffs created before {@code createdBefore} whose SLA notice has not gone out (the sweep). */
    public List<HandoffEntry> overdueUnnotified(Instant createdBefore, int limit) {
        return jdbc.sql(SELECT + " where h.state = 'PENDING' and h.sla_notified_at is null"
                        + " and h.created_at < :before order by h.created_at, h.id limit :limit")
                .param("before", utc(createdBefore)).param("limit", limit)
                .query(HandoffQuery::row).list().stream().map(Row::entry).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long to = rs.getLong("to_user_id");
        Person toPerson = rs.wasNull() ? null
                : new Person(new UserId(to), rs.getString("t_username"), rs.getString("t_full_name"));
        long decidedBy = rs.getLong("decided_by_id");
        Person decider = rs.wasNull() ? null
                : new Person(new UserId(decidedBy), rs.getString("d_username"), rs.getString("d_full_name"));
        String reason = rs.getString("reason_code");
        var entry = new HandoffEntry(new HandoffId(rs.getLong("id")), new LeadId(rs.getLong("lead_id")),
                rs.getString("lead_name"), rs.getString("lead_company"),
                new Person(new UserId(rs.getLong("from_user_id")), rs.getString("f_username"),
                        rs.getString("f_full_name")),
                toPerson, rs.getBoolean("via_queue"), rs.getString("note"),
                HandoffState.valueOf(rs.getString("state")), instant(rs, "created_at"), instant(rs, "claimed_at"),
                instant(rs, "decided_at"), decider, reason == null ? null : RejectReason.valueOf(reason),
                rs.getString("decision_note"), rs.getBoolean("imported"), rs.getLong("version"));
        return new Row(entry, LeadStatus.valueOf(rs.getString("lead_status")), rs.getString("lead_channel"));
    }

}
