package app.ponte.lead.repository;

import app.ponte.lead.LeadStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One status change of a lead; history is appended, never rewritten. */
@Entity
@Table(name = "lead_status_change")
public class StatusChangeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lead_id", nullable = false)
    private long leadId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, length = 15)
    private LeadStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 15)
    private LeadStatus toStatus;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by_id", nullable = false)
    private long changedById;

    @Column(length = 500)
    private String reason;

    @Column(name = "from_duration_seconds", nullable = false)
    private long fromDurationSeconds;

    /** The creation instant of the lead (decision 015): a cohort's changes without a join. */
    @Column(name = "lead_created_at", nullable = false)
    private Instant leadCreatedAt;

    /**
     * The channel of the change's lead, kept by the lead feature (decision 046; V28, by triggers until V42): written
     * with the change, and rewritten on the lead's changes when its channel is edited. One channel's stage durations
     * are then an index range (ix_status_change_channel_duration), not a probe of every interval's lead.
     */
    @Column(name = "lead_channel_code", length = 30)
    private String leadChannelCode;

    protected StatusChangeEntity() {
    }

    public StatusChangeEntity(long leadId, LeadStatus fromStatus, LeadStatus toStatus, Instant changedAt,
            long changedById, String reason, long fromDurationSeconds, Instant leadCreatedAt, String leadChannelCode) {
        this.leadId = leadId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.changedAt = changedAt;
        this.changedById = changedById;
        this.reason = reason;
        this.fromDurationSeconds = fromDurationSeconds;
        this.leadCreatedAt = leadCreatedAt;
        this.leadChannelCode = leadChannelCode;
    }

    public Long getId() { return id; }
    public long getLeadId() { return leadId; }
    public LeadStatus getFromStatus() { return fromStatus; }
    public LeadStatus getToStatus() { return toStatus; }
    public Instant getChangedAt() { return changedAt; }
    public long getChangedById() { return changedById; }
    public String getReason() { return reason; }
    public long getFromDurationSeconds() { return fromDurationSeconds; }
    public Instant getLeadCreatedAt() { return leadCreatedAt; }
    public String getLeadChannelCode() { return leadChannelCode; }

    /** Its lead's channel was edited: the change follows it. */
    public void setLeadChannelCode(String leadChannelCode) { this.leadChannelCode = leadChannelCode; }
}
