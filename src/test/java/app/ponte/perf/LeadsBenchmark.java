package app.ponte.perf;

import app.ponte.lead.LeadFilter;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadSort;
import app.ponte.lead.LeadStatus;
import app.ponte.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The leads read path under a million leads (issue: "Benchmark (not a test)"): server time of the
 * grid's first page, of a page deep in a sorted scroll, of filtered pages and of the board, and
 * the SQL statements each fetch costs. It calls {@link LeadService#find} and
 * {@link LeadService#board} as a signed-in manager, through the service's security and transaction
 * proxies, exactly as the views do; the time is measured around that call with
 * {@link System#nanoTime()}, so it is the server's time without the browser round trip.
 *
 * <p>Only the Maven {@code perf} profile runs it (tag {@code perf}); it records figures and never
 * fails on them — the targets are judged in the printed table and in docs/benchmarks.md.
 * Settings (system properties): {@code ponte.perf.leads} (1,000,000), {@code ponte.perf.warmup}
 * (10, at least 10), {@code ponte.perf.runs} (100; a row that passes 30 s stops at 50).
 */
@Tag("perf")
@SpringBootTest
@ActiveProfiles(resolver = BenchmarkProfiles.class)
@Import(LeadsBenchmark.Counting.class)
class LeadsBenchmark {

    private static final int LEADS = Integer.getInteger("ponte.perf.leads", 1_000_000);
    private static final double GRID_P95_TARGET_MS = 50;
    private static final double BOARD_P95_TARGET_MS = 150;
    private static final int STATEMENTS_TARGET = 2;

    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {
        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }

    @Autowired
    LeadService leads;

    @Autowired
    DataSource dataSource;

    @Autowired
    app.ponte.stats.StatsRollups rollups;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** One measured call: what it asks, how long it took and what it cost. */
    private record Result(String scenario, String call, boolean grid, double[] millis, long statements, int rows) {

        double percentile(double p) {
            return BenchmarkRuns.percentile(millis, p);
        }

        double max() {
            return BenchmarkRuns.max(millis);
        }

        double target() {
            return grid ? GRID_P95_TARGET_MS : BOARD_P95_TARGET_MS;
        }
    }

    @Test
    void leads_read_path() throws IOException {
        boolean postgres = BenchmarkProfiles.postgres();
        var data = new BenchmarkData(dataSource, LEADS);
        BenchmarkData.Outcome outcome = data.ensure();
        if (outcome.generated()) {
            // leads and changes written with plain SQL: the statistics' rollups count them after a rebuild
            // (decision 036), here where they are generated, since the other benchmarks find them already there
            var rebuilt = app.ponte.security.SystemCaller.call(rollups::rebuild);
            System.out.printf("leads benchmark: rollups rebuilt in %d ms%n", rebuilt.took().toMillis());
        }
        String product = data.product();

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                BenchmarkData.managerUsername(), null, List.of(new SimpleGrantedAuthority(Role.MANAGER.authority()))));

        LeadFilter none = LeadFilter.none();
        LeadFilter mqlFromSeo = new LeadFilter(null, LeadStatus.MQL, null, "SEO", null, false, null, null);
        LeadFilter commonText = new LeadFilter("ferrari", null, null, null, null, false, null, null);
        // a single lead's e-mail: nothing narrows the scan but the text itself (worst case)
        String rare = String.valueOf(LEADS / 2 + 7) + "@";
        LeadFilter rareText = new LeadFilter(rare, null, null, null, null, false, null, null);

        List<Result> results = new ArrayList<>();
        results.add(measure("grid: first page", "find(none, CREATED_AT desc, 0, 50)", true,
                () -> leads.find(none, LeadSort.CREATED_AT, false, 0, 50)));
        results.add(measure("grid: deep in a sorted scroll", "find(none, NAME asc, 100000, 50)", true,
                () -> leads.find(none, LeadSort.NAME, true, 100_000, 50)));
        results.add(measure("grid: filtered (status + channel)", "find(MQL + SEO, DAYS_IN_STATUS desc, 0, 50)", true,
                () -> leads.find(mqlFromSeo, LeadSort.DAYS_IN_STATUS, false, 0, 50)));
        results.add(measure("grid: free text, common", "find(text \"ferrari\", CREATED_AT desc, 0, 50)", true,
                () -> leads.find(commonText, LeadSort.CREATED_AT, false, 0, 50)));
        results.add(measure("grid: free text, one match", "find(text \"" + rare + "\", CREATED_AT desc, 0, 50)", true,
                () -> leads.find(rareText, LeadSort.CREATED_AT, false, 0, 50)));
        results.add(measure("board", "board(25)", false, () -> leads.board(25)));

        String report = report(postgres, product, outcome, results);
        System.out.println(report);
        Path file = Path.of("target", "benchmarks", "leads-" + (postgres ? "postgres" : "h2") + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    private Result measure(String scenario, String call, boolean grid, Supplier<?> fetch) {
        for (int i = 0; i < BenchmarkRuns.WARMUP; i++) {
            fetch.get();
        }
        long before = StatementCounter.statements();
        int rows = size(fetch.get());
        long statements = StatementCounter.statements() - before;
        double[] millis = BenchmarkRuns.timed(i -> {
            long start = System.nanoTime();
            fetch.get();
            return BenchmarkRuns.since(start);
        });
        return new Result(scenario, call, grid, millis, statements, rows);
    }

    private static int size(Object fetched) {
        if (fetched instanceof Map<?, ?> board) {
            return board.values().stream().mapToInt(column -> ((Collection<?>) column).size()).sum();
        }
        return ((Collection<?>) fetched).size();
    }

    private static String report(boolean postgres, String product, BenchmarkData.Outcome outcome,
            List<Result> results) {
        var out = new StringBuilder();
        out.append("### Leads read path on ").append(product).append("\n\n");
        out.append("%,d leads, %,d status changes; data %s. Java %s (%s), %d CPUs. %s.\n\n"
                .formatted(outcome.leads(), outcome.changes(),
                        outcome.generated() ? "generated in %.1f s".formatted(outcome.millis() / 1000.0)
                                : "already present (generation skipped)",
                        System.getProperty("java.version"), System.getProperty("java.vm.name"),
                        Runtime.getRuntime().availableProcessors(), BenchmarkRuns.settings()));
        out.append("| scenario | call | rows | runs | p50 ms | p95 ms | max ms | SQL statements per fetch | target |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Result r : results) {
            String target;
            if (postgres) {
                boolean timeMet = r.percentile(0.95) <= r.target();
                target = "p95 ≤ %.0f ms: %s".formatted(r.target(), timeMet ? "met" : "**missed**");
                if (r.grid()) {
                    target += "; ≤ %d statements: %s".formatted(STATEMENTS_TARGET,
                            r.statements() <= STATEMENTS_TARGET ? "met" : "**missed**");
                }
            } else {
                target = "— (targets are for PostgreSQL)";
            }
            out.append(String.format(Locale.ROOT, "| %s | `%s` | %d | %d | %.1f | %.1f | %.1f | %d | %s |%n", r.scenario(),
                    r.call(), r.rows(), r.millis().length, r.percentile(0.50), r.percentile(0.95), r.max(), r.statements(), target));
        }
        return out.toString();
    }
}
