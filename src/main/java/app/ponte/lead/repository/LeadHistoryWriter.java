package app.ponte.lead.repository;

import app.ponte.lead.LeadStatus;
import app.ponte.lead.LeadStatusSql;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes leads from history with one JDBC batch (the CSV import of 200,000 leads): no entity is
 * built, so memory does not grow with the file; the rows are exactly what {@link LeadEntity}'s
 * constructor would store for a NEW lead. Always inside the lead service's transaction.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class LeadHistoryWriter {

    /** A NEW lead from history, already checked by the lead service. */
    public record Row(String externalId, String name, String company, String email, String emailKey, String phone,
            String channelCode, String intent, BigDecimal expectedValue, long ownerId, long createdById,
            Instant createdAt, String updatedBy) {
    }

    private final JdbcTemplate jdbc;

    LeadHistoryWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into lead (external_id, name, company, email, email_key, phone, channel_code, intent,"
                + " status, max_status_rank, owner_id, created_by_id, created_at, status_changed_at, expected_value,"
                + " updated_at, updated_by, version, at_risk, last_activity_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, " + LeadStatusSql.literal(LeadStatus.NEW) + ", " + LeadStatus.NEW.rank()
                + ", ?, ?, ?, ?, ?, ?, ?, 0, false, ?)", rows, 500, (ps, row) -> {
                    OffsetDateTime created = OffsetDateTime.ofInstant(row.createdAt(), ZoneOffset.UTC);
                    ps.setString(1, row.externalId());
                    ps.setString(2, row.name());
                    ps.setString(3, row.company());
                    ps.setString(4, row.email());
                    ps.setString(5, row.emailKey());
                    ps.setString(6, row.phone());
                    ps.setString(7, row.channelCode());
                    ps.setString(8, row.intent());
                    ps.setLong(9, row.ownerId());
                    ps.setLong(10, row.createdById());
                    ps.setObject(11, created);
                    ps.setObject(12, created);
                    if (row.expectedValue() == null) {
                        ps.setNull(13, Types.NUMERIC);
                    } else {
                        ps.setBigDecimal(13, row.expectedValue());
                    }
                    ps.setObject(14, created);
                    ps.setString(15, row.updatedBy());
                    ps.setObject(16, created);
                });
    }

    /**
     * Sets {@code lead_channel_code} of every status change whose lead has another channel, or that has none (written
     * by plain SQL), set-based: one standard {@code merge}, the same on H2 and PostgreSQL. Returns the rows set.
     */
    public long alignStatusChangeChannels() {
        return jdbc.update("merge into lead_status_change c using lead l on l.id = c.lead_id"
                + " when matched and (c.lead_channel_code is null or c.lead_channel_code <> l.channel_code)"
                + " then update set lead_channel_code = l.channel_code");
    }

    /** A lead's outcome summary as the interactions feature computed it. */
    public record Outcome(long leadId, Instant lastAt, Integer lastScore, boolean atRisk) {
    }

    public void updateOutcomeSummaries(List<Outcome> outcomes) {
        // last_activity_at: the later of the status change and the last interaction, as LeadEntity keeps it
        jdbc.batchUpdate("update lead set last_interaction_at = ?, last_outcome_score = ?, at_risk = ?,"
                + " last_activity_at = case when ? > status_changed_at then ? else status_changed_at end where id = ?",
                outcomes, 500, (ps, o) -> {
                    if (o.lastAt() == null) {
                        ps.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        ps.setObject(1, OffsetDateTime.ofInstant(o.lastAt(), ZoneOffset.UTC));
                    }
                    if (o.lastScore() == null) {
                        ps.setNull(2, Types.SMALLINT);
                    } else {
                        ps.setShort(2, o.lastScore().shortValue());
                    }
                    ps.setBoolean(3, o.atRisk());
                    if (o.lastAt() == null) {
                        ps.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
                        ps.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        ps.setObject(4, OffsetDateTime.ofInstant(o.lastAt(), ZoneOffset.UTC));
                        ps.setObject(5, OffsetDateTime.ofInstant(o.lastAt(), ZoneOffset.UTC));
                    }
                    ps.setLong(6, o.leadId());
                });
    }
}
