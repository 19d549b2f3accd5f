package app.ponte.purchase.repository;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PurchaseRepository extends JpaRepository<PurchaseEntity, Long> {

    List<PurchaseEntity> findByLeadIdOrderByPurchasedOnDescIdDesc(long leadId);

    List<PurchaseEntity> findByLeadIdAndPurchasedOn(long leadId, java.time.LocalDate purchasedOn);
}
