package app.ponte.interaction;

import app.ponte.base.BusinessRuleException;
import app.ponte.interaction.query.InteractionQuery;
import app.ponte.interaction.repository.InteractionEntity;
import app.ponte.interaction.repository.InteractionRepository;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import java.util.Collection;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interactions from history (CSV import, demo data): stored with their own time and author, the
 * lead's status at that time read from its history, checked by the same value rules as live ones
 * (score 1–5, required for calls and meetings, due date not before the interaction). No event.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class InteractionHistory {

    private final InteractionRepository interactions;
    private final InteractionQuery query;
    private final LeadService leads;

    InteractionHistory(InteractionRepository interactions, InteractionQuery query, LeadService leads) {
        this.interactions = interactions;
        this.query = query;
        this.leads = leads;
    }

    @Transactional
    public InteractionId importInteraction(ImportedInteraction input) {
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
        return new InteractionId(interactions.save(entity).getId());
    }

    /** Recomputes the leads' outcome summaries (last interaction, last score, at risk) after an import. */
    @Transactional
    public void refreshLeads(Collection<LeadId> leadIds) {
        interactions.flush();
        for (LeadId lead : leadIds) {
            InteractionQuery.OutcomeSummary summary = query.outcomeSummary(lead);
            leads.interactionsChanged(lead, summary.lastAt(), summary.lastScore(), summary.atRisk());
        }
    }
}
