package app.ponte.live;

import java.util.Collection;
import java.util.function.Consumer;

/** Carries signals to the other nodes sharing the database. */
interface LiveRelay {

    /**
     * Sends signals to the other nodes; called inside the publishing transaction just before it
     * commits (so they go out with the commit, or not at all), or on its own outside a transaction.
     */
    void send(String nodeId, Collection<LiveEvent> events);

    /**
     * Starts receiving the other nodes' signals; {@code missedSignals} runs when signals may have
     * been lost (after a lost connection was re-established).
     */
    void start(String nodeId, Consumer<Collection<LiveEvent>> receiver, Runnable missedSignals);

    void stop();
}
