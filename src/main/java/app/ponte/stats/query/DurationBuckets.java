package app.ponte.stats.query;

/**
 * The duration bucket of a value in a statement (the buckets of V22, decision 018). Joined by range
 * alone ({@code b.lo <= x and x < b.hi}), H2 walked the bucket table's index from its start for every
 * row (about 96 entries a row; 187 ms for 172 customers at a tenth of the benchmark's scale). The
 * join also names a window of three bucket numbers around the bucket a logarithm estimates (bucket
 * k starts near 60 · 1.15^(k - 1) seconds; the estimate is never more than one off, checked for the
 * first, middle and last values of every bucket): a primary-key range of three rows. The range
 * conditions still decide, so the answer is the table's, exactly.
 */
final class DurationBuckets {

    private DurationBuckets() {
    }

    /** {@code join duration_bucket <alias> on ...} for the value {@code seconds} (an SQL expression). */
    static String join(String alias, String seconds) {
        String estimate = "least(cast(floor(ln(cast(greatest(" + seconds + ", 60) as double precision) / 60)"
                + " / ln(1.15)) as integer) + 1, 149)";
        return " join duration_bucket " + alias + " on " + alias + ".bucket between " + estimate + " - 1 and "
                + estimate + " + 1 and " + alias + ".lo <= " + seconds + " and " + seconds + " < " + alias + ".hi";
    }
}
