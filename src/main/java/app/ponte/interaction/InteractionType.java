package app.ponte.interaction;

/** Every kind of touch with a lead. Calls, video calls and meetings are scored 1–5. */
public enum InteractionType {
    CALL,
    VIDEO_CALL,
    MEETING,
    EMAIL,
    EVENT,
    SOCIAL,
    WEBSITE_VISIT,
    INFO_REQUEST,
    NEWSLETTER_SIGNUP,
    CONTENT_DOWNLOAD,
    OFFER;

    /** Whether a held interaction of this type must carry an outcome score. */
    public boolean requiresScore() {
        return this == CALL || this == VIDEO_CALL || this == MEETING;
    }

    /** Whether it can be planned ahead (and so lie in the future). */
    public boolean canBePlanned() {
        return this == CALL || this == VIDEO_CALL || this == MEETING;
    }
}
