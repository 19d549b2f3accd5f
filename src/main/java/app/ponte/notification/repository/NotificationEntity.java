package app.ponte.notification.repository;

import app.ponte.notification.NotificationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored notification. */
@Entity
@Table(name = "notification")
public class NotificationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recipient_id", nullable = false)
    private long recipientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private NotificationKind kind;

    @Column(nullable = false, length = 300)
    private String route;

    @Column(name = "text_key", nullable = false, length = 100)
    private String textKey;

    @Column(name = "text_args", length = 2000)
    private String textArgs;

    @Column(name = "once_key", length = 200)
    private String onceKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected NotificationEntity() {
    }

    public NotificationEntity(long recipientId, NotificationKind kind, String route, String textKey, String textArgs,
            String onceKey, Instant createdAt) {
        this.recipientId = recipientId;
        this.kind = kind;
        this.route = route;
        this.textKey = textKey;
        this.textArgs = textArgs;
        this.onceKey = onceKey;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getRecipientId() {
        return recipientId;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getRoute() {
        return route;
    }

    public String getTextKey() {
        return textKey;
    }

    public String getTextArgs() {
        return textArgs;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public void setReadAt(Instant readAt) {
        this.readAt = readAt;
    }
}
