package app.ponte.stats.ui;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

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
    /** What the sections that only repeat the figures need of them, kept once the page has shown them all. */
    private final UnaryOperator<T> repeated;
    private CompletableFuture<T> current;

    SharedRead(Supplier<T> read, List<StatsSection<?>> shownBy, List<StatsSection<?>> repeatedBy) {
        this(read, shownBy, repeatedBy, UnaryOperator.identity());
    }

    /**
     * @param repeated what to keep of the figures once every section has shown them: a section that shows
     *                 them as its own reloads with a new read ({@link #staleWith}), so only the repeating
     *                 sections take the kept figures again
     */
    SharedRead(Supplier<T> read, List<StatsSection<?>> shownBy, List<StatsSection<?>> repeatedBy,
            UnaryOperator<T> repeated) {
        this.read = read;
        this.repeated = repeated;
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

    /**
     * The page has shown every section (none is loading): from now on only a repeating section can take
     * these figures without a new read, so the rest of them is let go (an open tab keeps its figures for
     * hours; the stalled leads' list is most of them).
     */
    synchronized void keepRepeatedOnly() {
        // a section that failed to show them keeps them whole for its retry
        if (current != null && current.isDone() && !current.isCompletedExceptionally()
                && shownBy.stream().allMatch(StatsSection::shown)) {
            current = CompletableFuture.completedFuture(repeated.apply(current.join()));
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
