package app.ponte.perf;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;

import app.ponte.KaribuTest;
import app.ponte.interaction.InteractionEntry;
import app.ponte.interaction.InteractionService;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.security.Role;
import app.ponte.security.UserService;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Interactions under load (issue 5, "Benchmark"): the lead page of a lead with 500 interactions in
 * its timeline, and each user's agenda with 5,000,000 interactions in the database.
 *
 * <p>The lead page is opened as a browser would open it: a fresh Vaadin UI (Karibu's mock
 * environment over this Spring context) navigates to {@code leads/<id>}, so the time covers
 * everything the server does for the page — MainLayout with its navigation badges, LeadView, and
 * the interactions' timeline, summary and actions — without the browser round trip. A second row
 * times only the service calls the page makes (the database part). The agenda rows call
 * {@link InteractionService#myAgenda()} and {@link InteractionService#myOverdueCount()} through
 * their security and transaction proxies, signed in as a different rep on each call (50 in turn).
 *
 * <p>Only the Maven {@code perf} profile runs it; it records figures and never fails on them.
 * Settings (system properties): {@code ponte.perf.leads} (1,000,000), {@code ponte.perf.interactions}
 * (5,000,000), {@code ponte.perf.warmup} (10, at least 10), {@code ponte.perf.runs} (100; a row
 * that passes 30 s stops at 50).
 */
@Tag("perf")
@SpringBootTest
@ActiveProfiles(resolver = BenchmarkProfiles.class)
@Import(LeadsBenchmark.Counting.class)
class InteractionsBenchmark {

    private static final int LEADS = Integer.getInteger("ponte.perf.leads", 1_000_000);
    private static final long INTERACTIONS = Long.getLong("ponte.perf.interactions", 5_000_000L);
    private static final double AGENDA_P95_TARGET_MS = 50;
    /** The agenda rows sign in as reps 1..50 in turn. */
    private static final int AGENDA_USERS = 50;
    /** {@code -Dponte.perf.rows=agenda} measures the agenda rows only (the page rows take minutes). */
    private static final boolean AGENDA_ONLY = "agenda".equals(System.getProperty("ponte.perf.rows"));

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Autowired
    LeadService leads;

    @Autowired
    InteractionService interactions;

    @Autowired
    app.ponte.stats.StatsRollups rollups;

    @Autowired
    UserService users;

    /** The measured lead page's location, {@code leads/<id>}. */
    private String pagePath;

    @AfterEach
    void signOut() {
        if (UI.getCurrent() != null) {
            MockVaadin.tearDown();
        }
        SecurityContextHolder.clearContext();
    }

    /** One measured row. */
    private record Result(String scenario, String call, double[] millis, long statements, String rows, boolean agenda) {

        double percentile(double p) {
            return BenchmarkRuns.percentile(millis, p);
        }

        double max() {
            return BenchmarkRuns.max(millis);
        }
    }

    @Test
    void interactions() throws IOException {
        boolean postgres = BenchmarkProfiles.postgres();
        var data = new BenchmarkData(dataSource, LEADS);
        BenchmarkData.Outcome leadsOutcome = data.ensure();
        BenchmarkData.InteractionsOutcome outcome = data.ensureInteractions(INTERACTIONS);
        if (outcome.generated() || leadsOutcome.generated()) {
            // generated with plain SQL: the statistics' rollups count it after a rebuild (decisions 034, 036)
            var rebuilt = app.ponte.security.SystemCaller.call(rollups::rebuild);
            System.out.printf("interactions benchmark: rollups rebuilt in %d ms%n", rebuilt.took().toMillis());
        }
        String product = data.product();
        LeadId page = new LeadId(data.pageLead());
        pagePath = "leads/" + page.value();
        String rep = BenchmarkData.repUsername(1);
        String manager = BenchmarkData.managerUsername();

        List<Result> results = new ArrayList<>();

        // (a) the lead page with its 500 interactions
        if (!AGENDA_ONLY) {
            signIn(rep, Role.SALES);
            int timeline = interactions.forLead(page).size();
            long timelineEdits = interactions.forLead(page).stream().mapToLong(e -> e.edits().size()).sum();
            SecurityContextHolder.clearContext();
            String shown = timeline + " interactions, " + timelineEdits + " edits";
            results.add(measure("lead page, opened by the rep who had the interactions (SALES)",
                    "new UI, navigate(\"leads/" + page.value() + "\")", null, shown, false, rep, Role.SALES));
            results.add(measure("lead page, opened by a manager (edit on every entry)",
                    "new UI, navigate(\"leads/" + page.value() + "\")", null, shown, false, manager, Role.MANAGER));
            signIn(rep, Role.SALES);
            results.add(measure("lead page data only (the page's service calls, no components)",
                    "get, mayEdit, activeWithRole ×3, history ×2, allowedMoves, averageOutcome, forLead, rights",
                    i -> pageData(page), shown, false, null, null));
            SecurityContextHolder.clearContext();
        }

        // (b) the agenda, each call as another rep
        long[] agendaRows = new long[1];
        int[] agendaCalls = new int[1];
        results.add(measure("agenda: my open next steps", "myAgenda() (limit 500)", i -> {
            signIn(BenchmarkData.repUsername(1 + i % AGENDA_USERS), Role.SALES);
            int n = interactions.myAgenda().size();
            agendaRows[0] += n;
            agendaCalls[0]++;
            return n;
        }, null, true, null, null));
        long[] overdue = new long[1];
        int[] overdueCalls = new int[1];
        results.add(measure("agenda: overdue count (navigation badge)", "myOverdueCount()", i -> {
            signIn(BenchmarkData.repUsername(1 + i % AGENDA_USERS), Role.SALES);
            overdue[0] += interactions.myOverdueCount();
            overdueCalls[0]++;
            return 1;
        }, null, true, null, null));
        SecurityContextHolder.clearContext();
        String agendaShape = "%.1f open steps per rep on average (%d calls)"
                .formatted((double) agendaRows[0] / agendaCalls[0], agendaCalls[0]);
        String overdueShape = "%.1f overdue per rep on average".formatted((double) overdue[0] / overdueCalls[0]);
        results.set(results.size() - 2, withRows(results.get(results.size() - 2), agendaShape));
        results.set(results.size() - 1, withRows(results.get(results.size() - 1), overdueShape));

        String plans = plans(postgres, page);
        String report = report(postgres, product, leadsOutcome, outcome, results, plans);
        System.out.println(report);
        Path file = Path.of("target", "benchmarks", "interactions-" + (postgres ? "postgres" : "h2") + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    private static Result withRows(Result r, String rows) {
        return new Result(r.scenario(), r.call(), r.millis(), r.statements(), rows, r.agenda());
    }

    // ---- the lead page -------------------------------------------------------------------------

    /** A new UI (as a browser tab opening the URL), signed in; the caller times only the navigation. */
    private void setUpUi(String username, Role role) {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(KaribuTest.routes(), context, uiFactory));
        UI.getCurrent().setLocale(Locale.ENGLISH);
        KaribuTest.signInMock(username, role);
    }

    /** The service calls LeadView and the interactions' extension make for one page (see LeadView.show). */
    private int pageData(LeadId page) {
        LeadDetails lead = leads.get(page).orElseThrow();
        leads.mayEdit(lead);
        for (Role role : List.of(Role.MARKETING, Role.SALES, Role.MANAGER)) {
            users.activeWithRole(role);
        }
        leads.history(page);
        leads.allowedMoves(lead);
        interactions.averageOutcome(page);
        leads.history(page);
        List<InteractionEntry> entries = interactions.forLead(page);
        var rights = interactions.rights();
        entries.forEach(e -> {
            rights.mayEdit(e);
            rights.mayComplete(e);
        });
        return entries.size();
    }

    // ---- measuring -----------------------------------------------------------------------------

    /** Measures {@code fetch}, or with a {@code pageUser} the lead page opened by that user in a new UI. */
    private Result measure(String scenario, String call, IntFunction<Integer> fetch, String rows, boolean agenda,
            String pageUser, Role pageRole) {
        boolean page = pageUser != null;
        String[] user = page ? new String[] {pageUser, pageRole.name()} : null;
        for (int i = 0; i < BenchmarkRuns.WARMUP; i++) {
            run(page, user, fetch, i, null);
        }
        long[] statements = new long[1];
        run(page, user, fetch, BenchmarkRuns.WARMUP, statements);
        double[] millis = BenchmarkRuns.timed(i -> run(page, user, fetch, BenchmarkRuns.WARMUP + 1 + i, null));
        return new Result(scenario, call, millis, statements[0], rows, agenda);
    }

    /** One run: milliseconds; for a page, a fresh UI is set up and torn down outside the time. */
    private double run(boolean page, String[] user, IntFunction<Integer> fetch, int i, long[] statements) {
        if (!page) {
            long before = StatementCounter.statements();
            long start = System.nanoTime();
            fetch.apply(i);
            double ms = BenchmarkRuns.since(start);
            if (statements != null) {
                statements[0] = StatementCounter.statements() - before;
            }
            return ms;
        }
        setUpUi(user[0], Role.valueOf(user[1]));
        try {
            long before = StatementCounter.statements();
            long start = System.nanoTime();
            UI.getCurrent().navigate(pagePath);
            double ms = BenchmarkRuns.since(start);
            if (statements != null) {
                statements[0] = StatementCounter.statements() - before;
                long entries = _find(Div.class).stream()
                        .filter(d -> "interaction".equals(d.getElement().getAttribute("data-kind"))).count();
                if (entries != BenchmarkData.PAGE_LEAD_INTERACTIONS) {
                    throw new IllegalStateException("the page showed " + entries + " interactions, not "
                            + BenchmarkData.PAGE_LEAD_INTERACTIONS);
                }
            }
            return ms;
        } finally {
            MockVaadin.tearDown();
            SecurityContextHolder.clearContext();
        }
    }

    private static void signIn(String username, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    // ---- plans ---------------------------------------------------------------------------------

    /** The plans of the agenda's two queries and of the timeline's, as the database runs them (for rep 2). */
    private String plans(boolean postgres, LeadId page) {
        var jdbc = JdbcClient.create(dataSource);
        long rep = jdbc.sql("select id from app_user where username = :u").param("u", BenchmarkData.repUsername(2))
                .query(Long.class).single();
        String agenda = "select i.id, i.lead_id, l.name, l.company, i.type, i.next_step, i.next_step_due"
                + " from interaction i join lead l on l.id = i.lead_id"
                + " where i.open_step_user_id = " + rep
                + " order by i.open_step_user_id, i.next_step_due nulls last, i.id limit 500";
        String overdue = "select count(*) from interaction where open_step_user_id = " + rep
                + " and next_step_due < date '2026-11-23'";
        String timeline = "select i.*, u.username as u_username, u.full_name as u_full_name,"
                + " b.username as b_username, b.full_name as b_full_name from interaction i"
                + " join app_user u on u.id = i.user_id join app_user b on b.id = i.logged_by_id"
                + " where i.lead_id = " + page.value() + " order by i.occurred_at desc, i.id desc";
        var out = new StringBuilder();
        for (String sql : List.of(agenda, overdue, timeline)) {
            String explain = postgres ? "explain (analyze, buffers) " : "explain analyze ";
            out.append("```\n").append(sql).append("\n\n");
            jdbc.sql(explain + sql).query(String.class).list().forEach(line -> out.append(line).append('\n'));
            out.append("```\n\n");
        }
        return out.toString();
    }

    // ---- report --------------------------------------------------------------------------------

    private static String report(boolean postgres, String product, BenchmarkData.Outcome leads,
            BenchmarkData.InteractionsOutcome outcome, List<Result> results, String plans) {
        var out = new StringBuilder();
        out.append("### Interactions on ").append(product).append("\n\n");
        out.append(("%,d leads, %,d status changes (%s); %,d interactions, %,d open next steps, %,d edits (%s)."
                + " Java %s (%s), %d CPUs. %s.\n\n")
                .formatted(leads.leads(), leads.changes(),
                        leads.generated() ? "generated in %.1f s".formatted(leads.millis() / 1000.0) : "already present",
                        outcome.interactions(), outcome.openNextSteps(), outcome.edits(),
                        outcome.generated() ? "generated in %.1f s".formatted(outcome.millis() / 1000.0)
                                : "already present",
                        System.getProperty("java.version"), System.getProperty("java.vm.name"),
                        Runtime.getRuntime().availableProcessors(), BenchmarkRuns.settings()));
        out.append("| scenario | call | shown | runs | p50 ms | p95 ms | max ms | SQL statements per call | target |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|---|\n");
        for (Result r : results) {
            String target = !r.agenda() ? "—" : postgres
                    ? "p95 ≤ %.0f ms: %s".formatted(AGENDA_P95_TARGET_MS,
                            r.percentile(0.95) <= AGENDA_P95_TARGET_MS ? "met" : "**missed**")
                    : "— (target is for PostgreSQL)";
            out.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %d | %.1f | %.1f | %.1f | %d | %s |%n",
                    r.scenario(), r.call(), r.rows(), r.millis().length, r.percentile(0.50), r.percentile(0.95), r.max(),
                    r.statements(), target));
        }
        out.append("\nPlans (rep 2's agenda and overdue count, the measured lead's timeline):\n\n").append(plans);
        return out.toString();
    }
}
