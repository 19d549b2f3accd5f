package app.ponte.stats.rollup;

import app.ponte.purchase.PurchasesWritten;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code lead_revenue} current (decision 048), in the writing transaction: the purchase feature's
 * {@link PurchasesWritten} names the leads whose purchases changed (a purchase recorded, imported or deleted);
 * their sums are recomputed from their purchases, each lead's row locked, so writers of one lead's purchases at
 * once lose nothing ({@link RollupStore#refresh}).
 */
@Component
class LeadRevenueKeeper {

    private final RollupStore store;

    LeadRevenueKeeper(RollupStore store) {
        this.store = store;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(PurchasesWritten written) {
        store.refresh(LeadRevenue.ROLLUP, written.leads().stream().map(LeadRevenue::key).toList());
    }
}
