package app.ponte.stats.rollup;

import app.ponte.lead.LeadsWritten;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code customer_block} current from the lead feature's write path (decision 047), as
 * {@link LeadCohortDayKeeper} keeps lead_cohort_day from the same event: in the writing transaction it recomputes
 * the keys a write moved a customer out of and into — a move into WON (live or from history, an import batch once
 * per event), an edit of a won lead into another channel. Every other write (a creation, a move below WON, an
 * edit of a lead not won) touches no key and costs no statement. The block and the bucket of a key are worked out
 * by the database from the key's creation instant and the row's own time to customer, with the fragments the
 * rollup's statement uses, so a key and its rows cannot fall on two sides of a bucket's or a block's edge. After
 * lead_cohort_day's keeper, so every transaction that refreshes both takes their keys in the same order.
 */
@Component
class CustomerBlockKeeper {

    private final RollupStore store;
    private final JdbcClient jdbc;

    CustomerBlockKeeper(RollupStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(3)
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(LeadsWritten written) {
        List<CustomerBlock.Customer> customers = written.movedKeys(CustomerBlock.Customer::of).distinct().toList();
        if (customers.isEmpty()) {
            return;
        }
        List<List<Object>> keys = new ArrayList<>();
        for (int from = 0; from < customers.size(); from += RollupStore.CHUNK) {
            List<CustomerBlock.Customer> chunk = customers.subList(from, Math.min(customers.size(), from + RollupStore.CHUNK));
            List<Object> params = new ArrayList<>();
            chunk.forEach(c -> {
                params.add(OffsetDateTime.ofInstant(c.createdAt(), ZoneOffset.UTC));
                params.add(c.channelCode());
                params.add(c.toCustomerSeconds());
            });
            keys.addAll(jdbc.sql("select " + SourceRows.block("k.created_at") + ", k.channel_code, b.bucket from (values "
                            + String.join(", ", Collections.nCopies(chunk.size(), "(cast(? as timestamp(6) with time zone),"
                                    + " cast(? as varchar(30)), cast(? as double precision))"))
                            + ") k(created_at, channel_code, seconds)" + SourceRows.durationBucket("b", "k.seconds"))
                    .params(params)
                    .query((rs, n) -> List.<Object>of(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                    .list());
        }
        store.refresh(CustomerBlock.ROLLUP, keys);
    }
}
