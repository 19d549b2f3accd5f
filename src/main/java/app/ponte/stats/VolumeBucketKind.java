package app.ponte.stats;

/** How {@code /api/stats/volume} cuts a period: ISO weeks (from Monday) or calendar months. */
public enum VolumeBucketKind {
    WEEK, MONTH
}
