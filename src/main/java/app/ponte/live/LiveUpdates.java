package app.ponte.live;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects views to the live-update bus. A view subscribes while it is attached (and stops when it
 * is detached — a closed tab's UI is detached by Vaadin, or here once its browser has gone silent,
 * so nothing leaks and no dead tab keeps re-reading); the signals for one
 * browser tab are coalesced so that tab gets at most one push per {@link LiveProperties#coalesceWindow()},
 * each carrying every change since the last.
 */
@org.springframework.stereotype.Component
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final LiveEvents events;
    private final long windowNanos;
    /** Pushes run here, never on the thread that committed the change (its own response must not wait). */
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().daemon().name("ponte-live-push-", 1).factory());
    private final Map<UI, TabQueue> tabs = new ConcurrentHashMap<>();
    private final AtomicLong pushes = new AtomicLong();

    LiveUpdates(LiveEvents events, LiveProperties properties) {
        this.events = events;
        this.windowNanos = properties.coalesceWindow().toNanos();
        scheduler.scheduleWithFixedDelay(this::closeSilentTabs, 30, 30, TimeUnit.SECONDS);
    }

    /**
     * Whether a tab's browser has gone silent: no heartbeat for Vaadin's own limit (3.1 heartbeat
     * intervals). Vaadin closes such a UI only when another request of its session arrives — after
     * the user's last tab vanished, never before the session expires (hours) — and until then the
     * dead tab would keep re-reading and re-rendering its views at every signal.
     */
    private static boolean silent(UI ui) {
        VaadinSession session = ui.getSession();
        return session == null || !session.getService().isUIActive(ui);
    }

    /** Closes and detaches a silent tab as Vaadin would at its session's next request, so its views unsubscribe. */
    private void close(UI ui) {
        tabs.remove(ui);
        VaadinSession session = ui.getSession();
        if (session == null) {
            return;
        }
        // as Vaadin does it itself: with this UI current, the session locked
        ui.access(() -> {
            if (ui.getSession() == session) {
                ui.close();
                session.removeUI(ui);
            }
        });
    }

    private void closeSilentTabs() {
        try {
            tabs.keySet().stream().filter(LiveUpdates::silent).toList().forEach(this::close);
        } catch (RuntimeException e) {
            log.warn("Closing silent browser tabs failed", e);
        }
    }

    /**
     * While {@code owner} is attached, runs {@code onChange} (in the UI, with the session locked)
     * with the ids of {@code topic} that changed — only {@code id} when given, any otherwise. An id
     * of {@link LiveEvent#EVERYTHING} means "re-read all".
     */
    public Registration subscribe(Component owner, Topic topic, Long id, SerializableConsumer<Set<Long>> onChange) {
        return subscribe(owner, topic, id, false, onChange);
    }

    /**
     * As {@link #subscribe}, but without the changes made in this very tab: a view that redraws
     * itself after its own action (a saved call, a move) would otherwise draw everything a second
     * time when its own signal comes back. Changes from other tabs, people and nodes still arrive.
     */
    public Registration subscribeToOthers(Component owner, Topic topic, Long id,
            SerializableConsumer<Set<Long>> onChange) {
        return subscribe(owner, topic, id, true, onChange);
    }

    private Registration subscribe(Component owner, Topic topic, Long id, boolean skipOwn,
            SerializableConsumer<Set<Long>> onChange) {
        var handler = new Handler(topic, id, skipOwn, onChange);
        Registration onAttach = owner.addAttachListener(e -> handler.start(e.getUI()));
        Registration onDetach = owner.addDetachListener(e -> handler.stop());
        owner.getUI().filter(ui -> owner.isAttached()).ifPresent(handler::start);
        return () -> {
            onAttach.remove();
            onDetach.remove();
            handler.stop();
        };
    }

    /** Pushes sent so far (all tabs) — for tests and the benchmark. */
    public long pushCount() {
        return pushes.get();
    }

    /** Browser tabs with at least one live subscription. */
    public int tabCount() {
        return tabs.size();
    }

    @PreDestroy
    void shutdown() {
        scheduler.shutdownNow();
    }

    private TabQueue queueOf(UI ui) {
        return tabs.computeIfAbsent(ui, TabQueue::new);
    }

    /** One view's interest. */
    private final class Handler {

        private final Topic topic;
        private final Long id;
        private final boolean skipOwn;
        private final SerializableConsumer<Set<Long>> onChange;
        private LiveEvents.Subscription subscription;
        private TabQueue queue;

        Handler(Topic topic, Long id, boolean skipOwn, SerializableConsumer<Set<Long>> onChange) {
            this.topic = topic;
            this.id = id;
            this.skipOwn = skipOwn;
            this.onChange = onChange;
        }

        synchronized void start(UI ui) {
            stop();
            queue = queueOf(ui);
            queue.handlers.incrementAndGet();
            TabQueue target = queue;
            subscription = events.subscribe(topic, id, changed -> {
                // signals are delivered on the committing thread: the tab's own request when this tab made the change
                if (!(skipOwn && UI.getCurrent() == ui)) {
                    target.offer(this, changed);
                }
            });
        }

        synchronized void stop() {
            if (subscription != null) {
                subscription.close();
                subscription = null;
                queue.remove(this);
                queue = null;
            }
        }
    }

    /** The coalescing buffer of one browser tab. */
    private final class TabQueue {

        private final UI ui;
        private final AtomicLong handlers = new AtomicLong();
        private final Map<Handler, Set<Long>> pending = new LinkedHashMap<>();
        private long lastPush = System.nanoTime() - windowNanos;
        private boolean scheduled;

        TabQueue(UI ui) {
            this.ui = ui;
        }

        void offer(Handler handler, List<LiveEvent> changed) {
            long delay;
            synchronized (this) {
                Set<Long> ids = pending.computeIfAbsent(handler, h -> new LinkedHashSet<>());
                changed.forEach(e -> ids.add(e.id()));
                if (scheduled) {
                    return;
                }
                scheduled = true;
                delay = Math.max(0, lastPush + windowNanos - System.nanoTime());
            }
            scheduler.schedule(this::flush, delay, TimeUnit.NANOSECONDS);
        }

        void remove(Handler handler) {
            synchronized (this) {
                pending.remove(handler);
            }
            if (handlers.decrementAndGet() <= 0) {
                tabs.remove(ui, this);
            }
        }

        private void flush() {
            Map<Handler, Set<Long>> batch;
            synchronized (this) {
                batch = new LinkedHashMap<>(pending);
                pending.clear();
                scheduled = false;
                lastPush = System.nanoTime();
            }
            if (batch.isEmpty()) {
                return;
            }
            if (silent(ui)) {
                close(ui);
                return;
            }
            try {
                ui.access(() -> batch.forEach((handler, ids) -> {
                    if (handler.subscription != null) {
                        handler.onChange.accept(ids);
                    }
                }));
                pushes.incrementAndGet();
            } catch (UIDetachedException e) {
                tabs.remove(ui, this);
            } catch (RuntimeException e) {
                log.warn("Live update of a view failed", e);
            }
        }
    }
}
