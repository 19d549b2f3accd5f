package app.ponte.handoff.ui;

import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.Formats;
import app.ponte.handoff.HandoffEntry;
import app.ponte.handoff.HandoffService;
import app.ponte.handoff.HandoffState;
import app.ponte.handoff.RejectReason;
import app.ponte.lead.LeadAction;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadExtension;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.LeadTimelineItem;
import app.ponte.security.UserService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Handoffs on the lead views: "Hand off to sales" wherever a lead is shown (for marketing and
 * managers), "handed off, waiting" or the rejection reason prominently on the lead page, and each
 * step of every handoff in the lead's timeline. (The lead page re-reads itself on the lead's
 * live signal, which the handoff service sends.)
 */
@org.springframework.stereotype.Component
class HandoffLeadExtension implements LeadExtension {

    private final HandoffService handoffs;
    private final LeadService leads;
    private final UserService users;

    HandoffLeadExtension(HandoffService handoffs, LeadService leads, UserService users) {
        this.handoffs = handoffs;
        this.leads = leads;
        this.users = users;
    }

    @Override
    public List<LeadAction> actions() {
        if (!handoffs.mayHandOff()) {
            return List.of();
        }
        // offered only where the lifecycle allows a handoff (an MQL); the lead may have moved since
        // the view was drawn, so the click checks again and says why instead of opening the dialog
        return List.of(new LeadAction("handoff", "handoff.action", (id, refresh) -> leads.get(id).ifPresent(lead -> {
            var refusal = leads.handoffRefusal(lead.status());
            if (refusal.isPresent()) {
                FormErrors.error(new Span().getTranslation(refusal.get(), statusLabel(lead.status())));
                refresh.run();
                return;
            }
            new HandoffDialog(handoffs, users, lead, refresh).open();
        }), status -> leads.handoffRefusal(status).isEmpty()));
    }

    @Override
    public List<Component> summary(LeadDetails lead) {
        List<HandoffEntry> all = handoffs.forLead(lead.id());
        if (all.isEmpty()) {
            return List.of();
        }
        HandoffEntry last = all.getLast();
        var box = new Div();
        if (last.pending()) {
            box.setId("handoff-waiting");
            box.addClassName("ponte-handoff-waiting");
            String since = Formats.dateTime(last.createdAt(), handoffs.zone(), locale(box));
            box.add(new Span(last.to() == null ? box.getTranslation("handoff.summary.waiting-queue", since)
                    : box.getTranslation("handoff.summary.waiting", last.to().fullName(), since)));
            return List.of(box);
        }
        if (last.state() == HandoffState.REJECTED && lead.status() == LeadStatus.NEW) {
            box.setId("handoff-rejected");
            box.addClassName("ponte-handoff-rejected");
            String by = last.decidedBy() == null ? "—" : last.decidedBy().fullName();
            var what = new Span(box.getTranslation("handoff.summary.rejected", by,
                    box.getTranslation("handoff.reason." + last.reason().name())));
            what.addClassName("ponte-handoff-reason");
            box.add(what);
            if (last.decisionNote() != null) {
                var note = new Span(last.decisionNote());
                note.setId("handoff-rejected-note");
                box.add(note);
            }
            return List.of(box);
        }
        return List.of();
    }

    /** How {@code HandoffService.reject} (and the demo data) store a rejection on the lead: {@code CODE: note}. */
    private static final Pattern CODED_REASON = Pattern.compile("([A-Z_]+)(?::\\s?(.*))?", Pattern.DOTALL);

    /** A rejection stored on the lead as {@code NO_CONTACT: note} reads "No contact: note" (translated). */
    @Override
    public Optional<String> reasonText(String reason) {
        Matcher m = CODED_REASON.matcher(reason.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        RejectReason code;
        try {
            code = RejectReason.valueOf(m.group(1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        var texts = new Div();
        String name = texts.getTranslation("handoff.reason." + code.name());
        String note = m.group(2) == null ? "" : m.group(2).strip();
        return Optional.of(note.isEmpty() ? name : texts.getTranslation("handoff.reason-with-note", name, note));
    }

    @Override
    public List<LeadTimelineItem> timeline(LeadDetails lead, Runnable refresh) {
        List<LeadTimelineItem> items = new ArrayList<>();
        var texts = new Div();
        for (HandoffEntry h : handoffs.forLead(lead.id())) {
            String from = h.from().fullName();
            items.add(new LeadTimelineItem(h.createdAt(), entry(h, h.createdAt(), h.viaQueue()
                    ? texts.getTranslation("handoff.timeline.sent-queue", from)
                    : texts.getTranslation("handoff.timeline.sent", from, h.to() == null ? "—" : h.to().fullName()),
                    h.note())));
            if (h.viaQueue() && h.claimedAt() != null && h.to() != null) {
                items.add(new LeadTimelineItem(h.claimedAt(), entry(h, h.claimedAt(),
                        texts.getTranslation("handoff.timeline.claimed", h.to().fullName()), null)));
            }
            if (h.decidedAt() != null) {
                String by = h.decidedBy() != null ? h.decidedBy().fullName() : h.to() != null ? h.to().fullName() : "—";
                String text = h.state() == HandoffState.ACCEPTED
                        ? texts.getTranslation("handoff.timeline.accepted", by)
                        : texts.getTranslation("handoff.timeline.rejected", by,
                                texts.getTranslation("handoff.reason." + h.reason().name()));
                items.add(new LeadTimelineItem(h.decidedAt(), entry(h, h.decidedAt(), text, h.decisionNote())));
            }
        }
        return items;
    }

    private Div entry(HandoffEntry h, java.time.Instant at, String text, String note) {
        var entry = new Div();
        entry.addClassName("ponte-timeline-entry");
        entry.getElement().setAttribute("data-kind", "handoff");
        entry.getElement().setAttribute("data-handoff", Long.toString(h.id().value()));
        var what = new Span(text);
        what.addClassName("ponte-timeline-what");
        String when = Formats.dateTime(at, handoffs.zone(), locale(entry));
        var meta = new Span(h.imported() ? when + " · " + entry.getTranslation("handoff.timeline.imported") : when);
        meta.addClassName("ponte-timeline-when");
        entry.add(what, meta);
        if (note != null) {
            var reason = new Span(note);
            reason.addClassName("ponte-timeline-reason");
            entry.add(reason);
        }
        return entry;
    }

    private static String statusLabel(LeadStatus status) {
        return new Span().getTranslation("status." + status.name());
    }

    private static Locale locale(Component c) {
        return com.vaadin.flow.component.UI.getCurrent() == null ? Locale.ENGLISH
                : com.vaadin.flow.component.UI.getCurrent().getLocale();
    }
}
