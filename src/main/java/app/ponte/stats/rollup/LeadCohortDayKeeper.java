package app.ponte.stats.rollup;

import app.ponte.lead.LeadsWritten;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code lead_cohort_day} current from the lead feature's write path (decision 044), as
 * {@link LeadDayKeeper} keeps lead_day from the same event: in the writing transaction it recomputes the keys a
 * write moved a lead out of and into — a creation, an edit into another channel, a move that reaches a higher
 * status, loses or reopens the lead, an import batch (once per event). An edit of a name, or a move back and
 * forth below the highest status reached, touches no key. After lead_day's keeper, so every transaction that
 * refreshes both takes their keys in the same order.
 */
@Component
class LeadCohortDayKeeper {

    private final RollupStore store;

    LeadCohortDayKeeper(RollupStore store) {
        this.store = store;
    }

    @EventListener
    @Order(2)
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(LeadsWritten written) {
        store.refresh(LeadCohortDay.ROLLUP, written.movedKeys(LeadCohortDay::key).toList());
    }
}
