package app.ponte.perf;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills the database with the benchmark's leads: 30 users, {@code leads} leads and five status
 * changes per lead on average, all with set-based SQL ({@code generate_series} on PostgreSQL,
 * {@code SYSTEM_RANGE} on H2) so a million leads load in minutes, never row by row from Java.
 *
 * <p>Every value is derived from the lead's number with integer hashes, so two runs produce the
 * same data on both databases. A lead follows one of twenty paths along the bridge (its number
 * modulo 20); the paths hold 100 changes together, so the changes are exactly five times the leads.
 * The lead's columns are what the lead service would have left after those moves: status = the
 * last change's {@code to_status}, {@code status_changed_at} = its time, {@code lost_from} and
 * {@code lost_reason} for LOST, {@code max_status_rank} the highest rank on the path, the owner
 * its marketer while it is NEW or MQL (or was lost from there), else its salesperson.
 *
 * <p>Generation is skipped when the data is already there; a database holding anything else (or an
 * interrupted load) is refused with the way to reset it (see docs/benchmarks.md).
 */
final class BenchmarkData {

    /** The generated data's "now": leads are created over the two years (730 days) before it. */
    static final String NOW = "2026-11-23 00:00:00+00";
    static final String START = "2024-11-23 00:00:00+00";
    private static final long SPAN_SECONDS = 730L * 24 * 60 * 60;
    /** Leads per path per round: 20 paths x 5,000 = 100,000 leads a round, in creation order. */
    private static final int CHUNK = 5_000;
    static final String USER_PREFIX = "perf-";

    /**
     * The twenty paths: the statuses a lead moves through after NEW, each move allowed by the
     * lifecycle (one step forward, MQL back to NEW, any open status to LOST, LOST reopened to NEW).
     * Together they hold 100 changes; who makes each move is {@link #actor}'s choice.
     */
    private static final List<String[]> PATHS = List.of(
            new String[] {},
            new String[] {"MQL"},
            new String[] {"MQL", "NEW", "MQL"},
            new String[] {"MQL", "SQL"},
            new String[] {"MQL", "SQL", "OPPORTUNITY"},
            new String[] {"MQL", "SQL", "OPPORTUNITY", "WON"},
            new String[] {"MQL", "NEW", "MQL", "SQL", "OPPORTUNITY", "WON"},
            new String[] {"MQL", "NEW", "MQL", "NEW", "MQL", "SQL", "OPPORTUNITY", "WON"},
            new String[] {"MQL", "NEW", "LOST"},
            new String[] {"MQL", "NEW", "MQL", "LOST"},
            new String[] {"MQL", "SQL", "LOST"},
            new String[] {"MQL", "SQL", "OPPORTUNITY", "LOST"},
            new String[] {"MQL", "SQL", "OPPORTUNITY", "LOST", "NEW", "MQL", "SQL", "OPPORTUNITY"},
            new String[] {"LOST", "NEW", "MQL", "SQL", "OPPORTUNITY", "LOST"},
            new String[] {"MQL", "NEW", "MQL", "SQL", "LOST", "NEW", "MQL"},
            new String[] {"MQL", "SQL", "LOST", "NEW", "MQL", "SQL", "OPPORTUNITY", "WON"},
            new String[] {"MQL", "NEW", "MQL", "NEW", "MQL", "SQL"},
            new String[] {"MQL", "SQL", "OPPORTUNITY", "LOST", "NEW"},
            new String[] {"MQL", "NEW", "MQL", "SQL", "LOST", "NEW", "MQL", "SQL", "OPPORTUNITY", "WON"},
            new String[] {"MQL", "SQL", "OPPORTUNITY", "LOST", "NEW", "MQL", "SQL", "OPPORTUNITY", "LOST"});

