package app.ponte.lead.repository;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes of leads; always inside the lead service's transaction. */
@Transactional(propagation = Propagation.MANDATORY)
public interface LeadRepository extends JpaRepository<LeadEntity, Long> {

    boolean existsByExternalId(String externalId);

    /**
     * The lead, its row locked until the transaction ends (PostgreSQL: {@code for no key update}, H2: {@code for
     * update}). Every write that moves a lead's status or last activity loads it so: the entity then holds the
     * row as it is, so the statistics' key before the write is the row's own (decision 039), and a write of the
     * whole row cannot put back an outcome summary that an interaction wrote in between.
     */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    // no flush before it: a row looked up by id does not depend on pending writes, and an import batch would
    // otherwise flush once per lead
    @org.springframework.data.jpa.repository.QueryHints(@jakarta.persistence.QueryHint(name = "org.hibernate.flushMode",
            value = "COMMIT"))
    @org.springframework.data.jpa.repository.Query("select l from LeadEntity l where l.id = :id")
    java.util.Optional<LeadEntity> lockById(@org.springframework.data.repository.query.Param("id") long id);

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

    /**
     * The time to customer of these leads as their rows have it now (the generated to_customer_seconds), by id:
     * read after the flush of a move into WON, whose entity still holds the value loaded before it. Won leads only.
     */
    @org.springframework.data.jpa.repository.Query("select l.id, l.toCustomerSeconds from LeadEntity l"
            + " where l.id in :ids and l.toCustomerSeconds is not null")
    java.util.List<Object[]> timesToCustomer(@org.springframework.data.repository.query.Param("ids")
            java.util.Collection<Long> ids);

    /** {@link #timesToCustomer} as a map. */
    default java.util.Map<Long, Double> toCustomerSeconds(java.util.Collection<Long> ids) {
        java.util.Map<Long, Double> seconds = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            timesToCustomer(ids).forEach(row -> seconds.put((Long) row[0], (Double) row[1]));
        }
        return seconds;
    }
}
