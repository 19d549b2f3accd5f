package app.ponte.lead;

/** What the lead came for when first known. */
public enum Intent {
    INFORMATIONAL,
    NAVIGATIONAL,
    TRANSACTIONAL
}
