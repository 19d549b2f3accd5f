package app.ponte.stats;

import java.time.LocalDate;

/** One week or month (its start clipped to the period). */
public record VolumeBucket(LocalDate start, long leads, long mqls, long won) {
}
