package app.ponte.dataimport;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.Refused;
import app.ponte.handoff.HandoffService;
import app.ponte.handoff.HandoffState;
import app.ponte.handoff.ImportedHandoff;
import app.ponte.handoff.RejectReason;
import app.ponte.interaction.ImportedInteraction;
import app.ponte.interaction.InteractionHistory;
import app.ponte.interaction.InteractionType;
import app.ponte.lead.ImportedLead;
import app.ponte.lead.ImportedStatusChange;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadHistoryService;
import app.ponte.lead.LeadStatus;
import app.ponte.purchase.ImportedPurchase;
import app.ponte.purchase.PurchaseService;
import app.ponte.security.ImportedUser;
import app.ponte.security.Role;
import app.ponte.security.UserId;
import app.ponte.security.UserService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * How each kind's rows become calls of the features' services: cells read and typed here,
 * references resolved per batch, the rules left to the services (their refusals become problems
 * of the row, at the column the rule names). Leads, status changes and interactions go in one batch
 * call each; the smaller kinds row by row.
 */
@Component
class KindImports {

    private static final Map<String, String> LEAD_FIELDS = Map.of("expectedValue", "value");

    private final UserService users;
    private final LeadHistoryService leads;
    private final InteractionHistory interactions;
    private final HandoffService handoffs;
    private final PurchaseService purchases;
    private final Clock clock;
    private final ZoneId zone;

    KindImports(UserService users, LeadHistoryService leads, InteractionHistory interactions, HandoffService handoffs,
            PurchaseService purchases, Clock clock, app.ponte.base.PonteProperties properties) {
        this.users = users;
        this.leads = leads;
        this.interactions = interactions;
        this.handoffs = handoffs;
        this.purchases = purchases;
        this.clock = clock;
        this.zone = properties.zone();
    }

    void importBatch(ImportKind kind, List<Row> rows, ImportSession session) {
        switch (kind) {
            case USERS -> users(rows, session);
            case LEADS -> leads(rows, session);
            case STATUS_CHANGES -> statusChanges(rows, session);
            case INTERACTIONS -> interactions(rows, session);
            case HANDOFFS -> handoffs(rows, session);
            case PURCHASES -> purchases(rows, session);
            case SPEND -> spend(rows, session);
        }
    }

    private void users(List<Row> rows, ImportSession session) {
        for (Row row : rows) {
            String username = row.required("username");
            String fullName = row.required("full_name");
            Set<Role> roles = row.choices("roles", Role.class);
            String email = row.text("email");
            if (row.failed()) {
                continue;
            }
            try {
                users.importUser(new ImportedUser(username, fullName, email, roles));
            } catch (BusinessRuleException e) {
                session.refused(row, e, Map.of());
            }
        }
    }

    private void leads(List<Row> rows, ImportSession session) {
        session.prepare(rows, List.of("created_by", "owner"), null);
        List<Row> accepted = new ArrayList<>(rows.size());
        List<ImportedLead> batch = new ArrayList<>(rows.size());
        for (Row row : rows) {
            String externalId = row.required("external_id");
            Instant createdAt = row.instant("created_at");
            UserId createdBy = session.person(row, "created_by");
            UserId owner = session.person(row, "owner");
            String name = row.required("name");
            // checked here, not only by the lead service, so a row with another problem reports this one too
            String channel = session.channel(row, "channel");
            Intent intent = row.choice("intent", Intent.class);
            BigDecimal value = row.decimal("value");
            if (row.failed()) {
                continue;
            }
            accepted.add(row);
            batch.add(new ImportedLead(externalId, createdAt, createdBy, owner, name, row.text("company"),
                    row.text("email"), row.text("phone"), channel, intent, value));
        }
        for (Refused refused : leads.importLeads(batch)) {
            session.refused(accepted.get(refused.index()), refused.reason(), LEAD_FIELDS);
        }
    }

