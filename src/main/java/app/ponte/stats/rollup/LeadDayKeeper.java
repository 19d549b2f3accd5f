package app.ponte.stats.rollup;

import app.ponte.lead.LeadsWritten;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code lead_day} current from the lead feature's write path (decision 036), as
 * {@link InteractionDayKeeper} keeps interaction_day: in the writing transaction it recomputes the keys a
 * write moved a lead out of and into — once per event, so once per import batch. An edit or a move that keeps
 * the creation day, creator and channel touches no key (the count cannot change), so it costs no statement.
 */
@Component
class LeadDayKeeper {

    private final RollupStore store;

    LeadDayKeeper(RollupStore store) {
        this.store = store;
    }

    @EventListener
    @Order(1) // before lead_cohort_day's keeper: one order of keys for every writer of both
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(LeadsWritten written) {
        store.refresh(LeadDay.ROLLUP, written.movedKeys(LeadDay::key).toList());
    }
}
