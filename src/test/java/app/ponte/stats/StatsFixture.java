package app.ponte.stats;

import app.ponte.TestUsers;
import app.ponte.handoff.HandoffId;
import app.ponte.handoff.HandoffsWritten;
import app.ponte.interaction.ImportedInteraction;
import app.ponte.interaction.InteractionHistory;
import app.ponte.interaction.InteractionType;
import app.ponte.lead.ImportedLead;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadHistoryService;
import app.ponte.lead.LeadStatus;
import app.ponte.purchase.ImportedPurchase;
import app.ponte.purchase.PurchaseService;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserId;
import app.ponte.stats.rollup.InteractionDay;
import app.ponte.stats.rollup.Rollup;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * Hand-built statistics data: leads and their history through the lead service's history import
 * (so the pre-computed columns are kept exactly as in production), interactions through the
 * interaction history, purchases and spend through the purchase service's import, handoffs and
 * channels with JDBC (their services belong to other features); a handoff written with JDBC is then
 * published as the handoff feature publishes its writes ({@link HandoffsWritten}, in the same
 * transaction), so the statistics keep their handoff rollups from it (decision 040).
 */
@Component
public class StatsFixture {

    public static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final LeadHistoryService leads;
    private final InteractionHistory interactions;
    private final PurchaseService purchases;
    private final JdbcClient jdbc;
    private final StatsRollups rollups;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    StatsFixture(LeadHistoryService leads, InteractionHistory interactions, PurchaseService purchases, JdbcClient jdbc,
            StatsRollups rollups, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.rollups = rollups;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.leads = leads;
        this.interactions = interactions;
        this.purchases = purchases;
        this.jdbc = jdbc;
    }

