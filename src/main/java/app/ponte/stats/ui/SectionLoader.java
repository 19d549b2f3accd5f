package app.ponte.stats.ui;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs the statistics pages' sections off the request thread, so the page shell renders at once and
 * each section fills in when its figures arrive (pushed). The caller's security context goes along:
 * the statistics service checks roles and hides money by it. A small fixed pool, so that a few open
 * dashboards cannot take every database connection or every core.
 */
@Component
public class SectionLoader {

    /**
     * The reads are CPU work (of the database, or of H2 in this process): more of them at once than the
     * machine has cores only slows each one and takes the cores the page's own response and the other
     * users' requests need. One more than the cores (a read also waits on I/O), at least 2, at most 6.
     */
    static final int THREADS = Math.max(2, Math.min(6, Runtime.getRuntime().availableProcessors() + 1));

    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS,
            Thread.ofPlatform().daemon().name("ponte-stats-section-", 1).factory());
    private final Set<Future<?>> running = ConcurrentHashMap.newKeySet();

    /** Runs {@code work} in the background as the current user. */
    public void submit(Runnable work) {
        Runnable task = DelegatingSecurityContextRunnable.create(work, SecurityContextHolder.getContext());
        var holder = new Future<?>[1];
        synchronized (holder) {
            holder[0] = executor.submit(() -> {
                try {
                    task.run();
                } finally {
                    synchronized (holder) {
                        running.remove(holder[0]);
                    }
                }
            });
            if (!holder[0].isDone()) {
                running.add(holder[0]);
            }
        }
    }

    /** Waits until no section is loading (for tests and benchmarks). */
    public void awaitIdle(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!running.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(running.size() + " sections still loading");
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
