package app.ponte.lead;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.Refused;
import app.ponte.lead.query.LeadQuery;
import app.ponte.lead.repository.ChannelEntity;
import app.ponte.lead.repository.ChannelRepository;
import app.ponte.lead.repository.LeadActivityRows;
import app.ponte.lead.repository.LeadEntity;
import app.ponte.lead.repository.LeadHistoryWriter;
import app.ponte.lead.repository.LeadRepository;
import app.ponte.lead.repository.StatusChangeRepository;
import app.ponte.security.AppRoles;
import app.ponte.security.CurrentUser;
import app.ponte.security.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The door to a lead's history, for those who write the past rather than live work: the CSV import,
 * demo data and the interaction history's outcome summaries. Leads and status changes come with their
 * own times and authors, are checked as {@link LeadService} checks live ones (fields, the order of
 * statuses) and publish no live signal; inside the transaction they publish {@link LeadsWritten} (leads, and
 * the moves of their changes, decision 044), {@link StatusChangesWritten} and {@link LeadActivityWritten} (once
 * per batch), so statistics count them (decisions 036, 039). Administrators
 * only. Split from {@link LeadService}, which keeps the screens' API (decision 032).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(AppRoles.HAS_ADMIN)
public class LeadHistoryService {

    private final LeadRepository leads;
    private final StatusChangeRepository statusChanges;
    private final ChannelRepository channels;
    private final LeadQuery query;
    private final CurrentUser currentUser;
    private final LeadHistoryWriter historyWriter;
    private final ApplicationEventPublisher events;
    private final LeadActivityRows activityRows;

    LeadHistoryService(LeadRepository leads, StatusChangeRepository statusChanges, ChannelRepository channels,
            LeadQuery query, CurrentUser currentUser, LeadHistoryWriter historyWriter, ApplicationEventPublisher events,
            LeadActivityRows activityRows) {
        this.activityRows = activityRows;
        this.leads = leads;
        this.statusChanges = statusChanges;
        this.channels = channels;
        this.query = query;
        this.currentUser = currentUser;
        this.historyWriter = historyWriter;
        this.events = events;
    }

    /**
     * The same for many leads at once, after a history import of interactions: one JDBC batch, no live
     * signal (imported history fires nothing); inside the transaction one {@link LeadActivityWritten} for the
     * leads whose last activity moved, their rows locked in id order before the update (decision 039). Only
     * the interaction feature calls this.
     */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public void interactionsChanged(Collection<OutcomeSummary> summaries) {
        List<Long> ids = summaries.stream().map(s -> s.lead().value()).distinct().toList();
        Map<Long, LeadActivityWritten.Key> before = activityRows.lock(ids);
        historyWriter.updateOutcomeSummaries(summaries.stream()
                .map(s -> new LeadHistoryWriter.Outcome(s.lead().value(), s.lastAt(), s.lastScore(), s.atRisk()))
                .toList());
        Map<Long, LeadActivityWritten.Key> after = activityRows.read(ids);
        List<LeadActivityWritten.Change> moved = before.entrySet().stream()
                .map(e -> new LeadActivityWritten.Change(e.getValue(), after.get(e.getKey())))
                .filter(LeadActivityWritten.Change::moved).toList();
        if (!moved.isEmpty()) {
            events.publishEvent(new LeadActivityWritten(moved));
        }
    }

    /** Stores a lead from history with its own creation time and author; no live signal is published. */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public LeadId importLead(ImportedLead lead) {
        if (lead.externalId() != null && leads.existsByExternalId(lead.externalId())) {
            throw new BusinessRuleException("external_id", "lead.error.duplicate-external-id", lead.externalId());
        }
        if (!channels.existsById(lead.channelCode())) {
            throw new BusinessRuleException("channel", "lead.error.unknown-channel", lead.channelCode());
        }
        var entity = new LeadEntity(LeadService.requireName(lead.name()), lead.channelCode(),
                lead.owner().value(), lead.createdBy().value(), lead.createdAt());
        entity.setExternalId(lead.externalId());
        entity.setCompany(LeadService.optional(lead.company(), 160, "company"));
        String email = LeadService.checkEmail(lead.email());
        entity.setEmail(email, LeadService.emailKey(email));
        entity.setPhone(LeadService.checkPhone(lead.phone()));
        entity.setIntent(lead.intent());
        entity.setExpectedValue(LeadService.checkValue(lead.expectedValue()));
        entity.touch(currentUser.requireUsername(), lead.createdAt());
        LeadEntity saved = leads.saveAndFlush(entity);
        // in the transaction, after the flush: statistics count the lead before the commit (decisions 036, 039)
        events.publishEvent(LeadsWritten.inserted(List.of(LeadService.leadKey(saved))));
        events.publishEvent(LeadActivityWritten.inserted(List.of(LeadService.activityKey(saved))));
        return new LeadId(saved.getId());
    }

