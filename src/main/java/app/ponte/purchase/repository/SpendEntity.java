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

/** Marketing spend of a channel in a month (the month's first day). */
@Entity
@Table(name = "marketing_spend")
public class SpendEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "channel_code", nullable = false, length = 30)
    private String channelCode;

    @Column(name = "spend_month", nullable = false)
    private LocalDate spendMonth;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", length = 50)
    private String updatedBy;

    @Version
    private long version;

    protected SpendEntity() {
    }

    public SpendEntity(String channelCode, LocalDate spendMonth) {
        this.channelCode = channelCode;
        this.spendMonth = spendMonth;
    }

    public void set(BigDecimal amount, String by, Instant at) {
        this.amount = amount;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public Long getId() { return id; }
    public String getChannelCode() { return channelCode; }
    public LocalDate getSpendMonth() { return spendMonth; }
    public BigDecimal getAmount() { return amount; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public long getVersion() { return version; }
}
