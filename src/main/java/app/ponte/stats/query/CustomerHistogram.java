package app.ponte.stats.query;

import app.ponte.stats.ChannelDuration;
import app.ponte.stats.DurationFigures;
import app.ponte.stats.TimeToCustomer;
import app.ponte.stats.rollup.SourceRows;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

    /** 16 UTC days, as customer_block keys them ({@link SourceRows#BLOCK_SECONDS}). */
    static final long BLOCK = SourceRows.BLOCK_SECONDS;
    /** A lead's time to customer, as customer_block counts it ({@link SourceRows#timeToCustomer}). */
    private static final String SECONDS = SourceRows.timeToCustomer("l");

    private final JdbcClient jdbc;

    CustomerHistogram(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One edge of the period ("h" or "t"): its customers by channel and bucket, signed. */
    private static String edge(String edge) {
        String sign = DaySplit.sign(edge);
        // one index range of ix_lead_customers (max_status_rank = 4, created_at in the edge)
        return "select l.channel_code, b.bucket, " + sign + " as n, " + sign
                + " * " + SourceRows.microseconds(SECONDS) + " as micros from lead l"
                + DurationBuckets.join("b", SECONDS)
                + " where l.max_status_rank = 4 and " + DaySplit.edge("l.created_at", edge)
                + " and " + SECONDS + " is not null";
    }

    /**
     * {@code perChannel}: also each channel's figures. Without it (the dashboard's tiles) the channels'
     * list is empty and their medians, one refinement read each, are not read.
     */
    TimeToCustomer timeToCustomer(Instant from, Instant to, boolean perChannel) {
        Map<String, Object> period = new HashMap<>();
        DaySplit.of(from, to, BLOCK).addTo(period);
        Map<Integer, long[]> bounds = Histogram.bounds(jdbc);
        Map<String, List<Histogram.Bucket>> byChannel = new TreeMap<>();
        Map<Integer, Histogram.Bucket> all = new TreeMap<>();
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
                        Histogram.Bucket bucket = new Histogram.Bucket(range[0], range[1], n, rs.getLong("micros"));
                        byChannel.computeIfAbsent(rs.getString("channel_code"), c -> new ArrayList<>()).add(bucket);
                        all.merge(number, bucket, Histogram.Bucket::plus);
                    }
                });
        List<ChannelDuration> channels = new ArrayList<>();
        (perChannel ? byChannel : Map.<String, List<Histogram.Bucket>>of()).forEach((channel, buckets) -> {
            DurationFigures d = figures(buckets, channel, from, to);
            channels.add(new ChannelDuration(channel, d.count(), d.meanDays(), d.medianDays()));
        });
        return new TimeToCustomer(figures(new ArrayList<>(all.values()), null, from, to), channels);
    }

    /** Count, mean and median (days) of the customers counted by {@code buckets}, all channels or one. */
    private DurationFigures figures(List<Histogram.Bucket> buckets, String channel, Instant from, Instant to) {
        long count = Histogram.count(buckets);
        if (count == 0) {
            return new DurationFigures(0, null, null);
        }
        double median = Histogram.median(buckets,
                (bucket, skip, size, descending) -> inBucket(bucket, skip, size, descending, channel, from, to),
                () -> new IllegalStateException("the time-to-customer histogram disagrees with the leads"));
        return new DurationFigures(count, Histogram.total(buckets) / 1_000_000.0 / 86400.0 / count, median / 86400.0);
    }

    /**
     * {@code size} times to customer of a bucket after skipping {@code skip}, in order or its reverse:
     * the bucket's customers of all periods in value order (one channel's or all), those created in
     * the period counted. The bounds and the period are written into the statement, as for the stage
     * durations (a generic plan would not know them); for one channel the channel (a constant) leads
     * the order as it leads the index, so H2 reads the index in order instead of sorting the bucket.
     */
    private List<Double> inBucket(Histogram.Bucket bucket, long skip, long size, boolean descending, String channel,
            Instant from, Instant to) {
        String direction = descending ? " desc" : "";
        return jdbc.sql("select " + SECONDS + " from lead l where "
                        + (channel == null ? "" : "l.channel_code = :channel and ")
                        + SECONDS + " >= " + bucket.lo() + " and " + SECONDS + " < " + bucket.hi()
                        + " and l.created_at >= " + StatsQuery.literal(OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                        + " and l.created_at < " + StatsQuery.literal(OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                        + " order by " + (channel == null ? "" : "l.channel_code" + direction + ", ")
                        + SECONDS + direction
                        + " offset " + skip + " rows fetch next " + size + " rows only")
                .params(channel == null ? Map.of() : Map.of("channel", channel))
                .query((rs, n) -> rs.getDouble(1))
                .list();
    }
}
