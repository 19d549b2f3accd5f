package app.ponte.notification;

/** What a notification is about; the bell shows an icon per kind. */
public enum NotificationKind {
    MENTION,
    HANDOFF_RECEIVED,
    HANDOFF_DECIDED,
    HANDOFF_OVERDUE,
    NEXT_STEP_DUE,
    LEAD_REASSIGNED,
    SURVEY_OPEN,
    ACTION_ITEM
}
