package app.ponte.purchase.repository;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PurchaseRepository extends JpaRepository<PurchaseEntity, Long> {

    List<PurchaseEntity> findByLeadIdOrderByPurchasedOnDescIdDesc(long leadId);

    List<PurchaseEntity> findByLeadIdAndPurchasedOn(long leadId, java.time.LocalDate purchasedOn);

    /** The sum of the lead's purchases (0 without any): one range of ix_purchase_lead, index only. */
    @org.springframework.data.jpa.repository.Query("select coalesce(sum(p.amount), 0) from PurchaseEntity p"
            + " where p.leadId = :leadId")
    java.math.BigDecimal revenueOf(@org.springframework.data.repository.query.Param("leadId") long leadId);

    /** Each lead with purchases and their sum: lead id, amount. */
    @org.springframework.data.jpa.repository.Query("select p.leadId, sum(p.amount) from PurchaseEntity p group by p.leadId")
    List<Object[]> revenueByLead();
}
