package app.ponte.stats.rollup;

import app.ponte.lead.LeadActivityWritten;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code lead_activity_day} current from the lead feature's write path (decision 039), as
 * {@link LeadDayKeeper} keeps lead_day: in the writing transaction it recomputes the keys a write moved a lead
 * out of and into — a creation, a move, an interaction that moved the lead's last activity, an import batch
 * (once per event) — leaving out closed statuses, which this rollup does not count.
 */
@Component
class LeadActivityDayKeeper {

    private final RollupStore store;

    LeadActivityDayKeeper(RollupStore store) {
        this.store = store;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(LeadActivityWritten written) {
        store.refresh(LeadActivityDay.ROLLUP,
                written.movedKeys().filter(LeadActivityDay::counted).map(LeadActivityDay::key).toList());
    }
}
