package app.ponte.interaction.query;

import static app.ponte.base.SqlValues.instant;

import app.ponte.interaction.AgendaItem;
import app.ponte.interaction.HeldInteraction;
import app.ponte.interaction.InteractionEdit;
import app.ponte.interaction.InteractionEntry;
import app.ponte.interaction.InteractionFilter;
import app.ponte.interaction.InteractionRow;
import app.ponte.interaction.InteractionSort;
import app.ponte.interaction.InteractionId;
import app.ponte.interaction.InteractionType;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadStatusSql;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.Person;
import app.ponte.security.UserId;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read side of interactions: the lead timeline, the agenda, the lead's outcome summary. */
@Component
public class InteractionQuery {

    private final JdbcClient jdbc;

    public InteractionQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A lead's interactions, newest first, each with its edits: two statements whatever the count. */
    public List<InteractionEntry> forLead(LeadId lead) {
        List<Row> rows = jdbc.sql("select i.*, u.username as u_username, u.full_name as u_full_name,"
                        + " b.username as b_username, b.full_name as b_full_name from interaction i"
                        + " join app_user u on u.id = i.user_id join app_user b on b.id = i.logged_by_id"
                        + " where i.lead_id = :lead order by i.occurred_at desc, i.id desc")
                .param("lead", lead.value()).query(InteractionQuery::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<InteractionEdit>> edits = new HashMap<>();
        jdbc.sql("select e.interaction_id, e.edited_at, e.changes, u.id as user_id, u.username, u.full_name"
                        + " from interaction_edit e join interaction i on i.id = e.interaction_id"
                        + " join app_user u on u.id = e.edited_by_id where i.lead_id = :lead order by e.edited_at, e.id")
                .param("lead", lead.value())
                .query((rs, n) -> Map.entry(rs.getLong("interaction_id"), new InteractionEdit(instant(rs, "edited_at"),
                        new Person(new UserId(rs.getLong("user_id")), rs.getString("username"), rs.getString("full_name")),
                        Arrays.asList(rs.getString("changes").split("\n")))))
                .list()
                .forEach(e -> edits.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(r -> r.entry(edits.getOrDefault(r.id(), List.of()))).toList();
    }

    public java.util.Optional<InteractionEntry> get(InteractionId id) {
        return jdbc.sql("select i.*, u.username as u_username, u.full_name as u_full_name,"
                        + " b.username as b_username, b.full_name as b_full_name from interaction i"
                        + " join app_user u on u.id = i.user_id join app_user b on b.id = i.logged_by_id"
                        + " where i.id = :id")
                .param("id", id.value()).query(InteractionQuery::row).optional().map(r -> r.entry(List.of()));
    }

    /**
     * A user's open next steps, soonest first (no due date last). One statement, on the open-step
     * index (V12): one equality on open_step_user_id selects exactly the open steps, and the order
     * (due date, nulls last, then id) is the index's own on PostgreSQL, so the database walks it and
     * stops at the limit instead of reading every open step and sorting them (docs/benchmarks.md).
     */
    public List<AgendaItem> agenda(UserId user, int limit) {
        return jdbc.sql("select i.id, i.lead_id, l.name, l.company, i.type, i.next_step, i.next_step_due"
                        + " from interaction i join lead l on l.id = i.lead_id"
                        + " where i.open_step_user_id = :user"
                        // open_step_user_id is fixed by the filter; naming it lets PostgreSQL see that the
                        // index's order is the agenda's (no sort); nulls last on H2 too
                        + " order by i.open_step_user_id, i.next_step_due nulls last, i.id"
                        + " limit :limit")
                .param("user", user.value()).param("limit", limit)
                .query((rs, n) -> new AgendaItem(new InteractionId(rs.getLong("id")), new LeadId(rs.getLong("lead_id")),
                        rs.getString("name"), rs.getString("company"), InteractionType.valueOf(rs.getString("type")),
                        rs.getString("next_step"), date(rs, "next_step_due")))
                .list();
    }

    /**
     * A page of all interactions for the managers' list: one statement, no count query, sorted by a
     * whitelisted column with the id as tie-breaker so pages are stable.
     */
    public List<InteractionRow> page(InteractionFilter filter, ZoneId zone, InteractionSort sort, boolean ascending,
            int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, zone, params);
        String direction = ascending ? "asc" : "desc";
        String order = switch (sort) {
            case OCCURRED_AT -> "i.occurred_at " + direction;
            case USER -> "u.full_name " + direction;
            case LEAD -> "l.name " + direction;
            case TYPE -> "i.type " + direction;
            case SCORE -> "i.outcome_score " + direction;
            case STATUS_AT_THE_TIME -> LeadStatusSql.sortOrder("i.lead_status") + " " + direction;
        };
        params.put("limit", Math.max(0, limit));
        params.put("offset", Math.max(0, offset));
        return jdbc.sql("select i.id, i.occurred_at, i.user_id, u.username, u.full_name, i.lead_id, l.name as lead_name,"
                        + " i.type, i.outcome_score, i.lead_status, i.summary, i.next_step, i.next_step_due"
                        + " from interaction i join app_user u on u.id = i.user_id join lead l on l.id = i.lead_id"
                        + where + " order by " + order + ", i.id " + direction + " limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new InteractionRow(new InteractionId(rs.getLong("id")), instant(rs, "occurred_at"),
                        new Person(new UserId(rs.getLong("user_id")), rs.getString("username"),
                                rs.getString("full_name")),
                        new LeadId(rs.getLong("lead_id")), rs.getString("lead_name"),
                        InteractionType.valueOf(rs.getString("type")), score(rs),
                        LeadStatus.valueOf(rs.getString("lead_status")), rs.getString("summary"),
                        rs.getString("next_step"), date(rs, "next_step_due")))
                .list();
    }

