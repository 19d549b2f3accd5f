package app.ponte.handoff.repository;

import app.ponte.handoff.HandoffState;
import app.ponte.handoff.RejectReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/**
 * The write model of a handoff. Updates write only the changed columns, so a decision never
 * overwrites the SLA notice the sweep set meanwhile (that notice does not bump the version).
 */
@Entity
@Table(name = "handoff")
@DynamicUpdate
public class HandoffEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lead_id", nullable = false)
    private long leadId;

    @Column(name = "from_user_id", nullable = false)
    private long fromUserId;

    @Column(name = "to_user_id")
    private Long toUserId;

    @Column(name = "via_queue", nullable = false)
    private boolean viaQueue;

    @Column(length = 2000)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private HandoffState state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by_id")
    private Long decidedById;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code", length = 20)
    private RejectReason reasonCode;

    @Column(name = "decision_note", length = 2000)
    private String decisionNote;

    @Column(name = "sla_notified_at")
    private Instant slaNotifiedAt;

    @Column(nullable = false)
    private boolean imported;

    @Column(name = "pending_lead_id")
    private Long pendingLeadId;

    @Version
    private long version;

    protected HandoffEntity() {
    }

    /** A new pending handoff: to a person, or to the queue when {@code toUserId} is null. */
    public HandoffEntity(long leadId, long fromUserId, Long toUserId, String note, Instant createdAt,
            boolean imported) {
        this.leadId = leadId;
        this.fromUserId = fromUserId;
        this.toUserId = toUserId;
        this.viaQueue = toUserId == null;
        this.note = note;
        this.state = HandoffState.PENDING;
        this.pendingLeadId = leadId;
        this.createdAt = createdAt;
        this.imported = imported;
    }

    public void claim(long userId, Instant at) {
        this.toUserId = userId;
        this.claimedAt = at;
    }

    /** Accepted or rejected: no longer pending, so the lead may be handed off again. */
    public void decide(HandoffState outcome, Instant at, Long byId, RejectReason reason, String note) {
        this.state = outcome;
        this.decidedAt = at;
        this.decidedById = byId;
        this.reasonCode = reason;
        this.decisionNote = note;
        this.pendingLeadId = null;
    }

    public void setSlaNotifiedAt(Instant at) { this.slaNotifiedAt = at; }

    public Long getId() { return id; }
    public long getLeadId() { return leadId; }
    public long getFromUserId() { return fromUserId; }
    public Long getToUserId() { return toUserId; }
    public boolean isViaQueue() { return viaQueue; }
    public String getNote() { return note; }
    public HandoffState getState() { return state; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getClaimedAt() { return claimedAt; }
    public Instant getDecidedAt() { return decidedAt; }
    public Long getDecidedById() { return decidedById; }
    public RejectReason getReasonCode() { return reasonCode; }
    public String getDecisionNote() { return decisionNote; }
    public Instant getSlaNotifiedAt() { return slaNotifiedAt; }
    public boolean isImported() { return imported; }
    public long getVersion() { return version; }
}
