package app.ponte.lead.repository;

import app.ponte.lead.Intent;
import app.ponte.lead.LeadStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** The write model of a lead. Reads for lists and the board go through SQL in {@code query}. */
@Entity
@Table(name = "lead")
public class LeadEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "external_id", length = 64)
    private String externalId;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(length = 160)
    private String company;

    @Column(length = 254)
    private String email;

    @Column(name = "email_key", length = 254)
    private String emailKey;

    @Column(length = 40)
    private String phone;

    @Column(name = "channel_code", nullable = false, length = 30)
    private String channelCode;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Intent intent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 15)
    private LeadStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "lost_from", length = 15)
    private LeadStatus lostFrom;

    @Column(name = "lost_reason", length = 500)
    private String lostReason;

    @Column(name = "max_status_rank", nullable = false)
    private short maxStatusRank;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(name = "created_by_id", nullable = false)
    private long createdById;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Column(name = "last_interaction_at")
    private Instant lastInteractionAt;

    /** Kept for the statistics (decision 015): the first change into WON; the later of the two above. */
    @Column(name = "first_won_at")
    private Instant firstWonAt;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    @Column(name = "last_outcome_score")
    private Short lastOutcomeScore;

    @Column(name = "at_risk", nullable = false)
    private boolean atRisk;

    @Column(name = "expected_value", precision = 14, scale = 2)
    private BigDecimal expectedValue;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", length = 50)
    private String updatedBy;

    @Version
    private long version;

    protected LeadEntity() {
    }

    public LeadEntity(String name, String channelCode, long ownerId, long createdById, Instant createdAt) {
        this.name = name;
        this.channelCode = channelCode;
        this.ownerId = ownerId;
        this.createdById = createdById;
        this.createdAt = createdAt;
        this.status = LeadStatus.NEW;
        this.statusChangedAt = createdAt;
        this.lastActivityAt = createdAt;
        this.updatedAt = createdAt;
    }

    public Long getId() { return id; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCompany() { return company; }
    public void setCompany(String company) { this.company = company; }
    public String getEmail() { return email; }
    public String getEmailKey() { return emailKey; }

    /** Sets the e-mail and its normalized key (trimmed, lower case) together. */
    public void setEmail(String email, String emailKey) {
        this.email = email;
        this.emailKey = emailKey;
    }

    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getChannelCode() { return channelCode; }
    public void setChannelCode(String channelCode) { this.channelCode = channelCode; }
    public Intent getIntent() { return intent; }
    public void setIntent(Intent intent) { this.intent = intent; }
    public LeadStatus getStatus() { return status; }
    public LeadStatus getLostFrom() { return lostFrom; }
    public String getLostReason() { return lostReason; }
    public short getMaxStatusRank() { return maxStatusRank; }
    public long getOwnerId() { return ownerId; }
    public void setOwnerId(long ownerId) { this.ownerId = ownerId; }
    public long getCreatedById() { return createdById; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getStatusChangedAt() { return statusChangedAt; }
    public Instant getLastInteractionAt() { return lastInteractionAt; }
    public Short getLastOutcomeScore() { return lastOutcomeScore; }
    public Instant getFirstWonAt() { return firstWonAt; }
    public Instant getLastActivityAt() { return lastActivityAt; }

    public boolean isAtRisk() { return atRisk; }

    public BigDecimal getExpectedValue() { return expectedValue; }
    public void setExpectedValue(BigDecimal expectedValue) { this.expectedValue = expectedValue; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public long getVersion() { return version; }

    /** Records who made the latest change and when (shown when a concurrent edit is refused). */
    public void touch(String by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /**
     * Moves to a status (rules are the service's) and keeps the derived columns: when the status
     * changed, where a lost lead fell from and why, the highest status ever reached, when it first
     * became a customer and its last activity. History is appended in time order (live moves and
     * imports alike), so the first move into WON is the earliest.
     */
    public void moveTo(LeadStatus target, Instant at, String reason) {
        if (target == LeadStatus.LOST) {
            this.lostFrom = this.status;
            this.lostReason = reason;
        } else {
            this.lostFrom = null;
            this.lostReason = null;
        }
        this.status = target;
        this.statusChangedAt = at;
        if (target.rank() > maxStatusRank) {
            this.maxStatusRank = (short) target.rank();
        }
        if (target == LeadStatus.WON && firstWonAt == null) {
            this.firstWonAt = at;
        }
        this.lastActivityAt = lastInteractionAt != null && lastInteractionAt.isAfter(at) ? lastInteractionAt : at;
    }
}
