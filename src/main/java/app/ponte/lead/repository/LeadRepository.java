package app.ponte.lead.repository;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes of leads; always inside the lead service's transaction. */
@Transactional(propagation = Propagation.MANDATORY)
public interface LeadRepository extends JpaRepository<LeadEntity, Long> {

    boolean existsByExternalId(String externalId);

    /**
     * Derived from interactions, so it bumps no version: logging a call must not turn a colleague's
     * open edit of the lead into a conflict. The last activity (decision 015) is the later of the
     * interaction and the last status change.
     */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
    @org.springframework.data.jpa.repository.Query("update LeadEntity l set l.lastInteractionAt = :at,"
            + " l.lastOutcomeScore = :score, l.atRisk = :atRisk, l.lastActivityAt = case when :at > l.statusChangedAt"
            + " then :at else l.statusChangedAt end where l.id = :id")
    int updateInteractionSummary(@org.springframework.data.repository.query.Param("id") long id,
            @org.springframework.data.repository.query.Param("at") java.time.Instant at,
            @org.springframework.data.repository.query.Param("score") Short score,
            @org.springframework.data.repository.query.Param("atRisk") boolean atRisk);
}
