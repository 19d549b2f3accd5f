package app.ponte.stats.rollup;

import app.ponte.lead.StatusChangesWritten;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code status_change_day} current from the lead feature's write path (decision 036): in the
 * writing transaction it recomputes the keys of the status changes written (a move, a decided handoff,
 * imported history: once per import batch) and of the changes into WON whose lead's value was edited.
 */
@Component
class StatusChangeDayKeeper {

    private final RollupStore store;

    StatusChangeDayKeeper(RollupStore store) {
        this.store = store;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(StatusChangesWritten written) {
        store.refresh(StatusChangeDay.ROLLUP, written.keys().stream().map(StatusChangeDay::key).toList());
    }
}
