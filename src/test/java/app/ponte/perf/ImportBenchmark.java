package app.ponte.perf;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.dataimport.ImportKind;
import app.ponte.dataimport.ImportResult;
import app.ponte.dataimport.ImportService;
import app.ponte.security.Role;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
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
 * The CSV import at scale (issue 11, "Benchmark"): a file of {@code ponte.perf.import.leads}
 * leads (200,000) and one of {@code ponte.perf.import.interactions} interactions (1,000,000) on
 * them, generated to temp files first (so generation is not timed) and imported through
 * {@link ImportService} as an admin, as the REST endpoint and the admin page do. Each run uses its
 * own external ids and usernames, so it works on any migrated database (use an empty one: the
 * figures include index maintenance, which grows with what is already there).
 *
 * <p>Peak heap: a sampler reads the used heap every 20 ms during the import; the figure is the
 * highest reading minus the reading after a GC just before the import. Run it at two sizes to see
 * that memory does not grow with the file.
 */
@Tag("perf")
@SpringBootTest
@ActiveProfiles(resolver = BenchmarkProfiles.class)
class ImportBenchmark {

    private static final int LEADS = Integer.getInteger("ponte.perf.import.leads", 200_000);
    private static final int INTERACTIONS = Integer.getInteger("ponte.perf.import.interactions", 1_000_000);
    private static final String[] CHANNELS = {"WEBSITE", "BLOG", "SOCIAL", "SEO", "ADVERTISING", "EVENT", "TRADE_FAIR"};
    private static final String[] TYPES = {"CALL", "VIDEO_CALL", "MEETING", "EMAIL", "OFFER", "WEBSITE_VISIT"};

    @Autowired
    ImportService imports;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void import_two_hundred_thousand_leads_and_a_million_interactions() throws IOException {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "perf-admin", null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        String run = "b" + Long.toString(System.currentTimeMillis(), 36);
        Path dir = Files.createTempDirectory("ponte-import-bench");
        try {
            Path users = dir.resolve("users.csv");
            try (BufferedWriter out = Files.newBufferedWriter(users, StandardCharsets.UTF_8)) {
                out.write("username,full_name,roles,email\n");
                for (int u = 0; u < 20; u++) {
                    out.write(run + "-u" + u + ",Person " + u + "," + (u < 8 ? "MARKETING" : "SALES") + ",\n");
                }
            }
            measure("users", ImportKind.USERS, users, 20);

            Path leads = dir.resolve("leads.csv");
            Instant start = Instant.parse("2024-01-01T08:00:00Z");
            try (BufferedWriter out = Files.newBufferedWriter(leads, StandardCharsets.UTF_8)) {
                out.write("external_id,created_at,created_by,owner,name,company,email,phone,channel,intent,value\n");
                for (int i = 0; i < LEADS; i++) {
                    String marketer = run + "-u" + (i % 8);
                    out.write(run + "-" + i + "," + start.plusSeconds(i * 300L) + "," + marketer + "," + marketer
                            + ",\"Lead " + i + ", Müller\",Company " + (i % 5000) + ",lead" + i + "@example.com,"
                            + "+39 02 " + (1000000 + i) + "," + CHANNELS[i % CHANNELS.length] + ","
                            + (i % 3 == 0 ? "TRANSACTIONAL" : "") + "," + (i % 4 == 0 ? (i % 9000) + ".50" : "") + "\n");
                }
            }
            measure("leads", ImportKind.LEADS, leads, LEADS);

            Path interactions = dir.resolve("interactions.csv");
            try (BufferedWriter out = Files.newBufferedWriter(interactions, StandardCharsets.UTF_8)) {
                out.write("lead,occurred_at,type,username,outcome_score,summary,next_step,next_step_due\n");
                for (int n = 0; n < INTERACTIONS; n++) {
                    int lead = n % LEADS;
                    int round = n / LEADS;
                    String type = TYPES[n % TYPES.length];
                    boolean scored = type.equals("CALL") || type.equals("VIDEO_CALL") || type.equals("MEETING");
                    out.write(run + "-" + lead + "," + start.plusSeconds(lead * 300L + 3600L * (round + 1)) + ","
                            + type + "," + run + "-u" + (8 + n % 12) + "," + (scored ? 1 + n % 5 : "")
                            + ",Talked about the offer " + n + "," + (n % 10 == 0 ? "Call back,2024-06-01" : ",")
                            + "\n");
                }
            }
            measure("interactions", ImportKind.INTERACTIONS, interactions, INTERACTIONS);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private void measure(String label, ImportKind kind, Path file, long expected) throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long started = System.nanoTime();
        ImportResult result;
        try (InputStream in = Files.newInputStream(file)) {
            result = imports.importCsv(kind, in, Locale.ENGLISH, (records, bytes) -> { });
        } finally {
            sampler.interrupt();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(result.problems()).as(label).isEmpty();
        assertThat(result.imported()).isEqualTo(expected);
        System.out.printf(Locale.ROOT, "IMPORT-BENCH %s: %,d records, %,d bytes, %.1f s (%.0f records/s),"
                        + " heap before %,d KiB, peak %,d KiB (+%,d KiB), max heap %,d MiB%n",
                label, expected, Files.size(file), seconds, expected / seconds, baseline / 1024, peak.get() / 1024,
                (peak.get() - baseline) / 1024, Runtime.getRuntime().maxMemory() / 1024 / 1024);
    }
}
