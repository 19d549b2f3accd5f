package app.ponte.interaction.repository;

import app.ponte.interaction.InteractionType;
import app.ponte.interaction.InteractionsChanged;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.LeadStatusSql;
import app.ponte.security.UserId;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes interactions from history with one JDBC batch (the CSV import of a million interactions):
 * no entity is built, so memory does not grow with the file. Each row is what
 * {@link InteractionEntity} would store, including the derived columns: the lead's status at the
 * time (read from its status history in the same statement) and the open-step owner. Each batch
 * publishes one {@link InteractionsChanged} inside the transaction, so statistics recompute the
 * batch's keys once, set-based, not once per row (decision 034).
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class InteractionHistoryWriter {

    /** A held interaction from history, already checked by the interaction feature. */
    public record Row(long leadId, long userId, String type, Instant occurredAt, Integer outcomeScore, String summary,
            String nextStep, LocalDate nextStepDue, Instant nextStepDoneAt) {
    }

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    InteractionHistoryWriter(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into interaction (lead_id, type, occurred_at, planned, user_id, logged_by_id, summary,"
                + " outcome_score, lead_status, next_step, next_step_due, next_step_done_at, open_step_user_id,"
                + " created_at, updated_at, updated_by, version)"
                + " values (?, ?, ?, false, ?, ?, ?, ?, coalesce((select s.to_status from lead_status_change s"
                + " where s.lead_id = ? and s.changed_at <= ? order by s.changed_at desc, s.id desc"
                + " fetch first 1 rows only), " + LeadStatusSql.literal(LeadStatus.NEW) + "), ?, ?, ?, ?, ?, ?, 'import', 0)", rows, 1000, (ps, row) -> {
                    OffsetDateTime at = OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC);
                    ps.setLong(1, row.leadId());
                    ps.setString(2, row.type());
                    ps.setObject(3, at);
                    ps.setLong(4, row.userId());
                    ps.setLong(5, row.userId());
                    ps.setString(6, row.summary());
                    if (row.outcomeScore() == null) {
                        ps.setNull(7, Types.SMALLINT);
                    } else {
                        ps.setShort(7, row.outcomeScore().shortValue());
                    }
                    ps.setLong(8, row.leadId());
                    ps.setObject(9, at);
                    ps.setString(10, row.nextStep());
                    if (row.nextStepDue() == null) {
                        ps.setNull(11, Types.DATE);
                    } else {
                        ps.setObject(11, row.nextStepDue());
                    }
                    if (row.nextStepDoneAt() == null) {
                        ps.setNull(12, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        ps.setObject(12, OffsetDateTime.ofInstant(row.nextStepDoneAt(), ZoneOffset.UTC));
                    }
                    if (row.nextStep() != null && row.nextStepDoneAt() == null) {
                        ps.setLong(13, row.userId());
                    } else {
                        ps.setNull(13, Types.BIGINT);
                    }
                    ps.setObject(14, at);
                    ps.setObject(15, at);
                });
        events.publishEvent(InteractionsChanged.inserted(rows.stream().map(r -> new InteractionsChanged.Key(
                r.occurredAt(), new UserId(r.userId()), InteractionType.valueOf(r.type()))).toList()));
    }
}
