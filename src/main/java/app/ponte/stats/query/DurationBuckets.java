package app.ponte.stats.query;

import app.ponte.stats.rollup.SourceRows;

/**
 * The duration bucket of a value in a statement (the buckets of V22, decision 018): written once in
 * {@link SourceRows#durationBucket}, which the handoff rollup shares (decision 040).
 */
final class DurationBuckets {

    private DurationBuckets() {
    }

    /** {@code join duration_bucket <alias> on ...} for the value {@code seconds} (an SQL expression). */
    static String join(String alias, String seconds) {
        return SourceRows.durationBucket(alias, seconds);
    }
}
