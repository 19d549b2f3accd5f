package app.ponte.purchase.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A customer's purchase. */
@Entity
@Table(name = "purchase")
public class PurchaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lead_id", nullable = false)
    private long leadId;

    @Column(name = "purchased_on", nullable = false)
    private LocalDate purchasedOn;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    @Column(name = "order_ref", length = 64)
    private String orderRef;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 50)
    private String createdBy;

    @Version
    private long version;

    protected PurchaseEntity() {
    }

    public PurchaseEntity(long leadId, LocalDate purchasedOn, BigDecimal amount, String orderRef, Instant createdAt,
            String createdBy) {
        this.leadId = leadId;
        this.purchasedOn = purchasedOn;
        this.amount = amount;
        this.orderRef = orderRef;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() { return id; }
    public long getLeadId() { return leadId; }
    public LocalDate getPurchasedOn() { return purchasedOn; }
    public BigDecimal getAmount() { return amount; }
    public String getOrderRef() { return orderRef; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public long getVersion() { return version; }
}
