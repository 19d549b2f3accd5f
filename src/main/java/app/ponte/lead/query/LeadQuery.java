package app.ponte.lead.query;

import static app.ponte.base.SqlValues.instant;

import app.ponte.lead.BoardColumn;
import app.ponte.lead.BoardColumnTotal;
import app.ponte.lead.BridgeStage;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadExportRow;
import app.ponte.lead.LeadFilter;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadSort;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.LeadStatusSql;
import app.ponte.lead.LeadSummary;
import app.ponte.lead.Person;
import app.ponte.lead.StatusChangeEntry;
import app.ponte.security.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side of leads: one SQL statement per grid page, board column or lead page, returning
 * records. Sorting only by whitelisted columns, always with the id as tie-breaker, so pages are stable.
 */
@Component
public class LeadQuery {

    private static final String SUMMARY_COLUMNS = "l.id, l.name, l.company, l.email, l.status, l.lost_from,"
            + " l.channel_code, o.username as owner_username, o.full_name as owner_full_name, l.status_changed_at,"
            + " l.last_interaction_at, l.last_outcome_score, l.expected_value, l.at_risk";

    private final JdbcClient jdbc;
    /** Set once the database turned out not to be PostgreSQL (see {@link #trigramIndexes()}). */
    private volatile boolean noPostgresCatalog;

    public LeadQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the lead list; no count query — the grid scrolls by slices. Channels by code. */
    public List<LeadSummary> page(LeadFilter filter, UserId me, ZoneId zone, LeadSort sort, boolean ascending,
            int offset, int limit) {
        return page(filter, me, zone, sort, ascending, offset, limit, List.of());
    }