    /**
     * Stores leads from history in one batch (the CSV import): each is checked as
     * {@link #importLead} checks one, and must carry an external id not yet used (by a stored lead
     * or an earlier one of the batch). The accepted ones are written with one JDBC batch and one
     * {@link LeadsWritten} is published for them all. Returns the refused ones by position.
     */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public List<Refused> importLeads(List<ImportedLead> batch) {
        Map<String, ChannelEntity> channelsByCode = new java.util.HashMap<>();
        channels.findAll().forEach(c -> channelsByCode.put(c.getCode(), c));
        Set<String> taken = new HashSet<>(query.idsByExternalId(batch.stream().map(ImportedLead::externalId)
                .filter(java.util.Objects::nonNull).distinct().toList()).keySet());
        String by = currentUser.requireUsername();
        List<Refused> refused = new ArrayList<>();
        List<LeadHistoryWriter.Row> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            ImportedLead lead = batch.get(i);
            try {
                String externalId = LeadService.optional(lead.externalId(), 64, "external_id");
                if (externalId == null) {
                    throw new BusinessRuleException("external_id", "lead.error.external-id-required");
                }
                if (!taken.add(externalId)) {
                    throw new BusinessRuleException("external_id", "lead.error.duplicate-external-id", externalId);
                }
                if (lead.channelCode() == null || !channelsByCode.containsKey(lead.channelCode())) {
                    throw new BusinessRuleException("channel", "lead.error.unknown-channel", lead.channelCode());
                }
                if (lead.createdAt() == null || lead.owner() == null || lead.createdBy() == null) {
                    throw new IllegalArgumentException("an imported lead needs its time, owner and author");
                }
                String email = LeadService.checkEmail(lead.email());
                rows.add(new LeadHistoryWriter.Row(externalId, LeadService.requireName(lead.name()),
                        LeadService.optional(lead.company(), 160, "company"), email, LeadService.emailKey(email),
                        LeadService.checkPhone(lead.phone()),
                        lead.channelCode(), lead.intent() == null ? null : lead.intent().name(),
                        LeadService.checkValue(lead.expectedValue()), lead.owner().value(), lead.createdBy().value(),
                        lead.createdAt(), by));
            } catch (BusinessRuleException e) {
                refused.add(new Refused(i, e));
            }
        }
        historyWriter.insert(rows);
        if (!rows.isEmpty()) {
            events.publishEvent(LeadsWritten.inserted(rows.stream().map(r -> LeadsWritten.Key.created(r.createdAt(),
                    new UserId(r.createdById()), r.channelCode())).toList()));
            // a new lead from history is NEW, last active when it was created (as LeadHistoryWriter writes it)
            events.publishEvent(LeadActivityWritten.inserted(rows.stream()
                    .map(r -> new LeadActivityWritten.Key(LeadStatus.NEW, r.createdAt())).toList()));
        }
        return refused;
    }

    /** The leads carrying these external ids (history refers to leads so), by external id. */
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public Map<String, LeadId> idsByExternalId(Collection<String> externalIds) {
        return query.idsByExternalId(externalIds);
    }

    /** Appends a status change from history; only the order of statuses is checked. */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public void importStatusChange(LeadId id, LeadStatus to, Instant at, UserId by, String reason) {
        Moves moves = new Moves();
        StatusChangesWritten.Key key = append(id, to, at, by, reason, moves);
        statusChanges.flush();
        // in the transaction, after the flush: statistics count the change before the commit (decisions 036, 039,
        // 044), in the order of a live move
        events.publishEvent(new LeadsWritten(LeadService.withTimesToCustomer(leads, moves.cohort)));
        events.publishEvent(StatusChangesWritten.of(List.of(key)));
        events.publishEvent(new LeadActivityWritten(List.copyOf(moves.activity.values())));
    }

    /**
     * Appends status changes from history in one batch (the CSV import), each checked as
     * {@link #importStatusChange} checks one, in order (a later change of the batch follows an earlier
     * one of the same lead); one {@link LeadsWritten}, {@link StatusChangesWritten} and {@link LeadActivityWritten}
     * for the accepted ones. Returns the refused ones by position.
     */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public List<Refused> importStatusChanges(List<ImportedStatusChange> batch) {
        List<Refused> refused = new ArrayList<>();
        List<StatusChangesWritten.Key> keys = new ArrayList<>(batch.size());
        Moves moves = new Moves();
        for (int i = 0; i < batch.size(); i++) {
            ImportedStatusChange change = batch.get(i);
            try {
                keys.add(append(change.lead(), change.to(), change.at(), change.by(), change.reason(), moves));
            } catch (BusinessRuleException e) {
                refused.add(new Refused(i, e));
            }
        }
        if (!keys.isEmpty()) {
            statusChanges.flush();
            events.publishEvent(new LeadsWritten(LeadService.withTimesToCustomer(leads, moves.cohort)));
            events.publishEvent(StatusChangesWritten.of(keys));
            events.publishEvent(new LeadActivityWritten(List.copyOf(moves.activity.values())));
        }
        return refused;
    }

    /**
     * Each lead's keys in the statistics before its first change of a batch and after its latest: among the
     * created leads (its cohort, decision 044) and among the open leads (decision 039).
     */
    private static final class Moves {
        final Map<Long, LeadsWritten.Change> cohort = new LinkedHashMap<>();
        final Map<Long, LeadActivityWritten.Change> activity = new LinkedHashMap<>();
    }

    /**
     * Appends one change, the lead loaded with its row locked (decision 039); {@code moves} gathers each lead's
     * keys before its first change of the batch and after its latest.
     */
    private StatusChangesWritten.Key append(LeadId id, LeadStatus to, Instant at, UserId by, String reason,
            Moves moves) {
        // a lead already moved in this batch is locked and managed already: no second query (and no flush)
        LeadEntity lead = (moves.activity.containsKey(id.value()) ? leads.findById(id.value())
                : leads.lockById(id.value()))
                .orElseThrow(() -> new BusinessRuleException(null, "lead.error.not-found"));
        if (to != null && at != null && query.hasStatusChange(id, to, at)) {
            throw new BusinessRuleException("changed_at", "lead.error.duplicate-status-change", to.name(), at);
        }
        if (!Lifecycle.importable(lead.getStatus(), to)) {
            throw new BusinessRuleException("to_status", "lead.error.import-order", lead.getStatus().name(), to.name());
        }
        if (at.isBefore(lead.getStatusChangedAt())) {
            throw new BusinessRuleException("changed_at", "lead.error.import-time");
        }
        if (to == LeadStatus.LOST && (reason == null || reason.isBlank())) {
            throw new BusinessRuleException("lost_reason", "lead.error.lost-reason-required");
        }
        LeadsWritten.Key leadBefore = LeadService.leadKey(lead);
        LeadActivityWritten.Key before = LeadService.activityKey(lead);
        StatusChangesWritten.Key key = LeadService.record(statusChanges, lead, to, at, by, reason);
        LeadsWritten.Change earlierMove = moves.cohort.get(lead.getId());
        moves.cohort.put(lead.getId(), new LeadsWritten.Change(earlierMove == null ? leadBefore : earlierMove.before(),
                LeadService.leadKey(lead)));
        LeadActivityWritten.Change earlier = moves.activity.get(lead.getId());
        moves.activity.put(lead.getId(), new LeadActivityWritten.Change(earlier == null ? before : earlier.before(),
                LeadService.activityKey(lead)));
        return key;
    }
}
