package app.ponte.perf;

import app.ponte.interaction.InteractionService;
import app.ponte.interaction.InteractionType;
import app.ponte.interaction.NewInteraction;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusMove;
import app.ponte.security.NewUser;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The writes a person waits for, with every rollup kept (issue 23: "logging one interaction and moving one lead:
 * p95 ≤ 20 ms on PostgreSQL"): creating a lead, moving it one step (NEW to MQL) and logging a call on it, each a
 * service call through its security and transaction proxies, the commit (and the rollups' refresh before it)
 * included. Runs on the benchmark data set as it is (run {@code StatsBenchmark} first to have a million leads):
 * it signs in as a person of its own, made for the run, and writes leads of its own, created now (so they add
 * a few hundred leads to today's figures). {@link BenchmarkRuns}' warm-up and runs; nearest-rank percentiles.
 */
@Tag("perf")
@SpringBootTest
@ActiveProfiles(resolver = BenchmarkProfiles.class)
class WriteLatencyBenchmark {

    @Autowired
    LeadService leads;

    @Autowired
    InteractionService interactions;

    @Autowired
    UserService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void create_move_and_log() {
        String run = "w" + Long.toString(System.currentTimeMillis(), 36);
        UserSummary person = SystemCaller.call(() -> users.create(new NewUser(run, "Write " + run, run + "@example.com",
                Set.of(Role.MARKETING, Role.SALES), "write-latency-1", Locale.ENGLISH)));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                person.username(), null, person.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
        int total = BenchmarkRuns.WARMUP + BenchmarkRuns.MAX_RUNS;
        List<LeadId> made = new ArrayList<>();
        for (int w = 0; w < BenchmarkRuns.WARMUP; w++) {
            made.add(create(run, w));
        }
        double[] create = BenchmarkRuns.timed(n -> {
            long started = System.nanoTime();
            made.add(create(run, BenchmarkRuns.WARMUP + n));
            return BenchmarkRuns.since(started);
        });
        while (made.size() < total) {
            made.add(create(run, made.size()));   // one NEW lead per measured move
        }
        for (int w = 0; w < BenchmarkRuns.WARMUP; w++) {
            move(made.get(w));
        }
        double[] move = BenchmarkRuns.timed(n -> {
            LeadId lead = made.get(BenchmarkRuns.WARMUP + n);
            long version = leads.get(lead).orElseThrow().version();
            long started = System.nanoTime();
            leads.move(lead, StatusMove.to(LeadStatus.MQL, version));
            return BenchmarkRuns.since(started);
        });
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int w = 0; w < BenchmarkRuns.WARMUP; w++) {
            interactions.log(call(made.get(w), now.minusSeconds(60 + w), person));
        }
        double[] log = BenchmarkRuns.timed(n -> {
            LeadId lead = made.get(BenchmarkRuns.WARMUP + n);
            NewInteraction call = call(lead, now.minusSeconds(30 + n), person);
            long started = System.nanoTime();
            interactions.log(call);
            return BenchmarkRuns.since(started);
        });
        System.out.println("WRITE-LATENCY " + BenchmarkRuns.settings() + "; " + total + " leads of its own");
        report("create a lead", create);
        report("move a lead NEW to MQL", move);
        report("log a held call", log);
    }

    private LeadId create(String run, int n) {
        return leads.create(new NewLead("Write " + run + " " + n, "Company " + n, null, null, "WEBSITE",
                Intent.TRANSACTIONAL, new BigDecimal("1000.00"), null));
    }

    private void move(LeadId lead) {
        leads.move(lead, StatusMove.to(LeadStatus.MQL, leads.get(lead).orElseThrow().version()));
    }

    private static NewInteraction call(LeadId lead, Instant at, UserSummary person) {
        return new NewInteraction(lead, InteractionType.CALL, at, false, person.id(), "Called", 4, null, null);
    }

    private static void report(String row, double[] millis) {
        System.out.printf(Locale.ROOT, "WRITE-LATENCY %-24s runs %3d  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", row,
                millis.length, BenchmarkRuns.percentile(millis, 0.5), BenchmarkRuns.percentile(millis, 0.95),
                BenchmarkRuns.max(millis));
    }
}
