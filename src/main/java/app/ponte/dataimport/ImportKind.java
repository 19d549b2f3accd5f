package app.ponte.dataimport;

import static app.ponte.dataimport.ImportColumn.Format.CHANNEL;
import static app.ponte.dataimport.ImportColumn.Format.CHOICE;
import static app.ponte.dataimport.ImportColumn.Format.CHOICE_LIST;
import static app.ponte.dataimport.ImportColumn.Format.DATE;
import static app.ponte.dataimport.ImportColumn.Format.INSTANT;
import static app.ponte.dataimport.ImportColumn.Format.LEAD;
import static app.ponte.dataimport.ImportColumn.Format.MONEY;
import static app.ponte.dataimport.ImportColumn.Format.MONTH;
import static app.ponte.dataimport.ImportColumn.Format.SCORE;
import static app.ponte.dataimport.ImportColumn.Format.TEXT;
import static app.ponte.dataimport.ImportColumn.Format.USERNAME;
import static app.ponte.dataimport.ImportColumn.optionalColumn;
import static app.ponte.dataimport.ImportColumn.requiredColumn;

import app.ponte.handoff.HandoffState;
import app.ponte.handoff.RejectReason;
import app.ponte.interaction.InteractionType;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadStatus;
import app.ponte.security.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of file the import takes, in the order a company brings its history, with their
 * columns exactly as import.md names them: the one definition the reader checks cells against and
 * the import page explains. Campaigns, content and campaign statistics are planned (no feature
 * stores them yet); their interaction columns are accepted but must be empty.
 */
public enum ImportKind {
    USERS("users",
            requiredColumn("username", TEXT, "gmancini"),
            requiredColumn("full_name", TEXT, "Giorgia Mancini"),
            requiredColumn("roles", CHOICE_LIST, "MARKETING;SALES").choices("role.", Role.values()),
            optionalColumn("email", TEXT, "giorgia.mancini@ponte.example")),
    LEADS("leads",
            requiredColumn("external_id", TEXT, "crm-1001"),
            requiredColumn("created_at", INSTANT, "2024-03-04T09:30:00+01:00"),
            requiredColumn("created_by", USERNAME, "sromano"),
            requiredColumn("owner", USERNAME, "sromano"),
            requiredColumn("name", TEXT, "Elena Conti"),
            optionalColumn("company", TEXT, "Conti Logistica Srl"),
            optionalColumn("email", TEXT, "elena.conti@contilogistica.example"),
            optionalColumn("phone", TEXT, "+39 02 5550123"),
            requiredColumn("channel", CHANNEL, "WEBSITE"),
            optionalColumn("intent", CHOICE, "TRANSACTIONAL").choices("intent.", Intent.values()),
            optionalColumn("value", MONEY, "12500.00")),
    STATUS_CHANGES("status-changes",
            requiredColumn("lead", LEAD, "crm-1001"),
            requiredColumn("changed_at", INSTANT, "2024-03-11T10:00:00+01:00"),
            requiredColumn("to_status", CHOICE, "MQL").choices("status.", LeadStatus.values()),
            requiredColumn("changed_by", USERNAME, "sromano"),
            optionalColumn("lost_reason", TEXT, "").requiredWhen("to_status", LeadStatus.LOST.name())),
    INTERACTIONS("interactions",
            requiredColumn("lead", LEAD, "crm-1001"),
            requiredColumn("occurred_at", INSTANT, "2024-03-05T15:00:00+01:00"),
            requiredColumn("type", CHOICE, "CALL").choices("interaction.type.", InteractionType.values()),
            requiredColumn("username", USERNAME, "sromano"),
            optionalColumn("outcome_score", SCORE, "4").requiredWhen("type", InteractionType.CALL.name(),
                    InteractionType.VIDEO_CALL.name(), InteractionType.MEETING.name()),
            optionalColumn("summary", TEXT, "Discussed needs and timeline"),
            optionalColumn("next_step", TEXT, "Send the price list"),
            optionalColumn("next_step_due", DATE, "2024-03-08"),
            optionalColumn("campaign", ImportColumn.Format.PLANNED, ""),
            optionalColumn("content", ImportColumn.Format.PLANNED, "")),
    HANDOFFS("handoffs",
            requiredColumn("lead", LEAD, "crm-1001"),
            requiredColumn("created_at", INSTANT, "2024-03-12T09:00:00+01:00"),
            requiredColumn("from_user", USERNAME, "sromano"),
            optionalColumn("to_user", USERNAME, "rossi"),
            // empty = still pending, so PENDING itself is not a value of the column
            optionalColumn("decision", CHOICE, "ACCEPTED").choices("handoff.state.", HandoffState.ACCEPTED,
                    HandoffState.REJECTED),
            optionalColumn("decided_at", INSTANT, "2024-03-12T11:30:00+01:00").requiredWhen("decision"),
            optionalColumn("reason_code", CHOICE, "").choices("handoff.reason.", RejectReason.values())
                    .requiredWhen("decision", HandoffState.REJECTED.name()),
            optionalColumn("note", TEXT, "Wants a demo for the whole team")),
    PURCHASES("purchases",
            requiredColumn("lead", LEAD, "crm-1001"),
            requiredColumn("purchased_on", DATE, "2024-05-20"),
            requiredColumn("amount", MONEY, "12500.00"),
            optionalColumn("order_ref", TEXT, "ORD-2024-0042")),
    SPEND("spend",
            requiredColumn("channel", CHANNEL, "WEBSITE"),
            requiredColumn("month", MONTH, "2024-03"),
            requiredColumn("amount", MONEY, "1500.00"));

    /** Kinds the spec names that no feature stores yet. */
    public static final List<String> PLANNED = List.of("campaigns", "content", "campaign-stats");

    private final String code;
    private final List<ImportColumn> definitions;

    ImportKind(String code, ImportColumn... definitions) {
        this.code = code;
        this.definitions = List.of(definitions);
    }

    /** The kind's name in URLs and messages, e.g. {@code status-changes}. */
    public String code() {
        return code;
    }

    /** The columns with their formats, in the order of import.md. */
    public List<ImportColumn> definitions() {
        return definitions;
    }

    /** The definition of a column of this kind. */
    public Optional<ImportColumn> column(String name) {
        return definitions.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> required() {
        return definitions.stream().filter(ImportColumn::required).map(ImportColumn::name).toList();
    }

    public List<String> optional() {
        return definitions.stream().filter(c -> !c.required()).map(ImportColumn::name).toList();
    }

    public List<String> columns() {
        return definitions.stream().map(ImportColumn::name).toList();
    }

    public static Optional<ImportKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
