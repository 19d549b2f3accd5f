package app.ponte.interaction;

/** The columns the managers' interaction list may be sorted by (a whitelist: nothing else reaches SQL). */
public enum InteractionSort {
    OCCURRED_AT,
    USER,
    LEAD,
    TYPE,
    SCORE,
    STATUS_AT_THE_TIME
}
