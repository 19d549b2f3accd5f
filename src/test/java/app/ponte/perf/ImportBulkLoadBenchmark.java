package app.ponte.perf;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.TestUsers;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The CSV import against the database's own bulk load of the same file, in one run (issue 23: "≤ 10× the
 * bulk load for every kind"). For each kind a file is generated first (not timed), then
 * <ol>
 *   <li>sent to {@code POST /api/import/{kind}} over HTTP as an administrator, as a team's script would
 *       (the time is the request's, from the first byte sent to the response);</li>
 *   <li>loaded by the database itself into a table of text columns named after the file's header:
 *       PostgreSQL {@code COPY … from stdin (format csv, header true)} through the driver's
 *       {@code CopyManager}; H2 {@code insert … select * from csvread(…)}.</li>
 * </ol>
 * The files: {@code ponte.perf.import.leads} leads (100,000), two status changes per lead on average
 * (every lead to MQL, half on to SQL, a quarter to OPPORTUNITY, an eighth WON and an eighth LOST), three
 * interactions per lead, a handoff accepted for every lead that reached SQL, and two purchases per won lead.
 * Each run uses its own usernames and external ids; run it on an empty database (docs/benchmarks.md).
 */
@Tag("perf")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = BenchmarkProfiles.class)
class ImportBulkLoadBenchmark {

    private static final int LEADS = Integer.getInteger("ponte.perf.import.leads", 100_000);
    private static final String[] CHANNELS = {"WEBSITE", "BLOG", "SOCIAL", "SEO", "ADVERTISING", "EVENT", "TRADE_FAIR"};
    private static final String[] TYPES = {"CALL", "EMAIL", "MEETING"};
    private static final Instant START = Instant.parse("2019-01-01T08:00:00Z");

    @Autowired
    TestUsers testUsers;

    @Autowired
    DataSource dataSource;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> results = new ArrayList<>();