    /**
     * A page of the lead list; {@code channelOrder} is the channel codes in the order of their shown
     * names (sorting by channel follows it; a channel not in it sorts last, then by code).
     */
    public List<LeadSummary> page(LeadFilter filter, UserId me, ZoneId zone, LeadSort sort, boolean ascending,
            int offset, int limit, List<String> channelOrder) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, me, zone, params);
        String direction = ascending ? "asc" : "desc";
        String order = switch (sort) {
            case NAME -> "l.name " + direction;
            case COMPANY -> "l.company " + direction;
            case STATUS -> LeadStatusSql.sortOrder("l.status") + " " + direction;
            // the names' order comes from Java's collator (Channel.byName), the same as the channel
            // filter's list; a handful of channels, each a bound code
            case CHANNEL -> channelRank(channelOrder, params) + " " + direction + ", l.channel_code " + direction;
            case OWNER -> "o.username " + direction;
            // more days in status = an earlier change
            case DAYS_IN_STATUS -> "l.status_changed_at " + (ascending ? "desc" : "asc");
            case LAST_INTERACTION -> "l.last_interaction_at " + direction;
            case EXPECTED_VALUE -> "l.expected_value " + direction;
            case CREATED_AT -> "l.created_at " + direction;
        };
        String tieBreak = sort == LeadSort.DAYS_IN_STATUS ? (ascending ? "desc" : "asc") : direction;
        // A status filter fixes l.status, so leading the order with it changes nothing; it lets H2
        // read the (status, status_changed_at, id) index in order instead of sorting the whole status.
        String statusFirst = filter.status() != null ? "l.status " + tieBreak + ", " : "";
        String orderBy = " order by " + statusFirst + order + ", l.id " + tieBreak;
        params.put("limit", Math.max(0, limit));
        params.put("offset", Math.max(0, offset));
        // The page's ids first, then only those rows: skipping to a deep offset then walks an index
        // (index-only on PostgreSQL) instead of reading every skipped lead (docs/benchmarks.md).
        // Every lead has an owner (not null, foreign key), so the owner join narrows nothing and
        // the ids need it only to sort by the owner's name.
        String ids = "select l.id from lead l" + (sort == LeadSort.OWNER ? " join app_user o on o.id = l.owner_id" : "")
                + where + orderBy + " limit :limit offset :offset";
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from (" + ids + ") page_ids join lead l on l.id = page_ids.id"
                        + " join app_user o on o.id = l.owner_id" + orderBy)
                .params(params).query(LeadQuery::summary).list();
    }

    private static String channelRank(List<String> channelOrder, Map<String, Object> params) {
        if (channelOrder.isEmpty()) {
            return "0";
        }
        var rank = new StringBuilder("case l.channel_code");
        for (int i = 0; i < channelOrder.size(); i++) {
            rank.append(" when :channelRank").append(i).append(" then ").append(i);
            params.put("channelRank" + i, channelOrder.get(i));
        }
        return rank.append(" else ").append(channelOrder.size()).append(" end").toString();
    }

    /**
     * A page of the CSV export: the leads of the filter with an id above {@code afterId}, by id.
     * Keyset paging rather than an offset, so that leads created during a long export neither
     * shift nor repeat the pages, and every page costs the same.
     */
    public List<LeadExportRow> exportPage(LeadFilter filter, UserId me, ZoneId zone, long afterId, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, me, zone, params) + " and l.id > :after";
        params.put("after", afterId);
        params.put("limit", Math.max(0, limit));
        return jdbc.sql("select l.id, l.external_id, l.created_at, c.username as creator_username,"
                        + " o.username as owner_username, l.name, l.company, l.email, l.phone, l.channel_code,"
                        + " l.intent, l.expected_value from lead l join app_user o on o.id = l.owner_id"
                        + " join app_user c on c.id = l.created_by_id" + where + " order by l.id limit :limit")
                .params(params)
                .query((rs, n) -> {
                    String intent = rs.getString("intent");
                    return new LeadExportRow(new LeadId(rs.getLong("id")), rs.getString("external_id"),
                            instant(rs, "created_at"), rs.getString("creator_username"),
                            rs.getString("owner_username"), rs.getString("name"), rs.getString("company"),
                            rs.getString("email"), rs.getString("phone"), rs.getString("channel_code"),
                            intent == null ? null : Intent.valueOf(intent), rs.getBigDecimal("expected_value"));
                })
                .list();
    }

    /**
     * The most recent cards of every board column in one statement: a UNION ALL of one small
     * indexed query per column (status, status_changed_at desc), each with its own limit.
     */
    public Map<BoardColumn, List<LeadSummary>> board(List<BoardColumn> columns, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        var sql = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            BoardColumn column = columns.get(i);
            String condition;
            if (column.isLost()) {
                condition = LeadStatusSql.is("l.status", LeadStatus.LOST) + " and l.lost_from in (:from" + i + ")";
                params.put("from" + i, column.stage().statuses().stream().map(Enum::name).toList());
            } else {
                condition = "l.status = :status" + i;
                params.put("status" + i, column.status().name());
            }
            if (i > 0) {
                sql.append(" union all ");
            }
            sql.append("(select ").append(i).append(" as board_column, ").append(SUMMARY_COLUMNS)
                    .append(" from lead l join app_user o on o.id = l.owner_id where ").append(condition)
                    // every card of a column has one status: ordering by it first changes nothing and
                    // lets H2 walk ix_lead_status_recent backwards instead of sorting (docs/benchmarks.md)
                    .append(" order by l.status desc, l.status_changed_at desc, l.id desc limit :limit)");
        }
        Map<BoardColumn, List<LeadSummary>> board = new java.util.LinkedHashMap<>();
        columns.forEach(c -> board.put(c, new java.util.ArrayList<>()));
        jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> Map.entry(rs.getInt("board_column"), summary(rs, n))).list()
                .forEach(e -> board.get(columns.get(e.getKey())).add(e.getValue()));
        // UNION ALL keeps no order across its parts: restore each column's order
        board.values().forEach(cards -> cards.sort(java.util.Comparator.comparing(LeadSummary::statusChangedAt)
                .thenComparing(c -> c.id().value()).reversed()));
        return board;
    }

    /**
     * The totals of these board columns in one grouped statement: the database counts and sums, at
     * most one row per status (and per status lost from) comes back. Reads only the statuses asked for.
     */
    public Map<BoardColumn, BoardColumnTotal> boardTotals(java.util.Collection<BoardColumn> columns) {
        Map<BoardColumn, BoardColumnTotal> totals = new java.util.LinkedHashMap<>();
        columns.forEach(c -> totals.put(c, BoardColumnTotal.NONE));
        if (columns.isEmpty()) {
            return totals;
        }
        List<String> statuses = columns.stream().map(c -> c.status().name()).distinct().toList();
        jdbc.sql("select l.status, l.lost_from, count(*) as leads, sum(l.expected_value) as expected_value"
                        + " from lead l where l.status in (:statuses) group by l.status, l.lost_from")
                .param("statuses", statuses)
                .query(rs -> {
                    LeadStatus status = status(rs, "status");
                    LeadStatus lostFrom = status(rs, "lost_from");
                    BridgeStage stage = LeadStatus.stageOf(status, lostFrom);
                    if (stage == null) {
                        return; // a lost lead without the status it fell from is on no span
                    }
                    BoardColumn column = new BoardColumn(stage, status);
                    BoardColumnTotal known = totals.get(column);
                    if (known != null) {
                        totals.put(column, known.plus(rs.getLong("leads"), rs.getBigDecimal("expected_value")));
                    }
                });
        return totals;
    }

    public Optional<LeadDetails> details(LeadId id) {
        return jdbc.sql("select l.*, o.username as owner_username, o.full_name as owner_full_name,"
                        + " c.username as creator_username, c.full_name as creator_full_name"
                        + " from lead l join app_user o on o.id = l.owner_id join app_user c on c.id = l.created_by_id"
                        + " where l.id = :id")
                .param("id", id.value()).query(LeadQuery::details).optional();
    }

    public List<StatusChangeEntry> history(LeadId id) {
        return jdbc.sql("select s.id, s.from_status, s.to_status, s.changed_at, s.reason, s.from_duration_seconds,"
                        + " u.id as user_id, u.username, u.full_name from lead_status_change s"
                        + " join app_user u on u.id = s.changed_by_id where s.lead_id = :id order by s.changed_at, s.id")
                .param("id", id.value())
                .query((rs, n) -> new StatusChangeEntry(rs.getLong("id"), LeadStatus.valueOf(rs.getString("from_status")),
                        LeadStatus.valueOf(rs.getString("to_status")), instant(rs, "changed_at"),
                        new Person(new UserId(rs.getLong("user_id")), rs.getString("username"), rs.getString("full_name")),
                        rs.getString("reason"), Duration.ofSeconds(rs.getLong("from_duration_seconds"))))
                .list();
    }

    /** Leads with this normalized e-mail, newest first (duplicate warnings). */
    public List<LeadSummary> withEmailKey(String emailKey, int limit) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from lead l join app_user o on o.id = l.owner_id"
                        + " where l.email_key = :key order by l.created_at desc, l.id desc limit :limit")
                .param("key", emailKey).param("limit", limit).query(LeadQuery::summary).list();
    }

    /**
     * The newest lead with this normalized e-mail created at or after {@code since} (web-to-lead
     * deduplication); reads ix_lead_email_key.
     */
    public Optional<LeadId> newestWithEmailKeySince(String emailKey, Instant since) {
        return jdbc.sql("select id from lead where email_key = :key and created_at >= :since"
                        + " order by created_at desc, id desc limit 1")
                .param("key", emailKey).param("since", OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC))
                .query(Long.class).optional().map(LeadId::new);
    }

    public boolean channelInUse(String code) {
        return jdbc.sql("select count(*) from (select 1 from lead where channel_code = :code limit 1) x")
                .param("code", code).query(Long.class).single() > 0;
    }

    /**
     * The phone's digits: the separators the phone check allows ({@code + ( ) . / -} and spaces)
     * removed. Written with {@code replace} only, so the same text runs on H2 and PostgreSQL and
     * matches PostgreSQL's index on this expression (V36) exactly.
     */
    public static final String PHONE_DIGITS = "replace(replace(replace(replace(replace(replace(replace(l.phone,"
            + " ' ', ''), '-', ''), '.', ''), '/', ''), '(', ''), ')', ''), '+', '')";

    /** Shorter terms only match at the start of a field: a one- or two-letter "contains" matches half the table. */
    public static final int CONTAINS_MIN_LENGTH = 3;

    /**
     * The digits of a search term that is a phone number (digits and the separators a phone may have,
     * at least three digits: "02 12" finds "+39 02 1234"), else empty: a term with letters names a lead,
     * and its digits ("Rossi 2024", a code like "lx-990") would otherwise match any phone holding them.
     */
    static String phoneDigits(String text) {
        if (!text.matches("[0-9+()./\\s-]+")) {
            return "";
        }
        String digits = text.replaceAll("[^0-9]", "");
        return digits.length() >= CONTAINS_MIN_LENGTH ? digits : "";
    }

    /**
     * The header search: up to {@code limit} leads whose name, company, e-mail or phone digits
     * contain {@code term} (case ignored), those matching at the start first, then by name.
     * {@code owner} narrows to one owner's leads (null: every lead the list shows).
     *
     * <p>Limited parts in one statement, each served by an index (V36, docs/benchmarks.md "Global
     * search"): {@code lower(x) like '%term%'} for three characters or more (the trigram GIN index
     * where pg_trgm exists) and, for shorter terms or where there are no trigram indexes,
     * {@code lower(x) like 'term%'} (the B-tree {@code text_pattern_ops} fallback). No part is ordered
     * in SQL: each stops at its limit, and the few candidates are ranked here, so a common fragment
     * costs as little as a rare one.
     */
    public List<LeadSummary> search(String term, UserId owner, int limit) {
        String text = term == null ? "" : term.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || limit <= 0) {
            return List.of();
        }
        String digits = phoneDigits(text);
        Map<String, Object> params = new HashMap<>();
        params.put("prefix", likeEscaped(text) + "%");
        params.put("limit", limit);
        String ownerCondition = "";
        if (owner != null) {
            ownerCondition = " and l.owner_id = :owner";
            params.put("owner", owner.value());
        }
        boolean phone = !digits.isEmpty();
        if (phone) {
            params.put("digitsPrefix", digits + "%");
            params.put("digits", "%" + digits + "%");
        }
        boolean contains = text.length() >= CONTAINS_MIN_LENGTH;
        boolean trigrams = contains && trigramIndexes();
        var parts = new java.util.ArrayList<String>();
        // With trigram indexes the "contains" part finds the prefix matches too, and a prefix part
        // would cost more than it gives: the trigrams of 'ros%' are those of every word "Rossi", so
        // the index hands over all 36,000 Rossis for a recheck that keeps none (1.5 s, docs/benchmarks.md).
        if (!trigrams) {
            String prefixMatch = "lower(l.name) like :prefix or lower(l.company) like :prefix"
                    + " or l.email_key like :prefix" + (phone ? " or " + PHONE_DIGITS + " like :digitsPrefix" : "");
            parts.add("select l.id from lead l where (" + prefixMatch + ")" + ownerCondition + " limit :limit");
        }
        if (contains) {
            params.put("contains", "%" + likeEscaped(text) + "%");
            String containsMatch = "lower(l.name) like :contains or lower(l.company) like :contains"
                    + " or l.email_key like :contains" + (phone ? " or " + PHONE_DIGITS + " like :digits" : "");
            String match = "select l.id from lead l where (" + containsMatch + ")" + ownerCondition;
            // PostgreSQL: the matches as a materialized set, planned whole, so the trigram indexes
            // always serve it. A bare "limit 8" let the planner bet on a table scan stopping at the 8th
            // match, which read all million rows for a term that matches nothing (1 s, docs/benchmarks.md).
            parts.add(trigrams ? "with m as materialized (" + match + ") select id from m limit :limit"
                    : match + " limit :limit");
        }
        // Each part on its own, then the rows by id: H2 ran "id in (part union part)" as a semi-join that
        // re-ran the union for every lead (74 s at 100,000 leads, docs/benchmarks.md); each limited part
        // alone is one scan at worst, and PostgreSQL plans them as it did inside the union.
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        for (String part : parts) {
            ids.addAll(jdbc.sql(part).params(params).query(Long.class).list());
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        List<LeadSummary> candidates = jdbc.sql("select " + SUMMARY_COLUMNS + " from lead l"
                        + " join app_user o on o.id = l.owner_id where l.id in (:ids)")
                .param("ids", ids).query(LeadQuery::summary).list();
        java.util.Comparator<LeadSummary> byRank = java.util.Comparator.comparingInt(s -> searchRank(s, text));
        return candidates.stream()
                .sorted(byRank.thenComparing(s -> s.name().toLowerCase(Locale.ROOT)).thenComparing(s -> s.id().value()))
                .limit(limit).toList();
    }

    /** 0: the name or one of its words starts with the term; 1: company or e-mail does; 2: found inside. */
    private static int searchRank(LeadSummary lead, String text) {
        String name = lead.name().toLowerCase(Locale.ROOT);
        if (name.startsWith(text) || name.contains(" " + text)) {
            return 0;
        }
        boolean company = lead.company() != null && lead.company().toLowerCase(Locale.ROOT).startsWith(text);
        boolean email = lead.email() != null && lead.email().toLowerCase(Locale.ROOT).startsWith(text);
        return company || email ? 1 : 2;
    }

    /**
     * Whether V36 could build the trigram GIN indexes (PostgreSQL with pg_trgm): without them (H2,
     * or a role that may not create the extension) the search adds a prefix part that the B-tree
     * indexes serve. Asked on every search (a catalog lookup, well under a millisecond) rather than
     * remembered, so indexes built or dropped by hand later are taken into account at once.
     */
    private boolean trigramIndexes() {
        if (noPostgresCatalog) {
            return false;
        }
        try {
            return jdbc.sql("select count(*) from pg_catalog.pg_class c join pg_catalog.pg_am a on a.oid = c.relam"
                            + " where c.relname = 'ix_lead_search_name' and a.amname = 'gin'")
                    .query(Long.class).single() > 0;
        } catch (org.springframework.dao.DataAccessException notPostgres) {
            noPostgresCatalog = true; // H2: no pg_am, no trigrams; that does not change while running
            return false;
        }
    }

    /** The term as a LIKE pattern's literal part: its own % and _ match only themselves. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String where(LeadFilter filter, UserId me, ZoneId zone, Map<String, Object> params) {
        var where = new StringBuilder(" where 1 = 1");
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = filter.text().strip().toLowerCase(Locale.ROOT);
            String digits = phoneDigits(text);
            // the same fields as the header search, so its "see all in the leads list" shows the same leads
            where.append(" and (lower(l.name) like :text or lower(l.company) like :text or l.email_key like :text");
            if (!digits.isEmpty()) {
                where.append(" or ").append(PHONE_DIGITS).append(" like :textDigits");
                params.put("textDigits", "%" + digits + "%");
            }
            where.append(")");
            params.put("text", "%" + text + "%");
        }
        if (filter.status() != null) {
            where.append(" and l.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.stage() != null) {
            where.append(" and (l.status in (:stageStatuses) or (").append(LeadStatusSql.is("l.status", LeadStatus.LOST))
                    .append(" and l.lost_from in (:stageStatuses)))");
            params.put("stageStatuses", filter.stage().statuses().stream().map(Enum::name).toList());
        }
        if (filter.channelCode() != null) {
            where.append(" and l.channel_code = :channel");
            params.put("channel", filter.channelCode());
        }
        if (filter.owner() != null) {
            where.append(" and l.owner_id = :owner");
            params.put("owner", filter.owner().value());
        }
        if (filter.onlyMine() && me != null) {
            where.append(" and l.owner_id = :me");
            params.put("me", me.value());
        }
        if (filter.createdFrom() != null) {
            where.append(" and l.created_at >= :createdFrom");
            params.put("createdFrom", OffsetDateTime.ofInstant(filter.createdFrom().atStartOfDay(zone).toInstant(),
                    java.time.ZoneOffset.UTC));
        }
        if (filter.createdTo() != null) {
            where.append(" and l.created_at < :createdTo");
            params.put("createdTo", OffsetDateTime.ofInstant(filter.createdTo().plusDays(1).atStartOfDay(zone).toInstant(),
                    java.time.ZoneOffset.UTC));
        }
        drillDown(filter, zone, where, params);
        return where.toString();
    }

    /**
     * The narrowing a statistics figure links with (decision 027), on the columns the statistics read
     * too, so the list counts what the figure counts: {@code max_status_rank} for "reached" (the
     * cohort rollup's rank), {@code lost_from} of a LOST lead for "lost from" (the funnel's lost keys),
     * {@code first_won_at} for a change into WON (customers, the volume's won), the history for any
     * other change (marketers' MQLs, reps' won by who made it), and {@code last_activity_at} of an
     * open lead for "stalled" (the stalled figure's cutoff, strict).
     */
    private static void drillDown(LeadFilter filter, ZoneId zone, StringBuilder where, Map<String, Object> params) {
        if (filter.reached() != null && filter.reached().rank() >= 0) {
            where.append(" and l.max_status_rank >= :reachedRank");
            params.put("reachedRank", filter.reached().rank());
        }
        if (filter.below() != null && filter.below().rank() >= 0) {
            // the same column as "reached": cohort − reached X is exactly the cohort below X
            where.append(" and l.max_status_rank < :belowRank");
            params.put("belowRank", filter.below().rank());
        }
        if (filter.createdBy() != null) {
            where.append(" and l.created_by_id = :createdBy");
            params.put("createdBy", filter.createdBy().value());
        }
        if (filter.lostFrom() != null) {
            where.append(" and ").append(LeadStatusSql.is("l.status", LeadStatus.LOST)).append(" and l.lost_from = :lostFrom");
            params.put("lostFrom", filter.lostFrom().name());
        }
        if (filter.entered() != null && filter.enteredFrom() != null && filter.enteredTo() != null) {
            params.put("enteredFrom", utc(filter.enteredFrom().atStartOfDay(zone).toInstant()));
            params.put("enteredTo", utc(filter.enteredTo().plusDays(1).atStartOfDay(zone).toInstant()));
            String by = "";
            if (filter.enteredBy() != null) {
                by = " and c.changed_by_id = :enteredBy";
                params.put("enteredBy", filter.enteredBy().value());
            }
            if (filter.enteredFromStatus() != null && filter.entered() != LeadStatus.WON) {
                by += " and c.from_status = :enteredFromStatus";
                params.put("enteredFromStatus", filter.enteredFromStatus().name());
            }
            if (filter.entered() == LeadStatus.WON) {
                // WON is final: the first change into WON is its only one, made by whoever made it
                where.append(" and l.first_won_at >= :enteredFrom and l.first_won_at < :enteredTo");
                if (!by.isEmpty()) {
                    where.append(" and l.id in (select c.lead_id from lead_status_change c where ")
                            .append(LeadStatusSql.is("c.to_status", LeadStatus.WON))
                            .append(" and c.changed_at = l.first_won_at").append(by).append(")");
                }
            } else {
                where.append(" and l.id in (select c.lead_id from lead_status_change c where c.to_status = :entered"
                        + " and c.changed_at >= :enteredFrom and c.changed_at < :enteredTo").append(by).append(")");
                params.put("entered", filter.entered().name());
            }
        }
        if (filter.stalledDays() != null && filter.stalledDays() >= 0) {
            // the service fills in "now" by its clock when a link carries no as-of
            Instant asOf = java.util.Objects.requireNonNull(filter.asOf(), "asOf");
            where.append(" and ").append(LeadStatusSql.open("l.status")).append(" and l.last_activity_at < :stalledBefore");
            params.put("stalledBefore", utc(asOf.minus(Duration.ofDays(filter.stalledDays()))));
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    /** How many leads the filter holds (shown above a narrowed list). */
    public long count(LeadFilter filter, UserId me, ZoneId zone) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, me, zone, params);
        return jdbc.sql("select count(*) from lead l" + where).params(params).query(Long.class).single();
    }

    /**
     * How many changes into the filter's {@code entered} status (in its period, by its user) the
     * filter's leads have: what a marketer's MQLs and the volume's MQLs count (metrics.md: a lead
     * re-qualified in the period counts again), where the list shows each lead once. Null without an
     * {@code entered} narrowing; for WON (final: one first change per lead) it equals {@link #count}.
     */
    public Long countEntries(LeadFilter filter, UserId me, ZoneId zone) {
        if (filter.entered() == null || filter.enteredFrom() == null || filter.enteredTo() == null) {
            return null;
        }
        if (filter.entered() == LeadStatus.WON) {
            return count(filter, me, zone);
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, me, zone, params);
        String by = (filter.enteredBy() == null ? "" : " and c.changed_by_id = :enteredBy")
                + (filter.enteredFromStatus() == null ? "" : " and c.from_status = :enteredFromStatus");
        return jdbc.sql("select count(*) from lead l join lead_status_change c on c.lead_id = l.id"
                        + " and c.to_status = :entered and c.changed_at >= :enteredFrom and c.changed_at < :enteredTo"
                        + by + where)
                .params(params).query(Long.class).single();
    }


    private static LeadStatus status(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : LeadStatus.valueOf(value);
    }

    private static Integer score(ResultSet rs) throws SQLException {
        int score = rs.getInt("last_outcome_score");
        return rs.wasNull() ? null : score;
    }

    private static LeadSummary summary(ResultSet rs, int rowNum) throws SQLException {
        return new LeadSummary(new LeadId(rs.getLong("id")), rs.getString("name"), rs.getString("company"),
                rs.getString("email"), status(rs, "status"), status(rs, "lost_from"), rs.getString("channel_code"),
                rs.getString("owner_username"), rs.getString("owner_full_name"), instant(rs, "status_changed_at"),
                instant(rs, "last_interaction_at"), score(rs), rs.getBigDecimal("expected_value"),
                rs.getBoolean("at_risk"));
    }

    private static LeadDetails details(ResultSet rs, int rowNum) throws SQLException {
        String intent = rs.getString("intent");
        return new LeadDetails(new LeadId(rs.getLong("id")), rs.getString("external_id"), rs.getString("name"),
                rs.getString("company"), rs.getString("email"), rs.getString("phone"), rs.getString("channel_code"),
                intent == null ? null : Intent.valueOf(intent), status(rs, "status"), status(rs, "lost_from"),
                rs.getString("lost_reason"),
                new Person(new UserId(rs.getLong("owner_id")), rs.getString("owner_username"),
                        rs.getString("owner_full_name")),
                new Person(new UserId(rs.getLong("created_by_id")), rs.getString("creator_username"),
                        rs.getString("creator_full_name")),
                instant(rs, "created_at"), instant(rs, "status_changed_at"), instant(rs, "last_interaction_at"),
                score(rs), rs.getBigDecimal("expected_value"), instant(rs, "updated_at"), rs.getString("updated_by"),
                rs.getLong("version"), rs.getBoolean("at_risk"));
    }


    /** The leads carrying these external ids, by external id (history imports refer to leads so). */
    public Map<String, LeadId> idsByExternalId(java.util.Collection<String> externalIds) {
        Map<String, LeadId> ids = new HashMap<>();
        if (externalIds.isEmpty()) {
            return ids;
        }
        jdbc.sql("select external_id, id from lead where external_id in (:ids)").param("ids", externalIds)
                .query(rs -> {
                    ids.put(rs.getString("external_id"), new LeadId(rs.getLong("id")));
                });
        return ids;
    }

    /** Whether the lead's history already holds a change to {@code to} at that instant. */
    public boolean hasStatusChange(LeadId lead, LeadStatus to, Instant at) {
        return jdbc.sql("select count(*) from lead_status_change where lead_id = :id and changed_at = :at"
                        + " and to_status = :to")
                .param("id", lead.value()).param("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .param("to", to.name()).query(Long.class).single() > 0;
    }
}
