package app.ponte.stats;

import java.util.List;

/** Closed status intervals of a cohort's leads, per status NEW..OPPORTUNITY. */
public record StageDurations(List<StageDuration> statuses) {
}