    private static final String[] FIRST = {"Marco", "Giulia", "Luca", "Francesca", "Alessandro", "Chiara", "Matteo",
        "Sara", "Lorenzo", "Elena", "Davide", "Martina", "Simone", "Anna", "Federico", "Laura", "Emma", "Oliver",
        "Sophie", "Thomas", "Paolo", "Valentina", "Stefano", "Ilaria", "Nicola", "Beatrice", "Hannah", "Lucas"};
    private static final String[] LAST = {"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo",
        "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo",
        "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Müller", "Schmidt", "Brown", "Wilson"};
    private static final String[] COMPANY_ROOT = {"Alpi", "Laguna", "Vesuvio", "Dolomiti", "Adriatica", "Tirreno",
        "Etna", "Brenta", "Po", "Garda", "Sila", "Murgia", "Langhe", "Maremma", "Cilento", "Nordic", "Atlas", "Orbit",
        "Helios", "Vertex", "Lumen", "Quadra", "Sintesi", "Arcadia"};
    private static final String[] COMPANY_KIND = {"Meccanica", "Logistica", "Alimentari", "Tessile", "Software",
        "Costruzioni", "Arredamenti", "Energia", "Farmaceutica", "Consulting", "Trasporti", "Design"};
    private static final String[] COMPANY_FORM = {"Srl", "Spa", "& Figli", "Group", "Srl", "Ltd", "GmbH"};
    private static final String[] LOST_REASONS = {"No budget this year", "Chose a competitor",
        "No answer after five attempts", "Not the decision maker", "Timing: project postponed", "Price too high",
        "Requirements not a fit", "Company acquired, project cancelled"};
    /** The demo data's channel weights (they add up to 100): all fifteen seeded channels. */
    private static final Map<String, Integer> CHANNEL_WEIGHTS = new TreeMap<>(Map.ofEntries(Map.entry("WEBSITE", 15),
            Map.entry("SEO", 12), Map.entry("SOCIAL", 10), Map.entry("ADVERTISING", 10), Map.entry("BLOG", 6),
            Map.entry("INFLUENCER", 4), Map.entry("WORD_OF_MOUTH", 8), Map.entry("SALES_NETWORK", 8),
            Map.entry("TRADE_FAIR", 8), Map.entry("EVENT", 6), Map.entry("DIRECT_MARKETING", 5), Map.entry("RADIO", 2),
            Map.entry("TV", 2), Map.entry("OWN_STORE", 3), Map.entry("DOOR_TO_DOOR", 1)));

    /** The thirty users: ten marketers, fifteen salespeople, four managers and an administrator. */
    static final int MARKETERS = 10;
    static final int SELLERS = 15;
    static final int MANAGERS = 4;
    static final int USERS = MARKETERS + SELLERS + MANAGERS + 1;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final int leads;
    private final boolean postgres;

    BenchmarkData(DataSource dataSource, int leads) {
        if (leads <= 0 || leads % PATHS.size() != 0) {
            throw new IllegalArgumentException("the lead count must be a positive multiple of " + PATHS.size());
        }
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.leads = leads;
        this.postgres = product().toLowerCase(Locale.ROOT).contains("postgres");
    }

    static int changesPerTwentyLeads() {
        return PATHS.stream().mapToInt(p -> p.length).sum();
    }

    long expectedChanges() {
        return (long) leads / PATHS.size() * changesPerTwentyLeads();
    }

    /** What happened: generated (with the time it took) or already there. */
    record Outcome(boolean generated, long millis, long leads, long changes) {
    }