    /** How many interactions the managers' list holds for the filter (shown above a narrowed list). */
    public long count(InteractionFilter filter, ZoneId zone) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from interaction i" + where(filter, zone, params)).params(params)
                .query(Long.class).single();
    }

    private static String where(InteractionFilter filter, ZoneId zone, Map<String, Object> params) {
        var where = new StringBuilder(" where 1 = 1");
        if (filter.user() != null) {
            where.append(" and i.user_id = :user");
            params.put("user", filter.user().value());
        }
        if (filter.type() != null) {
            where.append(" and i.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.score() != null) {
            where.append(" and i.outcome_score = :score");
            params.put("score", filter.score());
        }
        if (filter.statusAtTheTime() != null) {
            where.append(" and i.lead_status = :status");
            params.put("status", filter.statusAtTheTime().name());
        }
        if (filter.from() != null) {
            where.append(" and i.occurred_at >= :from");
            params.put("from", filter.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.append(" and i.occurred_at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        if (filter.heldOnly()) {
            where.append(" and ").append(HeldInteraction.sql("i"));
        }
        return where.toString();
    }

    public long overdueCount(UserId user, LocalDate today) {
        return jdbc.sql("select count(*) from interaction where open_step_user_id = :user"
                        + " and next_step_due < :today")
                .param("user", user.value()).param("today", today).query(Long.class).single();
    }

    /**
     * The lead's status at an instant, from its history: the last change into a status at or before
     * it, else NEW (from creation). Empty when the lead does not exist.
     */
    public java.util.Optional<LeadStatus> statusAt(LeadId lead, Instant at) {
        boolean exists = jdbc.sql("select count(*) from lead where id = :id").param("id", lead.value())
                .query(Long.class).single() > 0;
        if (!exists) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(jdbc.sql("select to_status from lead_status_change where lead_id = :id"
                        + " and changed_at <= :at order by changed_at desc, id desc limit 1")
                .param("id", lead.value()).param("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .query(String.class).optional().map(LeadStatus::valueOf).orElse(LeadStatus.NEW));
    }

    /** The lead's latest held interaction and whether its last two scored ones were both 2 or less. */
    public app.ponte.lead.OutcomeSummary outcomeSummary(LeadId lead) {
        return outcomeSummaries(List.of(lead.value())).getFirst();
    }

    /** The average score of a lead's held, scored interactions and how many there are. */
    public OutcomeAverage averageOutcome(LeadId lead) {
        return jdbc.sql("select avg(i.outcome_score * 1.0) as average, count(i.outcome_score) as scored from interaction"
                        + " i where i.lead_id = :lead and " + HeldInteraction.sql("i") + " and i.outcome_score is not null")
                .param("lead", lead.value())
                .query((rs, n) -> {
                    double average = rs.getDouble("average");
                    return new OutcomeAverage(rs.wasNull() ? null : average, rs.getLong("scored"));
                }).single();
    }

    /** The average outcome score (null when nothing was scored) over {@code scored} interactions. */
    public record OutcomeAverage(Double average, long scored) {
    }

    private record Row(long id, long leadId, InteractionType type, Instant occurredAt, boolean planned, Person user,
            Person loggedBy, String summary, Integer score, LeadStatus leadStatus, String nextStep, LocalDate due,
            Instant doneAt, Instant createdAt, long version) {

        InteractionEntry entry(List<InteractionEdit> edits) {
            return new InteractionEntry(new InteractionId(id), new LeadId(leadId), type, occurredAt, planned, user,
                    loggedBy, summary, score, leadStatus, nextStep, due, doneAt, createdAt, version, edits);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("lead_id"), InteractionType.valueOf(rs.getString("type")),
                instant(rs, "occurred_at"), rs.getBoolean("planned"),
                new Person(new UserId(rs.getLong("user_id")), rs.getString("u_username"), rs.getString("u_full_name")),
                new Person(new UserId(rs.getLong("logged_by_id")), rs.getString("b_username"),
                        rs.getString("b_full_name")),
                rs.getString("summary"), score(rs), LeadStatus.valueOf(rs.getString("lead_status")),
                rs.getString("next_step"), date(rs, "next_step_due"), instant(rs, "next_step_done_at"),
                instant(rs, "created_at"), rs.getLong("version"));
    }

    private static Integer score(ResultSet rs) throws SQLException {
        int score = rs.getInt("outcome_score");
        return rs.wasNull() ? null : score;
    }


    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    /**
     * The outcome summaries of many leads in one statement (after a history import): per lead its
     * latest held interaction and its last two scored ones, by window functions.
     */
    public List<app.ponte.lead.OutcomeSummary> outcomeSummaries(java.util.Collection<Long> leadIds) {
        if (leadIds.isEmpty()) {
            return List.of();
        }
        record Ranked(long lead, Instant at, Integer score, long rankAll, Long rankScored) {
        }
        List<Ranked> ranked = jdbc.sql("select lead_id, occurred_at, outcome_score, rank_all, rank_scored from ("
                        + " select i.lead_id, i.occurred_at, i.outcome_score,"
                        + " row_number() over (partition by i.lead_id order by i.occurred_at desc, i.id desc) as rank_all,"
                        + " case when i.outcome_score is not null then row_number() over (partition by i.lead_id,"
                        + " case when i.outcome_score is null then 0 else 1 end order by i.occurred_at desc, i.id desc)"
                        + " end as rank_scored"
                        + " from interaction i where i.lead_id in (:ids) and " + HeldInteraction.sql("i") + ") t"
                        + " where rank_all = 1 or rank_scored <= 2")
                .param("ids", leadIds)
                .query((rs, n) -> {
                    long rankScored = rs.getLong("rank_scored");
                    Long scoredRank = rs.wasNull() ? null : rankScored;
                    return new Ranked(rs.getLong("lead_id"), instant(rs, "occurred_at"), score(rs),
                            rs.getLong("rank_all"), scoredRank);
                }).list();
        java.util.Map<Long, Instant> lastAt = new java.util.HashMap<>();
        java.util.Map<Long, Integer> lastScore = new java.util.HashMap<>();
        java.util.Map<Long, List<Integer>> scored = new java.util.HashMap<>();
        for (Ranked r : ranked) {
            if (r.rankAll() == 1) {
                lastAt.put(r.lead(), r.at());
                lastScore.put(r.lead(), r.score());
            }
            if (r.rankScored() != null && r.rankScored() <= 2) {
                scored.computeIfAbsent(r.lead(), k -> new java.util.ArrayList<>()).add(r.score());
            }
        }
        return leadIds.stream().distinct().map(id -> {
            List<Integer> scores = scored.getOrDefault(id, List.of());
            boolean atRisk = scores.size() == 2 && scores.stream().allMatch(s -> s <= 2);
            return new app.ponte.lead.OutcomeSummary(new LeadId(id), lastAt.get(id), lastScore.get(id), atRisk);
        }).toList();
    }

    /** Keys (lead, instant, type, person) of the interactions these leads already have: import duplicates. */
    public java.util.Set<String> historyKeys(java.util.Collection<Long> leadIds) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        if (leadIds.isEmpty()) {
            return keys;
        }
        jdbc.sql("select lead_id, occurred_at, type, user_id from interaction where lead_id in (:ids)")
                .param("ids", leadIds)
                .query(rs -> {
                    keys.add(historyKey(rs.getLong("lead_id"), instant(rs, "occurred_at"), rs.getString("type"),
                            rs.getLong("user_id")));
                });
        return keys;
    }

    /** The identity of a history interaction: the same lead, instant, type and person. */
    public static String historyKey(long lead, Instant at, String type, long user) {
        return lead + "|" + at + "|" + type + "|" + user;
    }
}
