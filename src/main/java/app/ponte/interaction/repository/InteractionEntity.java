package app.ponte.interaction.repository;

import app.ponte.interaction.InteractionType;
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
import java.time.Instant;
import java.time.LocalDate;

/** The write model of an interaction. */
@Entity
@Table(name = "interaction")
public class InteractionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lead_id", nullable = false)
    private long leadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private InteractionType type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private boolean planned;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "logged_by_id", nullable = false)
    private long loggedById;

    @Column(length = 2000)
    private String summary;

    @Column(name = "outcome_score")
    private Short outcomeScore;

    @Enumerated(EnumType.STRING)
    @Column(name = "lead_status", nullable = false, length = 15)
    private LeadStatus leadStatus;

    @Column(name = "next_step", length = 500)
    private String nextStep;

    @Column(name = "next_step_due")
    private LocalDate nextStepDue;

    @Column(name = "next_step_done_at")
    private Instant nextStepDoneAt;

    /** = userId while the next step is open, else null: the agenda's one-column index (V12). */
    @Column(name = "open_step_user_id")
    private Long openStepUserId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", length = 50)
    private String updatedBy;

    @Version
    private long version;

    protected InteractionEntity() {
    }

    public InteractionEntity(long leadId, long userId, long loggedById, LeadStatus leadStatus, Instant createdAt) {
        this.leadId = leadId;
        this.userId = userId;
        this.loggedById = loggedById;
        this.leadStatus = leadStatus;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public Long getId() { return id; }
    public long getLeadId() { return leadId; }
    public InteractionType getType() { return type; }
    public void setType(InteractionType type) { this.type = type; }
    public Instant getOccurredAt() { return occurredAt; }
    public void setOccurredAt(Instant occurredAt) { this.occurredAt = occurredAt; }
    public boolean isPlanned() { return planned; }
    public void setPlanned(boolean planned) { this.planned = planned; }
    public long getUserId() { return userId; }
    public long getLoggedById() { return loggedById; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public Integer getOutcomeScore() { return outcomeScore == null ? null : outcomeScore.intValue(); }
    public void setOutcomeScore(Integer score) { this.outcomeScore = score == null ? null : score.shortValue(); }
    public LeadStatus getLeadStatus() { return leadStatus; }
    public String getNextStep() { return nextStep; }
    public LocalDate getNextStepDue() { return nextStepDue; }

    public void setNextStep(String nextStep, LocalDate due) {
        this.nextStep = nextStep;
        this.nextStepDue = due;
    }

    public Instant getNextStepDoneAt() { return nextStepDoneAt; }
    public void setNextStepDoneAt(Instant doneAt) { this.nextStepDoneAt = doneAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public long getVersion() { return version; }

    public void touch(String by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }

    @jakarta.persistence.PrePersist
    @jakarta.persistence.PreUpdate
    void keepOpenStep() {
        openStepUserId = nextStep != null && nextStepDoneAt == null ? userId : null;
    }
}