    Outcome ensure() {
        if (!postgres && h2LoadInterrupted()) {
            throw new IllegalStateException("An earlier load into this H2 database was interrupted before its indexes"
                    + " were re-created. Reset it (delete target/perf-h2, see docs/benchmarks.md) and run again.");
        }
        long leadCount = count("lead");
        long changeCount = count("lead_status_change");
        long perfUsers = jdbc.sql("select count(*) from app_user where username like :p")
                .param("p", USER_PREFIX + "%").query(Long.class).single();
        if (perfUsers == USERS && leadCount == leads && changeCount == expectedChanges()) {
            return new Outcome(false, 0, leadCount, changeCount);
        }
        if (leadCount != 0 || changeCount != 0 || perfUsers != 0) {
            throw new IllegalStateException(("The database holds %d leads, %d status changes and %d benchmark users,"
                    + " not the expected %d / %d / %d: an interrupted load or other data. Reset it (docs/benchmarks.md:"
                    + " drop and re-create ponte_perf on PostgreSQL, delete target/perf-h2 for H2) and run again.")
                    .formatted(leadCount, changeCount, perfUsers, leads, expectedChanges(), USERS));
        }
        long started = System.nanoTime();
        long userBase = jdbc.sql("select coalesce(max(id), 0) from app_user").query(Long.class).single();
        insertUsers(userBase);
        boolean dropIndexes = !postgres;
        if (dropIndexes) {
            dropH2Indexes();
        }
        int perPath = leads / PATHS.size();
        for (int from = 1; from <= perPath; from += CHUNK) {
            int to = Math.min(perPath, from + CHUNK - 1);
            long chunkStarted = System.nanoTime();
            for (int t = 0; t < PATHS.size(); t++) {
                jdbc.sql(insertLeads(t, from, to, userBase)).update();
            }
            long leadsDone = System.nanoTime();
            for (int t = 0; t < PATHS.size(); t++) {
                for (int j = 1; j <= PATHS.get(t).length; j++) {
                    jdbc.sql(insertChanges(t, j, from, to, userBase)).update();
                }
            }
            System.out.printf("benchmark data: leads up to %,d in %d ms, their changes in %d ms%n",
                    to * PATHS.size(), (leadsDone - chunkStarted) / 1_000_000, (System.nanoTime() - leadsDone) / 1_000_000);
        }
        if (dropIndexes) {
            long indexesStarted = System.nanoTime();
            restoreH2Indexes();
            System.out.printf("benchmark data: indexes and constraints re-created in %d ms%n",
                    (System.nanoTime() - indexesStarted) / 1_000_000);
        }
        restartIdentity("lead");
        long analyzeStarted = System.nanoTime();
        if (postgres) {
            // the planner needs statistics; a live database's autovacuum would also have set the visibility map
            jdbc.sql("vacuum analyze app_user").update();
            jdbc.sql("vacuum analyze lead").update();
            jdbc.sql("vacuum analyze lead_status_change").update();
        } else {
            jdbc.sql("analyze").update();
        }
        System.out.printf("benchmark data: statistics in %d ms%n", (System.nanoTime() - analyzeStarted) / 1_000_000);
        return new Outcome(true, (System.nanoTime() - started) / 1_000_000, count("lead"), count("lead_status_change"));
    }

    // ---- H2: load without secondary indexes ------------------------------------------------------

    /*
     * H2 keeps fourteen B-trees on lead (the Flyway indexes, the unique key and an index per
     * foreign key) and updates them row by row; a million leads then take far more than the ten
     * minutes the benchmark may use. So on H2 the load drops the tables' secondary indexes, unique
     * and foreign keys first and re-creates them afterwards from H2's own DDL (SCRIPT NODATA), which
     * builds each index in one sorted pass and re-checks every foreign key. Until that is done the
     * DDL waits in the table perf_pending_ddl: if it is there, a load was interrupted.
     */
    private static final Pattern CONSTRAINT = Pattern.compile(
            "ALTER TABLE (\\S+) ADD CONSTRAINT (\\S+) (UNIQUE|FOREIGN KEY).*", Pattern.DOTALL);
    private static final Pattern INDEX = Pattern.compile(
            "CREATE INDEX (\\S+) ON .*", Pattern.DOTALL);

    private boolean h2LoadInterrupted() {
        return jdbc.sql("select count(*) from information_schema.tables where lower(table_name) = 'perf_pending_ddl'")
                .query(Long.class).single() > 0;
    }

    private void dropH2Indexes() {
        List<String> restore = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        List<String> dropUnique = new ArrayList<>();
        List<String> dropIndexes = new ArrayList<>();
        for (String statement : jdbc.sql("script nodata table lead, lead_status_change").query(String.class).list()) {
            String ddl = statement.strip().replaceAll(";$", "");
            Matcher index = INDEX.matcher(ddl);
            Matcher constraint = CONSTRAINT.matcher(ddl);
            if (index.matches()) {
                restore.add(ddl);
                dropIndexes.add("drop index " + index.group(1));
            } else if (constraint.matches()) {
                // re-check every generated row against the foreign key when it comes back
                restore.add(ddl.replaceAll(" NOCHECK$", ""));
                String dropIt = "alter table " + constraint.group(1) + " drop constraint " + constraint.group(2);
                (constraint.group(3).equals("UNIQUE") ? dropUnique : drop).add(dropIt);
            }
        }
        jdbc.sql("create table perf_pending_ddl (seq int primary key, ddl varchar(4000) not null)").update();
        for (int i = 0; i < restore.size(); i++) {
            jdbc.sql("insert into perf_pending_ddl (seq, ddl) values (:seq, :ddl)").param("seq", i)
                    .param("ddl", restore.get(i)).update();
        }
        // foreign keys first (one may use an index), then the unique key, then the indexes
        drop.addAll(dropUnique);
        drop.addAll(dropIndexes);
        drop.forEach(ddl -> jdbc.sql(ddl).update());
    }

