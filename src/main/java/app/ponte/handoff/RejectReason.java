package app.ponte.handoff;

/** Why sales sent a lead back to marketing (domain.md: the six codes). */
public enum RejectReason {
    NOT_A_FIT,
    NO_BUDGET,
    NO_CONTACT,
    NOT_READY,
    DUPLICATE,
    OTHER
}
