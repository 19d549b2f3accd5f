package app.ponte.stats;

import java.util.List;

/** Leads, MQL changes and first WON changes per week or month of a period. */
public record Volume(String bucket, List<VolumeBucket> series) {
}
