package app.ponte.stats.rollup;

import app.ponte.handoff.HandoffsWritten;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.StatusChangesWritten;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code handoff_day}, {@code handoff_recipient_day} and {@code handoff_decision_day} current (decision 040), in the writing transaction:
 * <ul>
 * <li>from the handoff feature's {@link HandoffsWritten} (a send, a claim, an acceptance, a rejection, an import):
 * the key each handoff left (carried by the event) and the keys it has now, read from its row — the decision
 * time's bucket is the database's (a generated column), so it is not guessed in Java;</li>
 * <li>from the lead feature's {@link StatusChangesWritten}: a change into WON is the lead's first (WON is
 * final), after which the lead's highest status is WON's, so its handoffs count as won (the rollups read the lead,
 * {@link SourceRows#wonLead}, decision 048); their keys of the two count rollups are recomputed (the decision
 * histogram does not depend on it).</li>
 * </ul>
 * Always handoff_day, handoff_recipient_day, handoff_decision_day, each in key order ({@link RollupStore#refresh}).
 */
@Component
class HandoffDayKeeper {

    private final RollupStore store;
    private final JdbcClient jdbc;

    HandoffDayKeeper(RollupStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(HandoffsWritten written) {
        List<List<Object>> dayKeys = new ArrayList<>();
        List<List<Object>> recipientKeys = new ArrayList<>();
        written.changes().stream().map(HandoffsWritten.Change::before).filter(Objects::nonNull).forEach(before -> {
            dayKeys.add(HandoffDay.key(before));
            recipientKeys.add(HandoffRecipientDay.key(before));
        });
        List<Long> ids = written.changes().stream().map(c -> c.id().value()).distinct().toList();
        List<List<Object>> decisionKeys = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += RollupStore.CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + RollupStore.CHUNK));
            String in = "h.id in (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            jdbc.sql("select " + HandoffDay.keyOfRow() + ", " + HandoffRecipientDay.keyOfRow() + " from handoff h where " + in)
                    .params(List.copyOf(chunk))
                    .query(rs -> {
                        dayKeys.add(dayKey(rs));
                        recipientKeys.add(recipientKey(rs));
                    });
            decisionKeys.addAll(jdbc.sql("select " + HandoffDecisionDay.keyOfRow() + " from handoff h"
                            + SourceRows.durationBucket("b", "h.decision_seconds") + " where "
                            + SourceRows.decidedHandoff("h") + " and " + in)
                    .params(List.copyOf(chunk))
                    .query((rs, n) -> List.<Object>of(rs.getLong(1), rs.getLong(2), rs.getInt(3)))
                    .list());
        }
        store.refresh(HandoffDay.ROLLUP, dayKeys);
        store.refresh(HandoffRecipientDay.ROLLUP, recipientKeys);
        store.refresh(HandoffDecisionDay.ROLLUP, decisionKeys);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(StatusChangesWritten written) {
        List<StatusChangesWritten.Key> won = written.keys().stream().filter(k -> k.to() == LeadStatus.WON).toList();
        List<List<Object>> dayKeys = new ArrayList<>();
        List<List<Object>> recipientKeys = new ArrayList<>();
        for (int from = 0; from < won.size(); from += RollupStore.CHUNK) {
            List<StatusChangesWritten.Key> chunk = won.subList(from, Math.min(won.size(), from + RollupStore.CHUNK));
            List<Object> params = new ArrayList<>();
            chunk.forEach(k -> {
                params.add(k.changedBy().value());
                params.add(OffsetDateTime.ofInstant(k.changedAt(), ZoneOffset.UTC));
            });
            // the changes are found by who made them and when (ix_status_change_by); another lead won by the
            // same person at the same instant only adds keys to recompute
            jdbc.sql("select distinct " + HandoffDay.keyOfRow() + ", " + HandoffRecipientDay.keyOfRow() + " from (values "
                            + String.join(", ", Collections.nCopies(chunk.size(),
                                    "(cast(? as bigint), cast(? as timestamp(6) with time zone))"))
                            + ") k(changed_by_id, changed_at) join lead_status_change c on c.changed_by_id = k.changed_by_id"
                            + " and c.changed_at = k.changed_at and " + SourceRows.into("c", LeadStatus.WON)
                            + " join handoff h on h.lead_id = c.lead_id")
                    .params(params)
                    .query(rs -> {
                        dayKeys.add(dayKey(rs));
                        recipientKeys.add(recipientKey(rs));
                    });
        }
        store.refresh(HandoffDay.ROLLUP, dayKeys);
        store.refresh(HandoffRecipientDay.ROLLUP, recipientKeys);
    }

    /** Columns 1-4 of a row selected as {@code HandoffDay.keyOfRow(), HandoffRecipientDay.keyOfRow()}. */
    private static List<Object> dayKey(java.sql.ResultSet rs) throws java.sql.SQLException {
        return List.of(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4));
    }

    /** Columns 5-7 of such a row. */
    private static List<Object> recipientKey(java.sql.ResultSet rs) throws java.sql.SQLException {
        return List.of(rs.getLong(5), rs.getLong(6), rs.getString(7));
    }
}