    @Test
    void every_kind_through_the_api_against_the_bulk_load() throws Exception {
        UserSummary admin = testUsers.create("bulk-admin", Role.ADMIN);
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                (admin.username() + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        String run = "k" + Long.toString(System.currentTimeMillis(), 36);
        Path dir = Files.createTempDirectory("ponte-bulk-bench");
        try {
            Path users = write(dir, "users", "username,full_name,roles,email", (out) -> {
                for (int u = 0; u < 20; u++) {
                    out.write(user(run, u) + ",Person " + u + "," + (u < 8 ? "MARKETING" : "SALES") + ",\n");
                }
            });
            measure("users", users, 20, auth);

            Path leads = write(dir, "leads", "external_id,created_at,created_by,owner,name,company,email,phone,"
                    + "channel,intent,value", out -> {
                for (int i = 0; i < LEADS; i++) {
                    String marketer = user(run, i % 8);
                    out.write(run + "-" + i + "," + created(i) + "," + marketer + "," + marketer + ",\"Lead " + i
                            + ", Müller\",Company " + (i % 5000) + ",lead" + i + "." + run + "@example.com,+39 02 "
                            + (1000000 + i) + "," + CHANNELS[i % CHANNELS.length] + ","
                            + (i % 3 == 0 ? "TRANSACTIONAL" : "") + "," + (i % 4 == 0 ? (i % 9000) + ".50" : "") + "\n");
                }
            });
            measure("leads", leads, LEADS, auth);

            long[] changes = {0};
            Path statusChanges = write(dir, "status-changes", "lead,changed_at,to_status,changed_by,lost_reason", out -> {
                for (int i = 0; i < LEADS; i++) {
                    String id = run + "-" + i;
                    String marketer = user(run, i % 8);
                    String rep = user(run, 8 + i % 12);
                    out.write(id + "," + created(i).plusSeconds(3_600) + ",MQL," + marketer + ",\n");
                    changes[0]++;
                    if (i % 2 == 0) {
                        out.write(id + "," + created(i).plusSeconds(86_400) + ",SQL," + rep + ",\n");
                        changes[0]++;
                    }
                    if (i % 4 == 0) {
                        out.write(id + "," + created(i).plusSeconds(3 * 86_400) + ",OPPORTUNITY," + rep + ",\n");
                        out.write(id + "," + created(i).plusSeconds(10 * 86_400) + (i % 8 == 0 ? ",WON," + rep + ","
                                : ",LOST," + rep + ",No budget this year") + "\n");
                        changes[0] += 2;
                    }
                }
            });
            measure("status-changes", statusChanges, changes[0], auth);

            Path interactions = write(dir, "interactions", "lead,occurred_at,type,username,outcome_score,summary,"
                    + "next_step,next_step_due", out -> {
                for (int n = 0; n < 3 * LEADS; n++) {
                    int i = n % LEADS;
                    int round = n / LEADS;
                    String type = TYPES[n % TYPES.length];
                    out.write(run + "-" + i + "," + created(i).plusSeconds(7_200L * (round + 1)) + "," + type + ","
                            + user(run, 8 + n % 12) + "," + (type.equals("EMAIL") ? "" : 1 + n % 5)
                            + ",Talked about the offer " + n + "," + (n % 10 == 0 ? "Call back,2024-06-01" : ",") + "\n");
                }
            });
            measure("interactions", interactions, 3L * LEADS, auth);

            Path handoffs = write(dir, "handoffs", "lead,created_at,from_user,to_user,decision,decided_at,reason_code,note",
                    out -> {
                        for (int i = 0; i < LEADS; i += 2) {
                            out.write(run + "-" + i + "," + created(i).plusSeconds(80_000) + "," + user(run, i % 8) + ","
                                    + user(run, 8 + i % 12) + ",ACCEPTED," + created(i).plusSeconds(86_400)
                                    + ",,Wants a demo\n");
                        }
                    });
            measure("handoffs", handoffs, (LEADS + 1) / 2, auth);

            Path purchases = write(dir, "purchases", "lead,purchased_on,amount,order_ref", out -> {
                for (int i = 0; i < LEADS; i += 8) {
                    String day = created(i).plusSeconds(10 * 86_400).toString().substring(0, 10);
                    String later = created(i).plusSeconds(100 * 86_400).toString().substring(0, 10);
                    out.write(run + "-" + i + "," + day + "," + (100 + i % 900) + ".00,ORD-" + run + "-" + i + "-1\n");
                    out.write(run + "-" + i + "," + later + "," + (50 + i % 400) + ".50,ORD-" + run + "-" + i + "-2\n");
                }
            });
            measure("purchases", purchases, 2L * ((LEADS + 7) / 8), auth);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
            results.forEach(System.out::println);
        }
    }

    private static String user(String run, int n) {
        return run + "-u" + n;
    }

    /** Five minutes apart from 2019-01-01: 100,000 leads span about a year. */
    private static Instant created(int i) {
        return START.plusSeconds(i * 300L);
    }

    private void measure(String kind, Path file, long rows, String auth) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/import/" + kind))
                .header("Authorization", auth).header("Content-Type", "text/csv")
                .timeout(Duration.ofHours(2))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        double api = (System.nanoTime() - started) / 1e9;
        assertThat(response.statusCode()).as(kind + ": " + response.body()).isEqualTo(200);
        assertThat(response.body()).as(kind).contains("\"imported\":" + rows);

        double bulk = bulkLoad(kind, file, rows);
        String line = String.format(Locale.ROOT, "IMPORT-VS-BULK %s: %,d rows, %,d bytes; api %.2f s (%.0f rows/s),"
                        + " bulk load %.3f s; ratio %.1f×",
                kind, rows, Files.size(file), api, rows / api, bulk, api / bulk);
        System.out.println(line);
        results.add(line);
    }

    /** The database's own load of the file into a scratch table of text columns; the seconds it took. */
    private double bulkLoad(String kind, Path file, long rows) throws IOException, SQLException {
        List<String> header;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            header = List.of(lines.findFirst().orElseThrow().split(","));
        }
        String table = "bulk_" + kind.replace('-', '_');
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("drop table if exists " + table);
            statement.execute("create table " + table + " (" + header.stream().map(c -> c + " varchar(1000)")
                    .collect(Collectors.joining(", ")) + ")");
            long started = System.nanoTime();
            long loaded;
            if (connection.isWrapperFor(PGConnection.class)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    loaded = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " ("
                            + String.join(", ", header) + ") from stdin (format csv, header true)", in);
                }
            } else {
                loaded = statement.executeUpdate("insert into " + table + " select * from csvread('"
                        + file.toAbsolutePath().toString().replace("'", "''") + "', null, 'charset=UTF-8')");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(loaded).as(kind + " bulk").isEqualTo(rows);
            statement.execute("drop table " + table);
            return seconds;
        }
    }

    private interface Lines {
        void write(BufferedWriter out) throws IOException;
    }

    private static Path write(Path dir, String kind, String header, Lines lines) throws IOException {
        Path file = dir.resolve(kind + ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header + "\n");
            lines.write(out);
        }
        return file;
    }
}
