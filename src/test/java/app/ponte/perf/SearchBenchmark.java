package app.ponte.perf;

import app.ponte.lead.LeadFilter;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadSort;
import app.ponte.security.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The header search at a million leads (issue 21, "Global search"): server time of
 * {@link LeadService#search} for typical terms, as a manager and as a salesperson (the list's
 * visibility, and narrowed to their own leads), through the service's security and transaction
 * proxies as the header calls it.
 *
 * <p>On PostgreSQL it measures three index states in one session, on the same data: the trigram GIN
 * indexes of V36 (pg_trgm, the "after"), V36's fallback B-tree {@code text_pattern_ops} indexes (a
 * role that may not create pg_trgm), and no search index at all (the "before", with the lead list's
 * text filter beside it); then it puts V36's indexes back by running V36's own block again.
 * On H2 only the state the migrations leave.
 *
 * <p>Data: {@link BenchmarkData#ensureLeadsOnly} — the users and leads of the other benchmarks
 * without their status changes, so it needs a database of its own. Settings as
 * {@link BenchmarkRuns} for the warm-up, {@code ponte.perf.search.runs} (30, at least 30) measured
 * runs per row, {@code ponte.perf.leads} (1,000,000).
 */
@Tag("perf")
@SpringBootTest
@ActiveProfiles(resolver = BenchmarkProfiles.class)
class SearchBenchmark {

    private static final int LEADS = Integer.getInteger("ponte.perf.leads", 1_000_000);
    private static final int SHOWN = 8;
    /**
     * Measured runs per row (after {@link BenchmarkRuns#WARMUP} warm-up runs): 30 by default, fewer
     * than the other benchmarks' 50–100 because the rows without an index take about a second each.
     */
    private static final int RUNS = Math.max(30, Integer.getInteger("ponte.perf.search.runs", 30));
    private static final double P95_TARGET_MS = 100;
    private static final List<String> SEARCH_INDEXES = List.of("ix_lead_search_name", "ix_lead_search_company",
            "ix_lead_search_email", "ix_lead_search_phone");

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

    private record Term(String kind, String text) {
    }

    private record Caller(String label, String username, Role role, boolean onlyMine) {
    }

    private record Result(String state, String caller, String term, String call, int rows, double[] millis) {
    }

    @Test
    void header_search() throws IOException {
        boolean postgres = BenchmarkProfiles.postgres();
        var data = new BenchmarkData(dataSource, LEADS);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // an empty database loads faster without the four GIN indexes; they are built afterwards, as V36 builds them
        boolean loading = postgres && jdbc.sql("select count(*) from lead").query(Long.class).single() == 0;
        if (loading) {
            dropSearchIndexes(jdbc);
        }
        BenchmarkData.Outcome outcome = data.ensureLeadsOnly();
        if (loading) {
            createV36Indexes(jdbc);
        }
        if (outcome.generated()) {
            // leads written with plain SQL: the statistics' rollups count them after a rebuild (decision 036)
            app.ponte.security.SystemCaller.call(rollups::rebuild);
        }

        // e-mails hold the lead's number ("marco.500007@alpi.example"): that fragment finds one lead
        List<Term> terms = List.of(new Term("3-letter fragment", "ros"), new Term("full surname", "Ferrari"),
                new Term("e-mail fragment", (LEADS / 2 + 7) + "@"), new Term("phone fragment", "02 5551"),
                new Term("no match", "qzxw"));
        Caller manager = new Caller("MANAGER", BenchmarkData.managerUsername(), Role.MANAGER, false);
        Caller sales = new Caller("SALES", BenchmarkData.sellerUsername(), Role.SALES, false);
        Caller salesMine = new Caller("SALES, only mine", BenchmarkData.sellerUsername(), Role.SALES, true);

        List<Result> results = new ArrayList<>();
        String migrated = postgres ? indexKind(jdbc) : "H2: the migrations' indexes";
        for (Caller caller : List.of(manager, sales, salesMine)) {
            for (Term term : terms) {
                results.add(search(migrated, caller, term));
            }
        }
        // -Dponte.perf.search.afterOnly=true: the migrated state only (the others rebuild indexes for minutes)
        if (postgres && migrated.startsWith("trigram") && !Boolean.getBoolean("ponte.perf.search.afterOnly")) {
            // before: no search index, the new query beside the list's text filter
            dropSearchIndexes(jdbc);
            jdbc.sql("analyze lead").update();
            for (Term term : terms) {
                results.add(search("before: no search index", manager, term));
                results.add(listFilter("before: no search index", manager, term));
            }
            createFallbackIndexes(jdbc);
            for (Caller caller : List.of(manager, salesMine)) {
                for (Term term : terms) {
                    results.add(search("fallback: B-tree text_pattern_ops", caller, term));
                }
            }
            dropSearchIndexes(jdbc);
            createV36Indexes(jdbc);
        }

        String report = report(data.product(), outcome, results);
        System.out.println(report);
        Path file = Path.of("target", "benchmarks", "search-" + (postgres ? "postgres" : "h2") + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    /** Which of V36's two forms the database holds now. */
    private static String indexKind(JdbcClient jdbc) {
        String method = jdbc.sql("select am.amname from pg_class c join pg_am am on am.oid = c.relam"
                + " where c.relname = 'ix_lead_search_name'").query(String.class).optional().orElse("none");
        return "gin".equals(method) ? "trigram GIN (V36 with pg_trgm)" : "V36 as migrated: " + method;
    }

    /** V36's own block, run again: pg_trgm's GIN indexes where the role may create the extension. */
    private static void createV36Indexes(JdbcClient jdbc) throws IOException {
        long started = System.nanoTime();
        jdbc.sql(new ClassPathResource("db/vendor/postgresql/V36__lead_search_indexes.sql")
                .getContentAsString(StandardCharsets.UTF_8)).update();
        jdbc.sql("analyze lead").update();
        System.out.printf("search benchmark: V36's indexes built in %.1f s (%s)%n", BenchmarkRuns.since(started) / 1000,
                indexKind(jdbc));
    }

    private static void dropSearchIndexes(JdbcClient jdbc) {
        SEARCH_INDEXES.forEach(name -> jdbc.sql("drop index if exists " + name).update());
    }

    /** V36's else branch, as a role without pg_trgm gets it. */
    private static void createFallbackIndexes(JdbcClient jdbc) {
        long started = System.nanoTime();
        jdbc.sql("create index ix_lead_search_name on lead (lower(name) text_pattern_ops)").update();
        jdbc.sql("create index ix_lead_search_company on lead (lower(company) text_pattern_ops)").update();
        jdbc.sql("create index ix_lead_search_email on lead (email_key text_pattern_ops)").update();
        jdbc.sql("create index ix_lead_search_phone on lead ((replace(replace(replace(replace(replace(replace("
                + "replace(phone, ' ', ''), '-', ''), '.', ''), '/', ''), '(', ''), ')', ''), '+', '')) text_pattern_ops)")
                .update();
        jdbc.sql("analyze lead").update();
        System.out.printf("search benchmark: fallback indexes built in %.1f s%n", BenchmarkRuns.since(started) / 1000);
    }

    private Result search(String state, Caller caller, Term term) {
        String call = "search(\"%s\", onlyMine=%s, %d)".formatted(term.text(), caller.onlyMine(), SHOWN);
        return measure(state, caller, term, call, () -> leads.search(term.text(), caller.onlyMine(), SHOWN));
    }

    /** The lead list's text filter, first 8 by name: what a search through the list costs. */
    private Result listFilter(String state, Caller caller, Term term) {
        LeadFilter filter = new LeadFilter(term.text(), null, null, null, null, caller.onlyMine(), null, null);
        String call = "find(text \"%s\", NAME asc, 0, %d)".formatted(term.text(), SHOWN);
        return measure(state, caller, term, call, () -> leads.find(filter, LeadSort.NAME, true, 0, SHOWN));
    }

    private Result measure(String state, Caller caller, Term term, String call, Supplier<Collection<?>> fetch) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                caller.username(), null, List.of(new SimpleGrantedAuthority(caller.role().authority()))));
        for (int i = 0; i < BenchmarkRuns.WARMUP; i++) {
            fetch.get();
        }
        int rows = fetch.get().size();
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            fetch.get();
            millis[i] = BenchmarkRuns.since(start);
        }
        System.out.printf(Locale.ROOT, "search benchmark: %s | %s | %s | %d rows | %d runs | p50 %.1f | p95 %.1f"
                + " | max %.1f ms%n", state, caller.label(), term.kind(), rows, millis.length,
                BenchmarkRuns.percentile(millis, 0.50), BenchmarkRuns.percentile(millis, 0.95), BenchmarkRuns.max(millis));
        return new Result(state, caller.label(), term.kind(), call, rows, millis);
    }

    private static String report(String product, BenchmarkData.Outcome outcome, List<Result> results) {
        var out = new StringBuilder();
        out.append("### Header search on ").append(product).append("\n\n");
        out.append("%,d leads (leads-only load, no status changes); data %s. Java %s, %d CPUs, load average %.1f. %s.\n\n"
                .formatted(outcome.leads(), outcome.generated()
                                ? "generated in %.1f s".formatted(outcome.millis() / 1000.0) : "already present",
                        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        "%d warm-up runs, then %d measured runs per row".formatted(BenchmarkRuns.WARMUP, RUNS)));
        out.append("| indexes | caller | term | call | rows | runs | p50 ms | p95 ms | max ms | p95 ≤ 100 ms |\n");
        out.append("|---|---|---|---|---:|---:|---:|---:|---:|---|\n");
        for (Result r : results) {
            double p95 = BenchmarkRuns.percentile(r.millis(), 0.95);
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | `%s` | %d | %d | %.1f | %.1f | %.1f | %s |%n",
                    r.state(), r.caller(), r.term(), r.call(), r.rows(), r.millis().length,
                    BenchmarkRuns.percentile(r.millis(), 0.50), p95, BenchmarkRuns.max(r.millis()),
                    p95 <= P95_TARGET_MS ? "met" : "**missed**"));
        }
        return out.toString();
    }
}
