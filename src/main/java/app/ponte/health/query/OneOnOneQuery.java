package app.ponte.health.query;

import static app.ponte.base.SqlValues.instant;

import app.ponte.health.ActionItem;
import app.ponte.health.OneOnOneId;
import app.ponte.health.OneOnOneSummary;
import app.ponte.health.Participant;
import app.ponte.health.Rhythm;
import app.ponte.security.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side of one-on-ones. Private notes are read only for a given author, and the service
 * passes nobody but the signed-in user.
 */
@Component
public class OneOnOneQuery {

    private static final String SUMMARY = "select o.id, o.scheduled_at, o.duration_minutes, o.rhythm, o.agenda, o.notes,"
            + " o.version, o.updated_by, o.updated_at, m.id as m_id, m.username as m_username, m.full_name as m_full_name,"
            + " r.id as r_id, r.username as r_username, r.full_name as r_full_name from one_on_one o"
            + " join app_user m on m.id = o.manager_id join app_user r on r.id = o.report_id";

    private final JdbcClient jdbc;

    public OneOnOneQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A one-on-one with its shared texts. */
    public record Row(OneOnOneSummary summary, String agenda, String notes, long version, String updatedBy,
            Instant updatedAt) {
    }

    public Optional<Row> get(OneOnOneId id) {
        return jdbc.sql(SUMMARY + " where o.id = :id").param("id", id.value()).query(OneOnOneQuery::row).optional();
    }

    /** The user's one-on-ones (as manager or report), latest first. */
    public List<OneOnOneSummary> of(UserId user, int limit) {
        return jdbc.sql(SUMMARY + " where o.manager_id = :user or o.report_id = :user"
                        + " order by o.scheduled_at desc, o.id desc limit :limit")
                .param("user", user.value()).param("limit", limit)
                .query(OneOnOneQuery::row).list().stream().map(Row::summary).toList();
    }

    /** Every one-on-one of a pair, latest first. */
    public List<OneOnOneSummary> pair(UserId manager, UserId report) {
        return jdbc.sql(SUMMARY + " where o.manager_id = :manager and o.report_id = :report"
                        + " order by o.scheduled_at desc, o.id desc")
                .param("manager", manager.value()).param("report", report.value())
                .query(OneOnOneQuery::row).list().stream().map(Row::summary).toList();
    }

    public List<ActionItem> actions(OneOnOneId id) {
        return jdbc.sql("select a.id, a.one_on_one_id, a.text, a.due, a.done_at, u.id as u_id, u.username, u.full_name"
                        + " from one_on_one_action a join app_user u on u.id = a.owner_id where a.one_on_one_id = :id"
                        + " order by a.id")
                .param("id", id.value()).query(OneOnOneQuery::action).list();
    }

    public Optional<ActionItem> action(long action) {
        return jdbc.sql("select a.id, a.one_on_one_id, a.text, a.due, a.done_at, u.id as u_id, u.username, u.full_name"
                        + " from one_on_one_action a join app_user u on u.id = a.owner_id where a.id = :id")
                .param("id", action).query(OneOnOneQuery::action).optional();
    }

    /** A user's open action items, soonest due first (no due date last). */
    public List<ActionItem> openActionsOf(UserId owner, int limit) {
        return jdbc.sql("select a.id, a.one_on_one_id, a.text, a.due, a.done_at, u.id as u_id, u.username, u.full_name"
                        + " from one_on_one_action a join app_user u on u.id = a.owner_id"
                        + " where a.owner_id = :owner and a.done_at is null"
                        + " order by case when a.due is null then 1 else 0 end, a.due, a.id limit :limit")
                .param("owner", owner.value()).param("limit", limit).query(OneOnOneQuery::action).list();
    }

    /** The private note of exactly this author on this one-on-one. */
    public Optional<String> privateNote(OneOnOneId id, UserId author) {
        return jdbc.sql("select text from one_on_one_private_note where one_on_one_id = :id and author_id = :author")
                .param("id", id.value()).param("author", author.value()).query(String.class).optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String rhythm = rs.getString("rhythm");
        var summary = new OneOnOneSummary(new OneOnOneId(rs.getLong("id")),
                new Participant(new UserId(rs.getLong("m_id")), rs.getString("m_username"), rs.getString("m_full_name")),
                new Participant(new UserId(rs.getLong("r_id")), rs.getString("r_username"), rs.getString("r_full_name")),
                instant(rs, "scheduled_at"), rs.getInt("duration_minutes"), rhythm == null ? null : Rhythm.valueOf(rhythm));
        return new Row(summary, rs.getString("agenda"), rs.getString("notes"), rs.getLong("version"),
                rs.getString("updated_by"), instant(rs, "updated_at"));
    }

    private static ActionItem action(ResultSet rs, int n) throws SQLException {
        return new ActionItem(rs.getLong("id"), new OneOnOneId(rs.getLong("one_on_one_id")),
                new Participant(new UserId(rs.getLong("u_id")), rs.getString("username"), rs.getString("full_name")),
                rs.getString("text"), rs.getObject("due", LocalDate.class), rs.getObject("done_at") != null);
    }

}
