package app.ponte.stats.rollup;

import app.ponte.interaction.InteractionsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code interaction_day} current from the interaction feature's write path (decision 034): in the
 * writing transaction, not after the commit, it recomputes the keys the write touched — the old and the
 * new key of an edit — once per event, so once per import batch. No role check: whoever may write an
 * interaction may have it counted.
 */
@Component
class InteractionDayKeeper {

    private final RollupStore store;

    InteractionDayKeeper(RollupStore store) {
        this.store = store;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(InteractionsChanged changed) {
        store.refresh(InteractionDay.ROLLUP, changed.keys().map(InteractionDay::key).toList());
    }
}
