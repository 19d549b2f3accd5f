package app.ponte.stats.query;

import app.ponte.stats.ChannelDuration;
import app.ponte.stats.DurationFigures;
import app.ponte.stats.TimeToCustomer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Time to customer from the histogram customer_block (decision 020): the period's customers (leads
 * created in it with a time to customer) counted per channel and duration bucket — whole 16-day
 * blocks from customer_block, at most 8 days of leads at each end ({@link DaySplit}) — then the exact
 * middle value(s) of each channel and of all channels fetched from the one or two buckets holding them
 * (ix_lead_channel_to_customer, ix_lead_to_customer). Means are exact: totals in microseconds.
 */
final class CustomerHistogram {

    /** 16 UTC days, as in V31. */
    static final long BLOCK = 16 * DaySplit.DAY;

    private final JdbcClient jdbc;

    CustomerHistogram(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One edge of the period ("h" or "t"): its customers by channel and bucket, signed. */
    private static String edge(String edge) {
        String sign = DaySplit.sign(edge);
        // one index range of ix_lead_customers (max_status_rank = 4, created_at in the edge)
        return "select l.channel_code, b.bucket, " + sign + " as n, " + sign
                + " * cast(round(l.to_customer_seconds * 1000000) as bigint) as micros from lead l"
                + DurationBuckets.join("b", "l.to_customer_seconds")
                + " where l.max_status_rank = 4 and " + DaySplit.edge("l.created_at", edge)
                + " and l.to_customer_seconds is not null";
    }

    TimeToCustomer timeToCustomer(Instant from, Instant to) {
        Map<String, Object> period = new HashMap<>();
        DaySplit.of(from, to, BLOCK).addTo(period);
        Map<Integer, long[]> bounds = new HashMap<>();
        jdbc.sql("select b.bucket, b.lo, b.hi from duration_bucket b")
                .query(rs -> {
                    bounds.put(rs.getInt("bucket"), new long[] {rs.getLong("lo"), rs.getLong("hi")});
                });
        Map<String, List<Bucket>> byChannel = new TreeMap<>();
        Map<Integer, Bucket> all = new TreeMap<>();
        jdbc.sql("select x.channel_code, x.bucket, sum(x.n) as n, sum(x.micros) as micros from ("
                        + "select c.channel_code, c.bucket, c.customers as n, c.total_micros as micros"
                        + " from customer_block c where c.block >= :d0 and c.block < :d1"
                        + " union all " + edge("h") + " union all " + edge("t")
                        + ") x group by x.channel_code, x.bucket order by x.channel_code, x.bucket")
                .params(period)
                .query(rs -> {
                    long n = rs.getLong("n");
                    if (n > 0) {
                        int number = rs.getInt("bucket");
                        long[] range = bounds.get(number);
                        Bucket bucket = new Bucket(range[0], range[1], n, rs.getLong("micros"));
                        byChannel.computeIfAbsent(rs.getString("channel_code"), c -> new ArrayList<>()).add(bucket);
                        all.merge(number, bucket, Bucket::plus);
                    }
                });
        Instant[] cohort = {from, to};
        List<ChannelDuration> channels = new ArrayList<>();
        byChannel.forEach((channel, buckets) -> {
            DurationFigures d = figures(buckets, channel, cohort);
            channels.add(new ChannelDuration(channel, d.count(), d.meanDays(), d.medianDays()));
        });
        return new TimeToCustomer(figures(new ArrayList<>(all.values()), null, cohort), channels);
    }

    /** Customers of one duration bucket {@code [lo, hi)} seconds: how many, their total in microseconds. */
    private record Bucket(long lo, long hi, long customers, long micros) {

        Bucket plus(Bucket other) {
            return new Bucket(lo, hi, customers + other.customers, micros + other.micros);
        }
    }

    private DurationFigures figures(List<Bucket> buckets, String channel, Instant[] cohort) {
        long count = buckets.stream().mapToLong(Bucket::customers).sum();
        if (count == 0) {
            return new DurationFigures(0, null, null);
        }
        long micros = buckets.stream().mapToLong(Bucket::micros).sum();
        double[] middle = valuesAt(buckets, (count - 1) / 2, count / 2, channel, cohort);
        return new DurationFigures(count, micros / 1_000_000.0 / 86400.0 / count,
                (middle[0] + middle[1]) / 2.0 / 86400.0);
    }

    /** The values at the 0-based positions {@code first} and {@code second} (= first or first + 1) in order. */
    private double[] valuesAt(List<Bucket> buckets, long first, long second, String channel, Instant[] cohort) {
        List<Double> values = new ArrayList<>();
        long wanted = first;
        long before = 0;
        for (Bucket bucket : buckets) {
            long end = before + bucket.customers();
            if (wanted < end) {
                long last = Math.min(second, end - 1);
                List<Double> found = inBucket(bucket, wanted - before, last - wanted + 1, channel, cohort);
                if (found.size() != last - wanted + 1) {
                    throw disagree();
                }
                values.addAll(found);
                if (last == second) {
                    return new double[] {values.getFirst(), values.getLast()};
                }
                wanted = last + 1;
            }
            before = end;
        }
        throw disagree();
    }

    private static IllegalStateException disagree() {
        return new IllegalStateException("the time-to-customer histogram disagrees with the leads");
    }

    /**
     * {@code size} times to customer of a bucket from the 0-based {@code offset}, ascending, read from
     * whichever end of the bucket is nearer: the bucket's customers of all periods in value order
     * (one channel's or all), those created in the period counted. The bounds and the period are
     * written into the statement, as for the stage durations (a generic plan would not know them).
     */
    private List<Double> inBucket(Bucket bucket, long offset, long size, String channel, Instant[] cohort) {
        long fromTop = bucket.customers() - offset - size;
        boolean descending = fromTop < offset;
        List<Double> values = new ArrayList<>(jdbc.sql("select l.to_customer_seconds from lead l where "
                        + (channel == null ? "" : "l.channel_code = :channel and ")
                        + "l.to_customer_seconds >= " + bucket.lo() + " and l.to_customer_seconds < " + bucket.hi()
                        + " and l.created_at >= " + StatsQuery.literal(OffsetDateTime.ofInstant(cohort[0], ZoneOffset.UTC))
                        + " and l.created_at < " + StatsQuery.literal(OffsetDateTime.ofInstant(cohort[1], ZoneOffset.UTC))
                        // one channel: the channel (a constant) leads the order as it leads the index, so H2
                        // reads the index in order instead of sorting the bucket
                        + " order by " + (channel == null ? "" : "l.channel_code" + (descending ? " desc" : "") + ", ")
                        + "l.to_customer_seconds" + (descending ? " desc" : "") + " offset " + (descending ? fromTop : offset)
                        + " rows fetch next " + size + " rows only")
                .params(channel == null ? Map.of() : Map.of("channel", channel))
                .query((rs, n) -> rs.getDouble(1))
                .list());
        if (descending) {
            Collections.reverse(values);
        }
        return values;
    }
}
