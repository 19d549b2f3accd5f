package app.ponte.handoff.repository;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes of handoffs; always inside the handoff service's transaction. */
@Transactional(propagation = Propagation.MANDATORY)
public interface HandoffRepository extends JpaRepository<HandoffEntity, Long> {

    boolean existsByPendingLeadId(Long leadId);

    boolean existsByLeadIdAndCreatedAtAndFromUserId(long leadId, java.time.Instant createdAt, long fromUserId);

    /**
     * Marks the SLA notice sent, if no one did yet: the one caller that gets 1 sends it (two nodes
     * sweeping at once: the second waits for the first's row lock, then finds it set). It does not
     * bump the version, so a salesperson deciding meanwhile is not refused.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "update handoff set sla_notified_at = :at where id = :id and sla_notified_at is null"
            + " and state = 'PENDING'", nativeQuery = true)
    int markSlaNotified(@Param("id") long id, @Param("at") Instant at);
}
