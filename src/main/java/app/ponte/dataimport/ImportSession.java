package app.ponte.dataimport;

import app.ponte.base.BusinessRuleException;
import app.ponte.lead.Channel;
import app.ponte.lead.ChannelDirectory;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadHistoryService;
import app.ponte.security.UserId;
import app.ponte.security.UserService;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one import run knows besides the current batch: the texts, the people looked up so far
 * (few, however long the file), and the leads of the current batch by external id.
 */
final class ImportSession {

    private final Messages messages;
    private final UserService users;
    private final LeadHistoryService leads;
    private final ChannelDirectory channels;
    private final Map<String, Optional<UserId>> people = new HashMap<>();
    private Map<String, LeadId> batchLeads = Map.of();
    /** Leads whose interactions changed: their outcome summaries are recomputed once, at the end. */
    private final java.util.Set<LeadId> touched = new java.util.LinkedHashSet<>();

    ImportSession(Messages messages, UserService users, LeadHistoryService leads, ChannelDirectory channels) {
        this.messages = messages;
        this.users = users;
        this.leads = leads;
        this.channels = channels;
    }

    Messages messages() {
        return messages;
    }

    /** Looks up, in one statement, the people and leads a batch refers to in these columns. */
    void prepare(List<Row> rows, List<String> personColumns, String leadColumn) {
        List<String> unknown = rows.stream()
                .flatMap(r -> personColumns.stream().map(r::text))
                .filter(Objects::nonNull).map(ImportSession::key).distinct()
                .filter(name -> !people.containsKey(name)).toList();
        if (!unknown.isEmpty()) {
            Map<String, UserId> found = users.idsByUsername(unknown);
            unknown.forEach(name -> people.put(name, Optional.ofNullable(found.get(name))));
        }
        if (leadColumn != null) {
            batchLeads = leads.idsByExternalId(rows.stream().map(r -> r.text(leadColumn)).filter(Objects::nonNull)
                    .distinct().toList());
        }
    }

    /** The person a cell names by username; a problem of the row when there is none. */
    UserId person(Row row, String column) {
        row.definition(column, ImportColumn.Format.USERNAME);
        String name = row.cell(column);
        if (name == null) {
            return null;
        }
        Optional<UserId> id = people.computeIfAbsent(key(name),
                k -> Optional.ofNullable(users.idsByUsername(List.of(k)).get(k)));
        if (id.isEmpty()) {
            row.fail(column, "import.error.unknown-user", name);
            return null;
        }
        return id.get();
    }

    /** The lead a cell names by external id (looked up for the batch); a problem of the row when there is none. */
    LeadId lead(Row row, String column) {
        row.definition(column, ImportColumn.Format.LEAD);
        String externalId = row.cell(column);
        if (externalId == null) {
            return null;
        }
        LeadId id = batchLeads.get(externalId);
        if (id == null) {
            row.fail(column, "import.error.unknown-lead", externalId);
        }
        return id;
    }

    /**
     * The code of the channel a cell names by its code or its name in English or Italian (any case,
     * trimmed; decision 023), checked when the row is read, so a row with another problem (a bad
     * date) still reports an unknown channel; a problem listing the valid codes when there is none.
     */
    String channel(Row row, String column) {
        row.definition(column, ImportColumn.Format.CHANNEL);
        String value = row.cell(column);
        if (value == null) {
            return null;
        }
        Optional<Channel> channel = channels.find(value);
        if (channel.isEmpty()) {
            row.fail(column, "import.error.unknown-channel", value.strip(), String.join(", ", channels.codes()));
            return null;
        }
        return channel.get().code();
    }

    /** A rule a feature's service refused: the problem of the row, at the column the rule names. */
    void refused(Row row, BusinessRuleException e, Map<String, String> columns) {
        String field = e.field().orElse(null);
        String column = field == null ? null : columns.getOrDefault(field, field);
        row.problems().add(new ImportProblem(row.line(), column, messages.get(e.messageKey(), e.arguments())));
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }


    void touched(LeadId lead) {
        touched.add(lead);
    }

    /** The leads a run touched (as many as the leads table holds at most, not as the file's rows). */
    java.util.Set<LeadId> touchedLeads() {
        return touched;
    }
}
