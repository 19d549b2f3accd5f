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
        refuseAnInterruptedH2Load();
        long leadCount = count("lead");
        long changeCount = count("lead_status_change");
        // the interactions' reps (perf-rep-…) are counted apart, by ensureInteractions
        long perfUsers = perfUsers();
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
            dropH2Indexes("lead, lead_status_change");
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

    /**
     * Only what the lead search reads: the thirty users and the leads, exactly as {@link #ensure}
     * makes them, without their status changes (the full load writes five million changes and
     * takes ≈ 15 min; the search never reads them). A database loaded so holds no changes, so
     * {@link #ensure} refuses it: give the search benchmark its own database (docs/benchmarks.md).
     */
    Outcome ensureLeadsOnly() {
        refuseAnInterruptedH2Load();
        long leadCount = count("lead");
        long changeCount = count("lead_status_change");
        long perfUsers = perfUsers();
        if (perfUsers == USERS && leadCount == leads && changeCount == 0) {
            return new Outcome(false, 0, leadCount, changeCount);
        }
        if (leadCount != 0 || changeCount != 0 || perfUsers != 0) {
            throw new IllegalStateException(("The database holds %d leads, %d status changes and %d benchmark users,"
                    + " not the expected %d / 0 / %d of a leads-only load. Use a database of its own (docs/benchmarks.md,"
                    + " \"Global search\") and run again.").formatted(leadCount, changeCount, perfUsers, leads, USERS));
        }
        long started = System.nanoTime();
        long userBase = jdbc.sql("select coalesce(max(id), 0) from app_user").query(Long.class).single();
        insertUsers(userBase);
        if (!postgres) {
            dropH2Indexes("lead");
        }
        int perPath = leads / PATHS.size();
        for (int from = 1; from <= perPath; from += CHUNK) {
            int to = Math.min(perPath, from + CHUNK - 1);
            long chunkStarted = System.nanoTime();
            for (int t = 0; t < PATHS.size(); t++) {
                jdbc.sql(insertLeads(t, from, to, userBase)).update();
            }
            System.out.printf("benchmark data: leads up to %,d in %d ms%n", to * PATHS.size(),
                    (System.nanoTime() - chunkStarted) / 1_000_000);
        }
        if (!postgres) {
            restoreH2Indexes();
        }
        restartIdentity("lead");
        if (postgres) {
            jdbc.sql("vacuum analyze app_user").update();
            jdbc.sql("vacuum analyze lead").update();
        } else {
            jdbc.sql("analyze").update();
        }
        return new Outcome(true, (System.nanoTime() - started) / 1_000_000, count("lead"), 0);
    }

    /** A salesperson of the generated data who owns leads (the first of the fifteen). */
    static String sellerUsername() {
        return USER_PREFIX + "seller-" + (MARKETERS + 1);
    }

    // ---- interactions ----------------------------------------------------------------------------

    /** The interactions' people: sales and marketing reps apart from the thirty lead users. */
    static final String REP_PREFIX = USER_PREFIX + "rep-";
    static final int REPS = 200;
    /** Of the reps, the first 120 are in sales, the other 80 in marketing. */
    static final int SALES_REPS = 120;
    /** Interactions of the lead whose page is measured; they are the first ones (ids 1..500). */
    static final int PAGE_LEAD_INTERACTIONS = 500;
    /** Every tenth interaction of the measured lead was corrected once (two audit lines each). */
    static final int PAGE_LEAD_EDITS = PAGE_LEAD_INTERACTIONS / 10;
    private static final int INTERACTION_CHUNK = 250_000;
    private static final long DAY = 24 * 60 * 60;
    /** Type slots out of 100; the first 48 (calls, video calls, meetings) carry a score. */
    private static final String[] TYPE_SLOTS = typeSlots();
    private static final String[] SUMMARIES = {"Talked about the offer and the delivery times",
        "Asked for a discount on the yearly plan", "Demo of the reporting module, many questions",
        "Left a voicemail", "Sent the brochure and the price list", "Met the purchasing manager and the CFO",
        "Discussed the integration with their ERP", "Not interested for now, call again in spring"};
    private static final String[] NEXT_STEPS = {"Send the offer", "Call back", "Schedule a demo",
        "Send the contract", "Follow up on the quote", "Book a meeting with the CFO", "Send references",
        "Check the budget decision"};

    private static String[] typeSlots() {
        var slots = new ArrayList<String>();
        for (var e : List.of(Map.entry("CALL", 30), Map.entry("VIDEO_CALL", 10), Map.entry("MEETING", 8),
                Map.entry("EMAIL", 25), Map.entry("WEBSITE_VISIT", 7), Map.entry("SOCIAL", 5),
                Map.entry("INFO_REQUEST", 4), Map.entry("EVENT", 3), Map.entry("CONTENT_DOWNLOAD", 3),
                Map.entry("OFFER", 3), Map.entry("NEWSLETTER_SIGNUP", 2))) {
            for (int i = 0; i < e.getValue(); i++) {
                slots.add(e.getKey());
            }
        }
        if (slots.size() != 100) {
            throw new IllegalStateException("type weights must add up to 100");
        }
        return slots.toArray(String[]::new);
    }

    /** The lead whose page is measured: on the path MQL → SQL → OPPORTUNITY (number ≡ 5 mod 20), mid-table. */
    long pageLead() {
        return 20L * (leads / 40) + 5;
    }

    static String repUsername(int rep) {
        return REP_PREFIX + rep;
    }

    /** What the interactions load did: generated (with the time it took) or already there. */
    record InteractionsOutcome(boolean generated, long millis, long interactions, long openNextSteps, long edits) {
    }

    /**
     * Adds {@code count} interactions to the leads (which must be there: call {@link #ensure} first)
     * and 200 reps who had them, set-based like the leads. Interaction n (its id) belongs to:
     * the measured {@link #pageLead()} for n ≤ 500 (all by rep 1, spread from the lead's creation to
     * NOW), else a lead drawn by hash (never the measured one), by the rep the lead hashes to (one
     * in ten by another rep). Between the lead's creation and NOW; types by weight (calls 30 %,
     * e-mails 25 %, …), a score 1–5 (10/15/30/30/15 %) on calls, video calls and meetings; 35 % carry
     * a next step due 1 to 21 days later. A step due more than 14 days before NOW is done but for
     * 0.5 % (forgotten: long overdue); a later one is open with 40 % probability. The status at the
     * time is the lead's final status (not replayed from its history).
     */
    InteractionsOutcome ensureInteractions(long count) {
        if (count <= PAGE_LEAD_INTERACTIONS) {
            throw new IllegalArgumentException("more than " + PAGE_LEAD_INTERACTIONS + " interactions, please");
        }
        refuseAnInterruptedH2Load();
        long present = count("interaction");
        long edits = count("interaction_edit");
        long reps = jdbc.sql("select count(*) from app_user where username like :r").param("r", REP_PREFIX + "%")
                .query(Long.class).single();
        if (present == count && reps == REPS && edits == PAGE_LEAD_EDITS) {
            return new InteractionsOutcome(false, 0, present, openNextSteps(), edits);
        }
        if (present != 0 || reps != 0 || edits != 0) {
            throw new IllegalStateException(("The database holds %d interactions, %d edits and %d reps, not the"
                    + " expected %d / %d / %d: an interrupted load or other data. Reset it (docs/benchmarks.md) and run"
                    + " again.").formatted(present, edits, reps, count, PAGE_LEAD_EDITS, REPS));
        }
        long started = System.nanoTime();
        long repBase = jdbc.sql("select coalesce(max(id), 0) from app_user").query(Long.class).single();
        jdbc.sql("insert into app_user (id, username, full_name, email, active, language, created_at, updated_at,"
                        + " updated_by, version)"
                        + " select " + repBase + " + g.x, '" + REP_PREFIX + "' || g.x, 'Perf rep ' || g.x,"
                        + " '" + REP_PREFIX + "' || g.x || '@example.com', true, 'en', " + ts(START) + ", "
                        + ts(START) + ", 'perf-generator', 0 from " + range(1, REPS))
                .update();
        jdbc.sql("insert into app_user_role (user_id, role) select " + repBase + " + g.x, case when g.x <= "
                + SALES_REPS + " then 'SALES' else 'MARKETING' end from " + range(1, REPS)).update();
        restartIdentity("app_user");
        if (!postgres) {
            dropH2Indexes("interaction");
        }
        for (long from = 1; from <= count; from += INTERACTION_CHUNK) {
            long to = Math.min(count, from + INTERACTION_CHUNK - 1);
            long chunkStarted = System.nanoTime();
            jdbc.sql(insertInteractions(from, to, repBase)).update();
            System.out.printf("benchmark data: interactions up to %,d in %d ms%n", to,
                    (System.nanoTime() - chunkStarted) / 1_000_000);
        }
        if (!postgres) {
            long indexesStarted = System.nanoTime();
            restoreH2Indexes();
            System.out.printf("benchmark data: interaction indexes and constraints re-created in %d ms%n",
                    (System.nanoTime() - indexesStarted) / 1_000_000);
        }
        // the measured lead's corrections, in the audit format the service writes ("field: old → new")
        jdbc.sql("insert into interaction_edit (interaction_id, edited_at, edited_by_id, changes)"
                        + " select i.id, i.created_at + interval '1' hour, i.user_id,"
                        + " 'summary: Called, no answer → ' || coalesce(i.summary, 'Called') || '\n'"
                        + " || 'nextStepDue: 2026-01-10 → 2026-01-12'"
                        + " from interaction i where i.lead_id = " + pageLead() + " and mod(i.id, 10) = 0")
                .update();
        jdbc.sql("update interaction set open_step_user_id = user_id"
                + " where next_step is not null and next_step_done_at is null").update();
        restartIdentity("interaction");
        restartIdentity("interaction_edit");
        long analyzeStarted = System.nanoTime();
        if (postgres) {
            jdbc.sql("vacuum analyze app_user").update();
            jdbc.sql("vacuum analyze interaction").update();
            jdbc.sql("vacuum analyze interaction_edit").update();
        } else {
            jdbc.sql("analyze").update();
        }
        System.out.printf("benchmark data: interaction statistics in %d ms%n",
                (System.nanoTime() - analyzeStarted) / 1_000_000);
        return new InteractionsOutcome(true, (System.nanoTime() - started) / 1_000_000, count("interaction"),
                openNextSteps(), count("interaction_edit"));
    }

    private long openNextSteps() {
        return jdbc.sql("select count(*) from interaction where next_step is not null and next_step_done_at is null")
                .query(Long.class).single();
    }

    /*
     * Three levels, as for the leads: (1) the interaction number n and its hashes h1..h3; (2) its lead
     * x, the lead's creation second lc (the same formula as the leads' c) and its rep; (3) the second
     * it happened (occ) and, for those with a next step, the day it is due (due, days after START).
     */
    private String insertInteractions(long from, long to, long repBase) {
        long page = pageLead();
        long step = SPAN_SECONDS / leads - 1;
        String hashes = "(select g.x as n, " + lehmer("g.x") + " as h1 from " + range(from, to) + ")";
        String withH2 = "(select a.n, a.h1, " + lehmer("a.h1") + " as h2 from " + hashes + " a)";
        // H2's MOD has its divisor's type (INTEGER here): x and lc are cast so later products stay 64-bit
        String withH3 = "(select a.n, a.h1, a.h2, " + lehmer("a.h2") + " as h3,"
                + " cast(case when a.n <= " + PAGE_LEAD_INTERACTIONS + " then " + page
                + " when 1 + mod(a.h1, " + leads + ") = " + page + " then " + (page + 20)
                + " else 1 + mod(a.h1, " + leads + ") end as bigint) as x from " + withH2 + " a)";
        String lead = "(select a.n, a.h1, a.h2, a.h3, a.x, cast((a.x - 1) * " + step + " + mod(" + lehmer("a.x") + ", "
                + step + ") as bigint) as lc, case when a.n <= " + PAGE_LEAD_INTERACTIONS + " then 1"
                + " when mod(a.h3 / 100000, 10) = 0 then 1 + mod(a.h3 / 7, " + REPS + ")"
                + " else 1 + mod(" + lehmer("a.x") + " / 7, " + REPS + ") end as rep from " + withH3 + " a)";
        String occ = "(select b.*, case when b.n <= " + PAGE_LEAD_INTERACTIONS
                + " then b.lc + (" + SPAN_SECONDS + " - b.lc) * b.n / " + (PAGE_LEAD_INTERACTIONS + 1)
                + " else b.lc + (" + SPAN_SECONDS + " - b.lc) * mod(b.h2, 10000) / 10000 end as occ,"
                + " mod(b.h2 / 10000, 100) as tslot from " + lead + " b)";
        String due = "(select c.*, case when mod(c.h3, 100) < 35 then c.occ / " + DAY + " + 1 + mod(c.h3 / 100, 21)"
                + " end as due from " + occ + " c)";
        long nowDay = SPAN_SECONDS / DAY;
        String open = "(d.due >= " + (nowDay - 14) + " and mod(d.h3 / 2100, 100) < 40"
                + " or d.due < " + (nowDay - 14) + " and mod(d.h3 / 2100, 1000) < 5)";
        String score = "case when d.tslot < 48 then case when mod(d.h1 / 100000, 20) < 2 then 1"
                + " when mod(d.h1 / 100000, 20) < 5 then 2 when mod(d.h1 / 100000, 20) < 11 then 3"
                + " when mod(d.h1 / 100000, 20) < 17 then 4 else 5 end end";
        var status = new StringBuilder("case mod(d.x - 1, " + PATHS.size() + ")");
        for (int t = 0; t < PATHS.size(); t++) {
            status.append(" when ").append(t).append(" then '").append(status(PATHS.get(t))).append("'");
        }
        status.append(" end");
        String done = "least(d.occ + (d.due * " + DAY + " - d.occ) * (50 + mod(d.h1 / 2000000, 60)) / 100, "
                + (SPAN_SECONDS - 60) + ")";
        return "insert into interaction (id, lead_id, type, occurred_at, planned, user_id, logged_by_id, summary,"
                + " outcome_score, lead_status, next_step, next_step_due, next_step_done_at, created_at, updated_at,"
                + " updated_by, version)"
                + " select d.n, d.x, " + pick("d.tslot", TYPE_SLOTS) + ", " + at("d.occ") + ", false,"
                + " " + repBase + " + d.rep, " + repBase + " + d.rep, " + pick("mod(d.h2 / 1000000, 8)", SUMMARIES) + ","
                + " " + score + ", " + status + ","
                + " case when d.due is not null then " + pick("mod(d.h3 / 210000, 8)", NEXT_STEPS) + " end,"
                + " cast(date '2024-11-23' + interval '1' day * d.due as date),"
                + " case when d.due is not null and not " + open + " then " + at(done) + " end,"
                + " " + at("d.occ") + ", " + at("d.occ") + ", 'perf-generator', 0"
                + " from " + due + " d";
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

    /** An H2 load stopped before its indexes were re-created leaves a database no benchmark may use. */
    private void refuseAnInterruptedH2Load() {
        if (!postgres && h2LoadInterrupted()) {
            throw new IllegalStateException("An earlier load into this H2 database was interrupted before its indexes"
                    + " were re-created. Reset it (delete target/perf-h2, see docs/benchmarks.md) and run again.");
        }
    }

    /** The benchmark's users (perf-…), the interactions' reps (perf-rep-…) left out: those are counted apart. */
    private long perfUsers() {
        return jdbc.sql("select count(*) from app_user where username like :p and username not like :r")
                .param("p", USER_PREFIX + "%").param("r", REP_PREFIX + "%").query(Long.class).single();
    }

    private boolean h2LoadInterrupted() {
        return jdbc.sql("select count(*) from information_schema.tables where lower(table_name) = 'perf_pending_ddl'")
                .query(Long.class).single() > 0;
    }

    private void dropH2Indexes(String tables) {
        List<String> restore = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        List<String> dropUnique = new ArrayList<>();
        List<String> dropIndexes = new ArrayList<>();
        for (String statement : jdbc.sql("script nodata table " + tables).query(String.class).list()) {
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
        int won = List.of(path).indexOf("WON") + 1;
        String firstWonAt = won == 0 ? "null" : at("b.c + " + offset(won, path.length));
        String interacted = "mod(b.h3 / 7, 10) < 6";
        String interactionSeconds = "b.age * mod(b.h3 / 70, 1000) / 1000";
        return "insert into lead (id, external_id, name, company, email, email_key, phone, channel_code, intent,"
                + " status, lost_from, lost_reason, max_status_rank, owner_id, created_by_id, created_at,"
                + " status_changed_at, last_interaction_at, last_outcome_score, expected_value, updated_at, updated_by,"
                + " version, first_won_at, last_activity_at)"
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
                + " case when " + interacted + " then " + at("b.c + " + interactionSeconds) + " end,"
                + " case when mod(b.h3 / 7, 10) < 6 then 1 + mod(b.h3 / 7000, 5) end,"
                + " " + (maxRank(path) >= 3 ? "" : "case when mod(b.h3 / 11, 10) = 0 then ")
                + "2000 + mod(b.h3 / 110, 780) * 100" + (maxRank(path) >= 3 ? "" : " end") + ","
                + " " + changedAt + ", 'perf-generator', 0, " + firstWonAt + ","
                + " case when " + interacted + " and " + interactionSeconds + " > " + offset(path.length, path.length)
                + " then " + at("b.c + " + interactionSeconds) + " else " + changedAt + " end"
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
        // with its lead's channel (the same draw as the lead's), as the lead feature writes it (decision 046): the
        // rebuild's alignment then finds nothing to set (setting 500,000, at 100,000 leads, took it about a minute)
        return "insert into lead_status_change (lead_id, from_status, to_status, changed_at, changed_by_id, reason,"
                + " from_duration_seconds, lead_created_at, lead_channel_code)"
                + " select b.x, '" + previous + "', '" + next + "', " + at("b.c + " + offset(j, path.length)) + ","
                + " " + userBase + " + " + by + ", " + reason + ","
                + " " + offset(j, path.length) + " - " + offset(j - 1, path.length) + ", " + at("b.c") + ", "
                + channel() + " from " + base(t, from, to) + " b";
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