    private void restoreH2Indexes() {
        List<String> restore = jdbc.sql("select ddl from perf_pending_ddl order by seq").query(String.class).list();
        // keys first: each foreign key then builds its own index, as when Flyway created the table,
        // so the benchmark reads the same set of indexes as a migrated database
        restore.stream().filter(ddl -> !ddl.startsWith("CREATE INDEX")).forEach(this::timed);
        restore.stream().filter(ddl -> ddl.startsWith("CREATE INDEX")).forEach(this::timed);
        jdbc.sql("drop table perf_pending_ddl").update();
    }

    private void timed(String ddl) {
        long t = System.nanoTime();
        jdbc.sql(ddl).update();
        System.out.printf("  %d ms: %s%n", (System.nanoTime() - t) / 1_000_000, ddl.substring(0, Math.min(90, ddl.length())));
    }

    String product() {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    // ---- users ---------------------------------------------------------------------------------

    private void insertUsers(long base) {
        String role = "case when g.x <= %d then 'marketer' when g.x <= %d then 'seller' when g.x <= %d then 'manager'"
                + " else 'admin' end";
        role = role.formatted(MARKETERS, MARKETERS + SELLERS, MARKETERS + SELLERS + MANAGERS);
        jdbc.sql("insert into app_user (id, username, full_name, email, active, language, created_at, updated_at,"
                        + " updated_by, version)"
                        + " select " + base + " + g.x, '" + USER_PREFIX + "' || " + role + " || '-' || g.x,"
                        + " 'Perf ' || " + role + " || ' ' || g.x, '" + USER_PREFIX + "' || g.x || '@example.com',"
                        + " true, 'en', " + ts(START) + ", " + ts(START) + ", 'perf-generator', 0"
                        + " from " + range(1, USERS))
                .update();
        jdbc.sql("insert into app_user_role (user_id, role)"
                        + " select " + base + " + g.x, case when g.x <= " + MARKETERS + " then 'MARKETING'"
                        + " when g.x <= " + (MARKETERS + SELLERS) + " then 'SALES'"
                        + " when g.x <= " + (MARKETERS + SELLERS + MANAGERS) + " then 'MANAGER' else 'ADMIN' end"
                        + " from " + range(1, USERS))
                .update();
        restartIdentity("app_user");
    }

    /** The username of the first generated manager: the benchmark signs in as this user. */
    static String managerUsername() {
        return USER_PREFIX + "manager-" + (MARKETERS + SELLERS + 1);
    }

    // ---- leads and their history ---------------------------------------------------------------

    /*
     * One statement per path (leads) and per path and step (changes), so the path's statuses,
     * actors and reasons are constants in the SQL, and look-ups in the name lists are substrings
     * of a fixed-width string: H2 runs a join with a VALUES list, or a long CASE, per row and per
     * combination, which made a million leads take most of an hour.
     */

    /**
     * The leads of path {@code t} numbered by {@code u} in from..to (lead number x = 20 (u - 1) + t + 1),
     * with the hashes every column is derived from: {@code h1..h3} are successive Lehmer (MINSTD)
     * steps from x, {@code c} the creation time in seconds after {@link #START} (growing with x,
     * as ids do, with jitter), {@code age} the seconds from creation to {@link #NOW}.
     */
    private String base(int t, int from, int to) {
        long step = SPAN_SECONDS / leads - 1;
        return "(select h.x, h.h1, h.h2, " + lehmer("h.h2") + " as h3, h.c, " + SPAN_SECONDS + " - h.c as age"
                + " from (select i.x, i.h1, " + lehmer("i.h1") + " as h2, i.c"
                + " from (select n.x, " + lehmer("n.x") + " as h1, (n.x - 1) * " + step + " + mod(" + lehmer("n.x")
                + ", " + step + ") as c"
                + " from (select " + PATHS.size() + " * (g.x - 1) + " + (t + 1) + " as x from " + range(from, to)
                + ") n) i) h)";
    }

    /** One step of the Lehmer (MINSTD) generator, in 64-bit arithmetic on both databases. */
    private static String lehmer(String previous) {
        return "cast(mod(cast(" + previous + " as bigint) * 48271, 2147483647) as bigint)";
    }

    /** Seconds after creation of a path's j-th change (k changes in all): strictly growing in j, always before NOW. */
    private static String offset(int j, int k) {
        return j == 0 ? "0" : "(b.age * (" + 8 * j + " + mod(b.x + " + j + ", 5)) / " + 8 * (k + 1) + ")";
    }

    private static String at(String seconds) {
        return ts(START) + " + interval '1' second * (" + seconds + ")";
    }

    private String insertLeads(int t, int from, int to, long userBase) {
        String[] path = PATHS.get(t);
        String status = status(path);
        String lostFrom = lostFrom(path);
        String changedAt = at("b.c + " + offset(path.length, path.length));
        return "insert into lead (id, external_id, name, company, email, email_key, phone, channel_code, intent,"
                + " status, lost_from, lost_reason, max_status_rank, owner_id, created_by_id, created_at,"
                + " status_changed_at, last_interaction_at, last_outcome_score, expected_value, updated_at, updated_by,"
                + " version)"
                + " select b.x, 'perf-' || b.x, " + firstName() + " || ' ' || " + pick("mod(b.h1 / 28, 28)", LAST) + ","
                + " " + companyRoot() + " || ' ' || " + pick("mod(b.h2 / 24, 12)", COMPANY_KIND)
                + " || ' ' || " + pick("mod(b.h2 / 288, 7)", COMPANY_FORM) + ","
                + " " + email() + ", " + email() + ","
                + " '+39 0' || (2 + mod(b.h3, 8)) || ' ' || (1000000 + mod(b.h3, 8999999)),"
                + " " + channel() + ","
                + " case mod(b.h3, 4) when 0 then 'INFORMATIONAL' when 1 then 'NAVIGATIONAL' when 2 then 'TRANSACTIONAL' end,"
                + " '" + status + "', " + (lostFrom == null ? "null" : "'" + lostFrom + "'") + ","
                + " " + (status.equals("LOST") ? lostReason() : "null") + ", " + maxRank(path) + ","
                + " " + userBase + " + " + (ownerSide(path) == 'M' ? marketer() : seller()) + ","
                + " " + userBase + " + " + marketer() + ", " + at("b.c") + ", " + changedAt + ","
                + " case when mod(b.h3 / 7, 10) < 6 then " + at("b.c + b.age * mod(b.h3 / 70, 1000) / 1000") + " end,"
                + " case when mod(b.h3 / 7, 10) < 6 then 1 + mod(b.h3 / 7000, 5) end,"
                + " " + (maxRank(path) >= 3 ? "" : "case when mod(b.h3 / 11, 10) = 0 then ")
                + "2000 + mod(b.h3 / 110, 780) * 100" + (maxRank(path) >= 3 ? "" : " end") + ","
                + " " + changedAt + ", 'perf-generator', 0"
                + " from " + base(t, from, to) + " b";
    }

    /** The j-th change (1-based) of the leads of path t. */
    private String insertChanges(int t, int j, int from, int to, long userBase) {
        String[] path = PATHS.get(t);
        String previous = j == 1 ? "NEW" : path[j - 2];
        String next = path[j - 1];
        String reason = "null";
        if (next.equals("LOST")) {
            reason = lostReason();
        } else if (previous.equals("MQL") && next.equals("NEW")) {
            reason = "'Handoff rejected: not ready yet'";
        } else if (previous.equals("LOST")) {
            reason = "'Reopened: new budget announced'";
        }
        String by = switch (actor(previous, next)) {
            case 'M' -> marketer();
            case 'S' -> seller();
            default -> manager();
        };
        return "insert into lead_status_change (lead_id, from_status, to_status, changed_at, changed_by_id, reason,"
                + " from_duration_seconds)"
                + " select b.x, '" + previous + "', '" + next + "', " + at("b.c + " + offset(j, path.length)) + ","
                + " " + userBase + " + " + by + ", " + reason + ","
                + " " + offset(j, path.length) + " - " + offset(j - 1, path.length)
                + " from " + base(t, from, to) + " b";
    }

    private static String firstName() {
        return pick("mod(b.h1, 28)", FIRST);
    }

    private static String companyRoot() {
        return pick("mod(b.h2, 24)", COMPANY_ROOT);
    }

    /** Unique per lead (it holds the lead's number): a search for one finds that lead only. */
    private static String email() {
        return "lower(" + firstName() + ") || '.' || b.x || '@' || lower(" + companyRoot() + ") || '.example'";
    }

    private static String lostReason() {
        return pick("mod(b.h2 / 2016, 8)", LOST_REASONS);
    }

    private static String marketer() {
        return "(1 + mod(b.h3 / 20, " + MARKETERS + "))";
    }

    private static String seller() {
        return "(" + (MARKETERS + 1) + " + mod(b.h3 / 200, " + SELLERS + "))";
    }

    private static String manager() {
        return "(" + (MARKETERS + SELLERS + 1) + " + mod(b.h3 / 3000, " + MANAGERS + "))";
    }

    /** Who makes a move: M the lead's marketer, S its salesperson, B a manager (reopening a lost lead). */
    private static char actor(String previous, String next) {
        if (previous.equals("LOST")) {
            return 'B';
        }
        if (next.equals("LOST")) {
            return previous.equals("NEW") || previous.equals("MQL") ? 'M' : 'S';
        }
        // NEW -> MQL by marketing; MQL -> SQL (handoff accepted), MQL -> NEW (handoff rejected) and SQL onwards by sales
        return next.equals("MQL") ? 'M' : 'S';
    }

    private static String status(String[] path) {
        return path.length == 0 ? "NEW" : path[path.length - 1];
    }

    private static String lostFrom(String[] path) {
        if (!status(path).equals("LOST")) {
            return null;
        }
        return path.length == 1 ? "NEW" : path[path.length - 2];
    }

    private static int maxRank(String[] path) {
        int max = 0;
        for (String s : path) {
            max = Math.max(max, rank(s));
        }
        return max;
    }

    /** A lead stays with its marketer on the marketing side (NEW, MQL, or lost from there), else with sales. */
    private static char ownerSide(String[] path) {
        String side = status(path).equals("LOST") ? lostFrom(path) : status(path);
        return side.equals("NEW") || side.equals("MQL") ? 'M' : 'S';
    }

    /** The item at a computed index, cut from one fixed-width string. */
    private static String pick(String index, String[] items) {
        int width = Arrays.stream(items).mapToInt(String::length).max().orElseThrow();
        var padded = new StringBuilder();
        for (String item : items) {
            padded.append(item.replace("'", "''")).append(" ".repeat(width - item.length()));
        }
        return "trim(substring('" + padded + "', cast(" + index + " * " + width + " + 1 as integer), " + width + "))";
    }

    /** A channel drawn by the demo data's weights (they add up to 100): all fifteen seeded channels. */
    private static String channel() {
        var slots = new ArrayList<String>();
        CHANNEL_WEIGHTS.forEach((code, weight) -> {
            for (int i = 0; i < weight; i++) {
                slots.add(code);
            }
        });
        if (slots.size() != 100) {
            throw new IllegalStateException("channel weights must add up to 100");
        }
        return pick("mod(b.h1 / 784, 100)", slots.toArray(String[]::new));
    }

    private static int rank(String status) {
        return switch (status) {
            case "NEW" -> 0;
            case "MQL" -> 1;
            case "SQL" -> 2;
            case "OPPORTUNITY" -> 3;
            case "WON" -> 4;
            default -> 0;
        };
    }

    private static String ts(String literal) {
        return "timestamp with time zone '" + literal + "'";
    }

    /** A one-column table {@code x} of the numbers from..to, in the database's own way. */
    private String range(long from, long to) {
        return postgres
                ? "generate_series(cast(" + from + " as bigint), cast(" + to + " as bigint)) as g(x)"
                : "system_range(" + from + ", " + to + ") as g";
    }

    /** Explicit ids went in: the identity continues after the highest one. */
    private void restartIdentity(String table) {
        long next = jdbc.sql("select coalesce(max(id), 0) + 1 from " + table).query(Long.class).single();
        if (postgres) {
            jdbc.sql("select setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)")
                    .query(Long.class).single();
        } else {
            jdbc.sql("alter table " + table + " alter column id restart with " + next).update();
        }
    }
}
