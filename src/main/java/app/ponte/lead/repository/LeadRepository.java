package app.ponte.lead.repository;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes of leads; always inside the lead service's transaction. */
@Transactional(propagation = Propagation.MANDATORY)
public interface LeadRepository extends JpaRepository<LeadEntity, Long> {

    boolean existsByExternalId(String externalId);
}
