package app.ponte.lead.repository;

import app.ponte.lead.LeadStatus;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends status changes; always inside the lead service's transaction. */
@Transactional(propagation = Propagation.MANDATORY)
public interface StatusChangeRepository extends JpaRepository<StatusChangeEntity, Long> {

    /** A lead's changes into a status (its change into WON, whose won value follows the lead's expected value). */
    List<StatusChangeEntity> findByLeadIdAndToStatus(long leadId, LeadStatus toStatus);

    /** A lead's changes (their channel follows an edit of the lead's channel). */
    List<StatusChangeEntity> findByLeadId(long leadId);
}
