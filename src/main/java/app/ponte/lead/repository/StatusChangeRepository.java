package app.ponte.lead.repository;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends status changes; always inside the lead service's transaction. */
@Transactional(propagation = Propagation.MANDATORY)
public interface StatusChangeRepository extends JpaRepository<StatusChangeEntity, Long> {
}
