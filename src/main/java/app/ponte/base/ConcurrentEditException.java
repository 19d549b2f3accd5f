package app.ponte.base;

import java.time.Instant;

/**
 * Someone else saved the same record after it was read: the caller must reload or decide to keep
 * their own version; nothing is overwritten silently.
 */
public class ConcurrentEditException extends RuntimeException {

    private final String changedBy;
    private final Instant changedAt;

    public ConcurrentEditException(String changedBy, Instant changedAt) {
        super("changed by " + changedBy + " at " + changedAt);
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
