package app.ponte.stats.ui;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One read of figures that several sections of a page show (the dashboard's tiles repeat the
 * funnel's, the handoffs' and the stalled leads' figures; decision 031). The first section to ask
 * reads them, in its own background load; the others wait for that read instead of running the same
 * query again; a section reloaded alone later takes the figures already read. {@link #invalidate()}
 * (in the UI, before the sections that show the figures reload) makes the next ask read again. A
 * failed read is forgotten at once, so a retry reads again.
 */
final class SharedRead<T> {

    private final Supplier<T> read;
    /** The sections that show these figures as their own: when one of them is stale, so is the read. */
    private final List<StatsSection<?>> shownBy;
    /** Every section that takes these figures (those above and those that repeat them). */
    private final List<StatsSection<?>> usedBy;
    private CompletableFuture<T> current;

    SharedRead(Supplier<T> read, List<StatsSection<?>> shownBy, List<StatsSection<?>> repeatedBy) {
        this.read = read;
        this.shownBy = List.copyOf(shownBy);
        this.usedBy = java.util.stream.Stream.concat(shownBy.stream(), repeatedBy.stream()).distinct().toList();
    }

    /** The figures: read now by the first caller since {@link #invalidate()}, awaited by the others. */
    T get() {
        CompletableFuture<T> mine;
        boolean reader = false;
        synchronized (this) {
            if (current == null) {
                current = new CompletableFuture<>();
                reader = true;
            }
            mine = current;
        }
        if (reader) {
            try {
                mine.complete(read.get());
            } catch (RuntimeException e) {
                forget(mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return mine.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private synchronized void forget(CompletableFuture<T> failed) {
        if (current == failed) {
            current = null;
        }
    }

    synchronized void invalidate() {
        current = null;
    }

    /** Whether a reload of these sections makes the read stale (one of them shows the figures as its own). */
    boolean staleWith(java.util.Collection<StatsSection<?>> reloading) {
        return shownBy.stream().anyMatch(reloading::contains);
    }

    List<StatsSection<?>> usedBy() {
        return usedBy;
    }
}
