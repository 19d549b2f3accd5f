package app.ponte.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The live-update bus. {@link #publish} inside a transaction holds the signal until the commit
 * (a rollback drops it); outside one it goes out at once. Signals reach this node's subscribers
 * directly and the other nodes through the {@link LiveRelay}.
 */
@Service
public class LiveEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final String nodeId = UUID.randomUUID().toString();
    private final Map<Topic, Set<Subscription>> subscriptions = new ConcurrentHashMap<>();
    private final LiveRelay relay;
    private volatile boolean running;

    LiveEvents(ObjectProvider<LiveRelay> relay) {
        this.relay = relay.getIfAvailable();
    }

    /** Signals that {@code id} of {@code topic} changed — after the current transaction commits. */
    public void publish(Topic topic, long id) {
        publish(List.of(new LiveEvent(topic, id)));
    }

    public void publish(Collection<LiveEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            pendingOfCurrentTransaction().events.addAll(events);
        } else {
            List<LiveEvent> copy = List.copyOf(new LinkedHashSet<>(events));
            if (relay != null) {
                relay.send(nodeId, copy);
            }
            deliver(copy);
        }
    }

    /**
     * Subscribes to one thing ({@code id}) or to everything ({@code id == null}) of a topic.
     * Close the returned subscription to stop.
     */
    public Subscription subscribe(Topic topic, Long id, LiveListener listener) {
        var subscription = new Subscription(topic, id, listener);
        subscriptions.computeIfAbsent(topic, t -> new CopyOnWriteArraySet<>()).add(subscription);
        return subscription;
    }

    /** The number of open subscriptions (for tests and the leak check). */
    public int subscriptionCount() {
        return subscriptions.values().stream().mapToInt(Set::size).sum();
    }

    /** This node's id in cross-node signals. */
    public String nodeId() {
        return nodeId;
    }

    /** Hands signals to this node's subscribers. */
    void deliver(Collection<LiveEvent> events) {
        Map<Subscription, List<LiveEvent>> bySubscription = new java.util.LinkedHashMap<>();
        for (LiveEvent event : events) {
            Set<Subscription> ofTopic = subscriptions.get(event.topic());
            if (ofTopic == null) {
                continue;
            }
            for (Subscription subscription : ofTopic) {
                if (subscription.id == null || event.everything() || subscription.id == event.id()) {
                    bySubscription.computeIfAbsent(subscription, s -> new ArrayList<>()).add(event);
                }
            }
        }
        bySubscription.forEach((subscription, matching) -> {
            try {
                subscription.listener.onEvents(matching);
            } catch (RuntimeException e) {
                log.warn("A live-update listener failed", e);
            }
        });
    }

    /** Signals from another node. */
    private void receive(Collection<LiveEvent> events) {
        deliver(events);
    }

    /** Tells every subscriber that anything may have changed (after this node missed signals). */
    void everythingMayHaveChanged() {
        deliver(subscriptions.keySet().stream().map(t -> new LiveEvent(t, LiveEvent.EVERYTHING)).toList());
    }

    private Pending pendingOfCurrentTransaction() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending pending && pending.owner() == this) {
                return pending;
            }
        }
        var pending = new Pending();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    @Override
    public void start() {
        if (relay != null) {
            relay.start(nodeId, this::receive, this::everythingMayHaveChanged);
        }
        running = true;
    }

    @Override
    public void stop() {
        if (relay != null) {
            relay.stop();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The signals of one transaction, sent with its commit. */
    private final class Pending implements TransactionSynchronization {

        private final Set<LiveEvent> events = new LinkedHashSet<>();

        LiveEvents owner() {
            return LiveEvents.this;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (relay != null && !events.isEmpty()) {
                relay.send(nodeId, List.copyOf(events));
            }
        }

        @Override
        public void afterCommit() {
            deliver(List.copyOf(events));
        }
    }

    /** One subscriber's interest. */
    public final class Subscription implements AutoCloseable {

        private final Topic topic;
        private final Long id;
        private final LiveListener listener;

        private Subscription(Topic topic, Long id, LiveListener listener) {
            this.topic = topic;
            this.id = id;
            this.listener = listener;
        }

        @Override
        public void close() {
            Set<Subscription> ofTopic = subscriptions.get(topic);
            if (ofTopic != null) {
                ofTopic.remove(this);
            }
        }
    }
}