    /** One batch call, so statistics recompute the batch's keys once (decision 036); each row still checked in order. */
    private void statusChanges(List<Row> rows, ImportSession session) {
        session.prepare(rows, List.of("changed_by"), "lead");
        List<Row> accepted = new ArrayList<>(rows.size());
        List<ImportedStatusChange> batch = new ArrayList<>(rows.size());
        for (Row row : rows) {
            LeadId lead = session.lead(row, "lead");
            Instant at = row.instant("changed_at");
            LeadStatus to = row.choice("to_status", LeadStatus.class);
            UserId by = session.person(row, "changed_by");
            if (row.failed()) {
                continue;
            }
            accepted.add(row);
            batch.add(new ImportedStatusChange(lead, to, at, by, row.freeText("lost_reason")));
        }
        if (batch.isEmpty()) {
            return;
        }
        for (Refused refused : leads.importStatusChanges(batch)) {
            session.refused(accepted.get(refused.index()), refused.reason(), Map.of("reason", "lost_reason"));
        }
    }

    private void interactions(List<Row> rows, ImportSession session) {
        session.prepare(rows, List.of("username"), "lead");
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant now = clock.instant();
        List<Row> accepted = new ArrayList<>(rows.size());
        List<ImportedInteraction> batch = new ArrayList<>(rows.size());
        for (Row row : rows) {
            LeadId lead = session.lead(row, "lead");
            Instant at = row.instant("occurred_at");
            InteractionType type = row.choice("type", InteractionType.class);
            UserId user = session.person(row, "username");
            Integer score = row.integer("outcome_score");
            LocalDate due = row.date("next_step_due");
            row.mustBeEmpty("campaign");
            row.mustBeEmpty("content");
            if (row.failed()) {
                continue;
            }
            String nextStep = row.freeText("next_step");
            // history: a next step due before today counts as done when imported (decision 014)
            Instant doneAt = nextStep != null && (due == null || due.isBefore(today)) ? now : null;
            accepted.add(row);
            batch.add(new ImportedInteraction(lead, at, type, user, score, row.freeText("summary"), nextStep, due,
                    doneAt));
        }
        if (batch.isEmpty()) {
            return;
        }
        for (Refused refused : interactions.importInteractions(batch)) {
            session.refused(accepted.get(refused.index()), refused.reason(), Map.of());
        }
        batch.forEach(i -> session.touched(i.lead()));
    }

    /** After the last batch of a file without problems: what a kind keeps besides its rows. */
    void finish(ImportKind kind, ImportSession session) {
        if (kind == ImportKind.INTERACTIONS) {
            interactions.refreshLeads(session.touchedLeads());
        }
    }

    private void handoffs(List<Row> rows, ImportSession session) {
        session.prepare(rows, List.of("from_user", "to_user"), "lead");
        for (Row row : rows) {
            LeadId lead = session.lead(row, "lead");
            Instant createdAt = row.instant("created_at");
            UserId from = session.person(row, "from_user");
            UserId to = session.person(row, "to_user");
            HandoffState decision = row.choice("decision", HandoffState.class);
            Instant decidedAt = row.instant("decided_at");
            RejectReason reason = row.choice("reason_code", RejectReason.class);
            if (row.failed()) {
                continue;
            }
            try {
                handoffs.importHandoff(new ImportedHandoff(lead, createdAt, from, to, decision, decidedAt, reason,
                        row.freeText("note"), null));
            } catch (BusinessRuleException e) {
                session.refused(row, e, Map.of());
            }
        }
    }

    private void purchases(List<Row> rows, ImportSession session) {
        session.prepare(rows, List.of(), "lead");
        for (Row row : rows) {
            LeadId lead = session.lead(row, "lead");
            LocalDate on = row.date("purchased_on");
            BigDecimal amount = row.decimal("amount");
            if (row.failed()) {
                continue;
            }
            try {
                purchases.importPurchase(new ImportedPurchase(lead, on, amount, row.text("order_ref"),
                        on.atStartOfDay(zone).toInstant()));
            } catch (BusinessRuleException e) {
                session.refused(row, e, Map.of());
            }
        }
    }

    private void spend(List<Row> rows, ImportSession session) {
        for (Row row : rows) {
            String channel = session.channel(row, "channel");
            YearMonth month = row.month("month");
            BigDecimal amount = row.decimal("amount");
            if (row.failed()) {
                continue;
            }
            try {
                purchases.importSpend(channel, month, amount);
            } catch (BusinessRuleException e) {
                session.refused(row, e, Map.of());
            }
        }
    }
}
