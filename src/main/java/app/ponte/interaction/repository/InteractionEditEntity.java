package app.ponte.interaction.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audited edit of an interaction; appended, never changed. */
@Entity
@Table(name = "interaction_edit")
public class InteractionEditEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "interaction_id", nullable = false)
    private long interactionId;

    @Column(name = "edited_at", nullable = false)
    private Instant editedAt;

    @Column(name = "edited_by_id", nullable = false)
    private long editedById;

    @Column(nullable = false, length = 4000)
    private String changes;

    protected InteractionEditEntity() {
    }

    public InteractionEditEntity(long interactionId, Instant editedAt, long editedById, String changes) {
        this.interactionId = interactionId;
        this.editedAt = editedAt;
        this.editedById = editedById;
        this.changes = changes;
    }

    public Long getId() { return id; }
}
