package app.ponte.stats.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exact medians from a histogram (decisions 018 and 020): the buckets in ascending order with their
 * counts locate the middle value(s); only those are read from the rows, from whichever end of their
 * bucket is nearer. The caller's {@link Fetch} reads one bucket's values in order.
 */
final class Histogram {

    private Histogram() {
    }

    /** One bucket {@code [lo, hi)} of a histogram: how many values, and their total. */
    record Bucket(long lo, long hi, long count, long total) {

        Bucket plus(Bucket other) {
            return new Bucket(lo, hi, count + other.count, total + other.total);
        }
    }

    /** Reads {@code size} values of a bucket after skipping {@code skip}, ascending or descending. */
    @FunctionalInterface
    interface Fetch {

        List<Double> values(Bucket bucket, long skip, long size, boolean descending);
    }

    /** Every duration bucket's bounds {@code [lo, hi)} by bucket number (150 rows; added in Java, see the callers). */
    static Map<Integer, long[]> bounds(JdbcClient jdbc) {
        Map<Integer, long[]> bounds = new HashMap<>();
        jdbc.sql("select b.bucket, b.lo, b.hi from duration_bucket b")
                .query(rs -> {
                    bounds.put(rs.getInt("bucket"), new long[] {rs.getLong("lo"), rs.getLong("hi")});
                });
        return bounds;
    }

    static long count(List<Bucket> buckets) {
        return buckets.stream().mapToLong(Bucket::count).sum();
    }

    static long total(List<Bucket> buckets) {
        return buckets.stream().mapToLong(Bucket::total).sum();
    }

    /** The median of the values counted by {@code buckets} (ascending, none empty; count > 0). */
    static double median(List<Bucket> buckets, Fetch fetch, Supplier<IllegalStateException> disagree) {
        long count = count(buckets);
        // the 0-based positions of the middle value(s): one for an odd count, two for an even one
        long first = (count - 1) / 2;
        long second = count / 2;
        List<Double> values = new ArrayList<>();
        long wanted = first;
        long before = 0;
        for (Bucket bucket : buckets) {
            long end = before + bucket.count();
            if (wanted < end) {
                long last = Math.min(second, end - 1);
                List<Double> found = inBucket(bucket, wanted - before, last - wanted + 1, fetch);
                if (found.size() != last - wanted + 1) {
                    throw disagree.get();
                }
                values.addAll(found);
                if (last == second) {
                    return (values.getFirst() + values.getLast()) / 2.0;
                }
                wanted = last + 1;
            }
            before = end;
        }
        throw disagree.get();
    }

    /** {@code size} values of a bucket from the 0-based {@code offset}, ascending, read from the nearer end. */
    private static List<Double> inBucket(Bucket bucket, long offset, long size, Fetch fetch) {
        long fromTop = bucket.count() - offset - size;
        boolean descending = fromTop < offset;
        List<Double> values = new ArrayList<>(fetch.values(bucket, descending ? fromTop : offset, size, descending));
        if (descending) {
            Collections.reverse(values);
        }
        return values;
    }
}
