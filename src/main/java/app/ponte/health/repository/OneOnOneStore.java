package app.ponte.health.repository;

import app.ponte.health.Rhythm;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes of one-on-ones; always inside the one-on-one service's transaction. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class OneOnOneStore {

    private final JdbcClient jdbc;

    public OneOnOneStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long manager, long report, Instant scheduledAt, int minutes, Rhythm rhythm, String by,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into one_on_one (manager_id, report_id, scheduled_at, duration_minutes, rhythm, created_at,"
                        + " updated_at, updated_by, version) values (:manager, :report, :at, :minutes, :rhythm, :now, :now,"
                        + " :by, 0)")
                .param("manager", manager).param("report", report).param("at", scheduledAt.atOffset(ZoneOffset.UTC))
                .param("minutes", minutes).param("rhythm", rhythm == null ? null : rhythm.name())
                .param("now", now.atOffset(ZoneOffset.UTC)).param("by", by)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Saves the shared agenda or notes if nobody saved since {@code version}; false otherwise. */
    public boolean updateShared(long id, String column, String text, long version, String by, Instant now) {
        if (!column.equals("agenda") && !column.equals("notes")) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("update one_on_one set " + column + " = :text, updated_at = :now, updated_by = :by,"
                        + " version = version + 1 where id = :id and version = :version")
                .param("text", text).param("now", now.atOffset(ZoneOffset.UTC)).param("by", by).param("id", id)
                .param("version", version).update() == 1;
    }

    /** Writes the author's private note, replacing their earlier one. */
    public void savePrivateNote(long id, long author, String text, Instant now) {
        int updated = jdbc.sql("update one_on_one_private_note set text = :text, updated_at = :now, version = version + 1"
                        + " where one_on_one_id = :id and author_id = :author")
                .param("text", text).param("now", now.atOffset(ZoneOffset.UTC)).param("id", id).param("author", author)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into one_on_one_private_note (one_on_one_id, author_id, text, updated_at, version)"
                            + " values (:id, :author, :text, :now, 0)")
                    .param("id", id).param("author", author).param("text", text)
                    .param("now", now.atOffset(ZoneOffset.UTC)).update();
        }
    }

    public void deletePrivateNote(long id, long author) {
        jdbc.sql("delete from one_on_one_private_note where one_on_one_id = :id and author_id = :author")
                .param("id", id).param("author", author).update();
    }

    public long insertAction(long id, long owner, String text, LocalDate due, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into one_on_one_action (one_on_one_id, owner_id, text, due, created_at, version)"
                        + " values (:id, :owner, :text, :due, :now, 0)")
                .param("id", id).param("owner", owner).param("text", text).param("due", due)
                .param("now", now.atOffset(ZoneOffset.UTC)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void setActionDone(long action, Instant doneAt) {
        jdbc.sql("update one_on_one_action set done_at = :done, version = version + 1 where id = :id")
                .param("done", doneAt == null ? null : doneAt.atOffset(ZoneOffset.UTC)).param("id", action).update();
    }
}
