package app.ponte.handoff;

/** Where a handoff stands: waiting for sales, or decided. */
public enum HandoffState {
    PENDING,
    ACCEPTED,
    REJECTED
}
