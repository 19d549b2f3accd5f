package app.ponte.interaction;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.Refused;
import app.ponte.interaction.repository.InteractionHistoryWriter;
import app.ponte.interaction.query.InteractionQuery;
import app.ponte.interaction.repository.InteractionEntity;
import app.ponte.interaction.repository.InteractionRepository;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadHistoryService;
import app.ponte.lead.LeadStatus;
import app.ponte.security.AppRoles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interactions from history (CSV import, demo data): stored with their own time and author, the
 * lead's status at that time read from its history, checked by the same value rules as live ones
 * (score 1–5, required for calls and meetings, due date not before the interaction). No live
 * signal; {@link InteractionsChanged} inside the transaction, so statistics count them (decision 034).
 */
@Service
@PreAuthorize(AppRoles.HAS_ADMIN)
public class InteractionHistory {

    private final InteractionRepository interactions;
    private final InteractionQuery query;
    private final LeadHistoryService leads;
    private final InteractionHistoryWriter writer;
    private final ApplicationEventPublisher events;

    private static final int NEXT_STEP_MAX = 500;

    InteractionHistory(InteractionRepository interactions, InteractionQuery query, LeadHistoryService leads,
            InteractionHistoryWriter writer, ApplicationEventPublisher events) {
        this.writer = writer;
        this.events = events;
        this.interactions = interactions;
        this.query = query;
        this.leads = leads;
    }

    @Transactional
    public InteractionId importInteraction(ImportedInteraction input) {
        check(input);
        LeadStatus status = query.statusAt(input.lead(), input.occurredAt())
                .orElseThrow(() -> new BusinessRuleException("lead", "interaction.error.lead-required"));
        var entity = new InteractionEntity(input.lead().value(), input.user().value(), input.user().value(), status,
                input.occurredAt());
        entity.setType(input.type());
        entity.setOccurredAt(input.occurredAt());
        entity.setSummary(input.summary() == null || input.summary().isBlank() ? null : input.summary().strip());
        entity.setOutcomeScore(input.outcomeScore());
        entity.setNextStep(input.nextStep() == null || input.nextStep().isBlank() ? null : input.nextStep().strip(),
                input.nextStepDue());
        entity.setNextStepDoneAt(input.nextStepDoneAt());
        entity.touch("import", input.occurredAt());
        InteractionEntity saved = interactions.saveAndFlush(entity);
        // in the transaction, after the flush: statistics count the row before the commit (decision 034)
        events.publishEvent(InteractionsChanged.inserted(List.of(InteractionService.key(saved))));
        return new InteractionId(saved.getId());
    }

    /**
     * Stores interactions from history in one batch (the CSV import): each checked as
     * {@link #importInteraction} checks one, refused when the lead already has an interaction of
     * the same type, instant and person (a file imported twice) and written with one JDBC batch.
     * The caller then calls {@link #refreshLeads} once for all the leads it touched. The leads must
     * exist (the caller resolved them). Returns the refused ones by position; nothing is published.
     */
    @Transactional
    public List<Refused> importInteractions(List<ImportedInteraction> batch) {
        List<Long> leadIds = batch.stream().map(i -> i.lead().value()).distinct().toList();
        Set<String> known = query.historyKeys(leadIds);
        List<Refused> refused = new ArrayList<>();
        List<InteractionHistoryWriter.Row> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            ImportedInteraction input = batch.get(i);
            try {
                check(input);
                if (!known.add(InteractionQuery.historyKey(input.lead().value(), input.occurredAt(),
                        input.type().name(), input.user().value()))) {
                    throw new BusinessRuleException("occurred_at", "interaction.error.duplicate-history");
                }
                String nextStep = input.nextStep() == null || input.nextStep().isBlank() ? null : input.nextStep().strip();
                rows.add(new InteractionHistoryWriter.Row(input.lead().value(), input.user().value(),
                        input.type().name(), input.occurredAt(), input.outcomeScore(),
                        input.summary() == null || input.summary().isBlank() ? null : input.summary().strip(),
                        nextStep, input.nextStepDue(), nextStep == null ? null : input.nextStepDoneAt()));
            } catch (BusinessRuleException e) {
                refused.add(new Refused(i, e));
            }
        }
        writer.insert(rows);
        return refused;
    }

    private static void check(ImportedInteraction input) {
        if (input.type() == null) {
            throw new BusinessRuleException("type", "interaction.error.type-required");
        }
        if (input.occurredAt() == null) {
            throw new BusinessRuleException("occurred_at", "interaction.error.when-required");
        }
        if (input.type().requiresScore() && input.outcomeScore() == null) {
            throw new BusinessRuleException("outcome_score", "interaction.error.score-required");
        }
        if (input.outcomeScore() != null && (input.outcomeScore() < 1 || input.outcomeScore() > 5)) {
            throw new BusinessRuleException("outcome_score", "interaction.error.score-range");
        }
        if (input.summary() != null && input.summary().length() > InteractionService.SUMMARY_MAX) {
            throw new BusinessRuleException("summary", "interaction.error.too-long", InteractionService.SUMMARY_MAX);
        }
        if (input.nextStepDue() != null && (input.nextStep() == null || input.nextStep().isBlank())) {
            throw new BusinessRuleException("next_step", "interaction.error.next-step-required");
        }
        if (input.nextStep() != null && input.nextStep().strip().length() > NEXT_STEP_MAX) {
            throw new BusinessRuleException("next_step", "interaction.error.too-long", NEXT_STEP_MAX);
        }
        if (input.lead() == null || input.user() == null) {
            throw new IllegalArgumentException("an imported interaction needs its lead and person");
        }
    }

    /**
     * Recomputes the leads' outcome summaries (last interaction, last score, at risk) after an
     * import: per 1,000 leads one window-function query and one batch update, so each lead is
     * written once however many of its interactions the file held.
     */
    @Transactional
    public void refreshLeads(Collection<LeadId> leadIds) {
        interactions.flush();
        List<Long> ids = leadIds.stream().map(LeadId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            leads.interactionsChanged(query.outcomeSummaries(ids.subList(from, Math.min(ids.size(), from + 1000))));
        }
    }
}