    /** An instant given as local date-time in Rome, e.g. {@code "2011-03-31T23:59:59"}. */
    public static Instant rome(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ROME).toInstant();
    }

    /** A new channel with codes that sort as the suffixes do ({@code prefix + "_A"} before {@code "_B"}). */
    public static String prefix() {
        return "ST" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT)
                + SEQUENCE.incrementAndGet();
    }

    public String channel(String code, String kind) {
        jdbc.sql("insert into channel (code, name, kind) values (:code, :code, :kind)")
                .param("code", code).param("kind", kind).update();
        return code;
    }

    public LeadId lead(String channel, Instant createdAt, UserId by) {
        return lead(channel, createdAt, by, by, null);
    }

    public LeadId lead(String channel, Instant createdAt, UserId by, UserId owner, BigDecimal value) {
        return SystemCaller.call(() -> leads.importLead(new ImportedLead(null, createdAt, by, owner,
                "Lead " + TestUsers.uniqueName("st"), null, null, null, channel, null, value)));
    }

    public void move(LeadId lead, LeadStatus to, Instant at, UserId by) {
        SystemCaller.run(() -> leads.importStatusChange(lead, to, at, by, to == LeadStatus.LOST ? "lost" : null));
    }

    /** Moves NEW → MQL → SQL → OPPORTUNITY → WON, one hour apart, the WON change at {@code wonAt}. */
    public void win(LeadId lead, Instant wonAt, UserId by) {
        move(lead, LeadStatus.MQL, wonAt.minus(Duration.ofHours(3)), by);
        move(lead, LeadStatus.SQL, wonAt.minus(Duration.ofHours(2)), by);
        move(lead, LeadStatus.OPPORTUNITY, wonAt.minus(Duration.ofHours(1)), by);
        move(lead, LeadStatus.WON, wonAt, by);
    }

    public void interaction(LeadId lead, UserId user, InteractionType type, Instant at, Integer score) {
        SystemCaller.run(() -> {
            interactions.importInteraction(new ImportedInteraction(lead, at, type, user, score, null, null, null, null));
            interactions.refreshLeads(List.of(lead));
        });
    }

    /**
     * Rebuilds the rollups the statistics feature keeps (decisions 034, 036): a test that writes
     * interactions, leads or status changes with plain SQL calls it afterwards, as no trigger counts
     * those rows any more.
     */
    public void rebuildRollups() {
        SystemCaller.call(rollups::rebuild);
    }

    /** The person's interaction_day rows that count something: "day type held scored score_sum". */
    public List<String> interactionDay(UserId user) {
        return rollupRows(InteractionDay.ROLLUP, "user_id", user);
    }

    /**
     * A kept rollup's stored rows of one person ({@code person}: its person key column) that count
     * something, without that column, in key order: the key and value columns separated by spaces.
     */
    public List<String> rollupRows(Rollup rollup, String person, UserId user) {
        return rollupRows(rollup, person, (Object) user.value());
    }

    /** The same for a rollup keyed by another column ({@code column}, e.g. a channel) equal to {@code value}. */
    public List<String> rollupRows(Rollup rollup, String column, Object value) {
        String person = column;
        List<String> shown = shown(rollup, person);
        return jdbc.sql("select " + String.join(", ", shown) + " from " + rollup.table() + " where " + person
                        + " = :user and (" + rollup.valueColumns().stream().map(c -> c + " <> 0")
                                .collect(Collectors.joining(" or ")) + ") order by " + order(rollup, person))
                .param("user", value)
                .query((rs, n) -> line(rs, shown.size()))
                .list();
    }

    /** The same rows computed by the rollup's one statement over all the source rows: what they must be. */
    public List<String> definitionRows(Rollup rollup, String person, UserId user) {
        return definitionRows(rollup, person, (Object) user.value());
    }

    /** The same for a rollup keyed by another column ({@code column}, e.g. a channel) equal to {@code value}. */
    public List<String> definitionRows(Rollup rollup, String column, Object value) {
        String person = column;
        List<String> shown = shown(rollup, person);
        return jdbc.sql("select " + String.join(", ", shown) + " from (" + rollup.statement(rollup.allRows())
                        + ") c where " + person + " = :user order by " + order(rollup, person))
                .param("user", value)
                .query((rs, n) -> line(rs, shown.size()))
                .list();
    }

    private static List<String> shown(Rollup rollup, String person) {
        return Stream.concat(rollup.keyColumns().stream(), rollup.valueColumns().stream())
                .filter(c -> !c.equals(person)).toList();
    }

    private static String order(Rollup rollup, String person) {
        return rollup.keyColumns().stream().filter(c -> !c.equals(person)).collect(Collectors.joining(", "));
    }

    private static String line(ResultSet rs, int columns) throws SQLException {
        List<String> cells = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
            cells.add(rs.getString(i));
        }
        return String.join(" ", cells);
    }

    /** A handoff row; {@code to} null = waiting in the sales queue. */
    public void handoff(LeadId lead, UserId from, UserId to, String state, Instant createdAt, Instant decidedAt,
            String reason) {
        transactions.executeWithoutResult(tx -> {
            GeneratedKeyHolder id = new GeneratedKeyHolder();
            jdbc.sql("insert into handoff (lead_id, from_user_id, to_user_id, via_queue, state, created_at, decided_at,"
                            + " decided_by_id, reason_code, pending_lead_id) values (:lead, :from, :to, :queue, :state,"
                            + " :created, :decided, :decidedBy, :reason, :pending)")
                    .param("lead", lead.value())
                    .param("from", from.value())
                    .param("to", to == null ? null : to.value())
                    .param("queue", to == null)
                    .param("state", state)
                    .param("created", utc(createdAt))
                    .param("decided", decidedAt == null ? null : utc(decidedAt))
                    .param("decidedBy", decidedAt == null || to == null ? null : to.value())
                    .param("reason", reason)
                    .param("pending", "PENDING".equals(state) ? lead.value() : null)
                    .update(id, "id");
            events.publishEvent(HandoffsWritten.inserted(new HandoffId(id.getKeyAs(Number.class).longValue())));
        });
    }

    public void purchase(LeadId lead, String on, String amount) {
        SystemCaller.run(() -> purchases.importPurchase(new ImportedPurchase(lead, LocalDate.parse(on),
                new BigDecimal(amount), null, null)));
    }

    public void spend(String channel, String month, String amount) {
        SystemCaller.run(() -> purchases.importSpend(channel, YearMonth.parse(month), new BigDecimal(amount)));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
