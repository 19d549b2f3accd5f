package app.ponte.dataimport;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of file the import takes, in the order a company brings its history, with their
 * columns exactly as import.md names them. Campaigns, content and campaign statistics are planned
 * (no feature stores them yet); their interaction columns are accepted but must be empty.
 */
public enum ImportKind {
    USERS("users", List.of("username", "full_name", "roles"), List.of("email")),
    LEADS("leads", List.of("external_id", "created_at", "created_by", "owner", "name", "channel"),
            List.of("company", "email", "phone", "intent", "value")),
    STATUS_CHANGES("status-changes", List.of("lead", "changed_at", "to_status", "changed_by"), List.of("lost_reason")),
    INTERACTIONS("interactions", List.of("lead", "occurred_at", "type", "username"),
            List.of("outcome_score", "summary", "next_step", "next_step_due", "campaign", "content")),
    HANDOFFS("handoffs", List.of("lead", "created_at", "from_user"),
            List.of("to_user", "decision", "decided_at", "reason_code", "note")),
    PURCHASES("purchases", List.of("lead", "purchased_on", "amount"), List.of("order_ref")),
    SPEND("spend", List.of("channel", "month", "amount"), List.of());

    /** Kinds the spec names that no feature stores yet. */
    public static final List<String> PLANNED = List.of("campaigns", "content", "campaign-stats");

    private final String code;
    private final List<String> required;
    private final List<String> optional;

    ImportKind(String code, List<String> required, List<String> optional) {
        this.code = code;
        this.required = required;
        this.optional = optional;
    }

    /** The kind's name in URLs and messages, e.g. {@code status-changes}. */
    public String code() {
        return code;
    }

    public List<String> required() {
        return required;
    }

    public List<String> optional() {
        return optional;
    }

    public List<String> columns() {
        return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
    }

    public static Optional<ImportKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
