package app.ponte.stats.rollup;

import app.ponte.lead.LeadsWritten;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * {@code customer_block}: customers (leads with a time to customer) per block of 16 UTC days of their creation,
 * channel and duration bucket of the time to customer (the buckets of V22), with their total time in
 * microseconds (decision 020, V31; kept by triggers until V43, by the statistics feature since decision 047).
 * The time to customer reads it for a period's whole blocks and the leads of its partial first and last block
 * with the same {@link SourceRows#block}, {@link SourceRows#timeToCustomer} and bucket join.
 */
public final class CustomerBlock implements Rollup {

    public static final CustomerBlock ROLLUP = new CustomerBlock();

    private static final String BLOCK = SourceRows.block("l.created_at");
    private static final String SECONDS = SourceRows.timeToCustomer("l");

    private CustomerBlock() {
    }

    /**
     * What places a written lead in customer_block, before the bucket: its creation, channel and time to customer
     * (the row's own, {@link LeadsWritten.Key#toCustomerSeconds()}); null for a lead that is not a customer.
     */
    record Customer(Instant createdAt, String channelCode, double toCustomerSeconds) {

        static Customer of(LeadsWritten.Key key) {
            return key.toCustomerSeconds() == null ? null
                    : new Customer(key.createdAt(), key.channelCode(), key.toCustomerSeconds());
        }
    }

    @Override
    public String table() {
        return "customer_block";
    }

    @Override
    public List<String> keyColumns() {
        return List.of("block", "channel_code", "bucket");
    }

    @Override
    public List<String> keyTypes() {
        return List.of("bigint", "varchar(30)", "integer");
    }

    @Override
    public List<String> valueColumns() {
        return List.of("customers", "total_micros");
    }

    @Override
    public String statement(String rows) {
        return "select " + BLOCK + " as block, l.channel_code, b.bucket, count(*) as customers, sum("
                + SourceRows.microseconds(SECONDS) + ") as total_micros from " + rows
                + SourceRows.durationBucket("b", SECONDS) + " where " + SECONDS + " is not null group by " + BLOCK
                + ", l.channel_code, b.bucket";
    }

    @Override
    public String allRows() {
        return "lead l";
    }

    /**
     * Each key's rows are one range of ix_lead_channel_to_customer (channel_code, to_customer_seconds,
     * created_at): the channel, the bucket's bounds, the block's creation instants checked on the index entries.
     */
    @Override
    public String rowsOfKeys(int keys) {
        String key = "(cast(? as varchar(30)), cast(? as integer), cast(? as timestamp(6) with time zone),"
                + " cast(? as timestamp(6) with time zone))";
        return "(values " + String.join(", ", Collections.nCopies(keys, key)) + ") k(channel_code, bucket, t0, t1)"
                + " join duration_bucket kb on kb.bucket = k.bucket"
                + " join lead l on l.channel_code = k.channel_code and " + SECONDS + " >= kb.lo and " + SECONDS
                + " < kb.hi and l.created_at >= k.t0 and l.created_at < k.t1";
    }

    @Override
    public List<Object> rangeParameters(List<Object> key) {
        long block = (Long) key.get(0);
        return List.of(key.get(1), key.get(2), HandoffDay.utc(block * SourceRows.BLOCK_SECONDS),
                HandoffDay.utc((block + 1) * SourceRows.BLOCK_SECONDS));
    }
}
