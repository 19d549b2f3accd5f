package app.ponte.perf;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * How every benchmark row is run and summarised: {@code ponte.perf.warmup} warm-up runs (at least
 * 10), then {@code ponte.perf.runs} measured runs (100; a row that passes 30 s stops at 50, never
 * fewer), nearest-rank percentiles of the measured milliseconds.
 */
final class BenchmarkRuns {

    static final int WARMUP = Math.max(10, Integer.getInteger("ponte.perf.warmup", 10));
    static final int MIN_RUNS = 50;
    static final int MAX_RUNS = Math.max(MIN_RUNS, Integer.getInteger("ponte.perf.runs", 100));
    /** Past this, a row stops at {@link #MIN_RUNS} runs, so slow rows keep the whole run short. */
    static final long BUDGET_NANOS = 30_000_000_000L;

    private BenchmarkRuns() {
    }

    /** The measured runs' milliseconds; {@code run} gets the run's number and returns its own time in ms. */
    static double[] timed(IntToDoubleFunction run) {
        double[] millis = new double[MAX_RUNS];
        int n = 0;
        long started = System.nanoTime();
        while (n < MAX_RUNS && (n < MIN_RUNS || System.nanoTime() - started < BUDGET_NANOS)) {
            millis[n] = run.applyAsDouble(n);
            n++;
        }
        return Arrays.copyOf(millis, n);
    }

    /** Milliseconds since {@code startNanos}. */
    static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    static double percentile(double[] millis, double p) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(p * sorted.length) - 1];
    }

    static double max(double[] millis) {
        return Arrays.stream(millis).max().orElseThrow();
    }

    /** The run settings, as the reports state them. */
    static String settings() {
        return "%d warm-up runs, then %d measured runs per row (%d when a row passes %d s)".formatted(WARMUP, MAX_RUNS,
                MIN_RUNS, BUDGET_NANOS / 1_000_000_000L);
    }
}
