package app.ponte.lead.ui;

import app.ponte.base.ui.Formats;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadTimelineItem;
import app.ponte.lead.StatusChangeEntry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The lead's timeline, newest first: its status changes and what other features add (interactions,
 * handoffs). A refresh renders the entries and keeps those already shown unchanged
 * ({@link KeepUnchanged}), so a new call adds one entry in the browser rather than the whole list.
 */
class LeadTimeline extends VerticalLayout {

    private final ZoneId zone;

    LeadTimeline(ZoneId zone) {
        this.zone = zone;
        setId("lead-timeline");
        setPadding(false);
        setSpacing(false);
    }

    void refresh(LeadDetails d, List<StatusChangeEntry> history, List<LeadTimelineItem> extra,
            java.util.function.UnaryOperator<String> reasonText) {
        record Entry(Instant at, long order, Component content) {
        }
        List<Entry> entries = new ArrayList<>();
        for (StatusChangeEntry change : history) {
            entries.add(new Entry(change.changedAt(), change.id(), statusEntry(change, reasonText)));
        }
        for (LeadTimelineItem item : extra) {
            entries.add(new Entry(item.at(), 0, item.content()));
        }
        entries.sort(Comparator.comparing(Entry::at).thenComparing(Entry::order).reversed());
        List<Component> shown = new ArrayList<>(entries.stream().map(Entry::content).toList());
        var created = new Div(new Span(getTranslation("lead.timeline.created",
                d.createdBy().fullName(), Formats.dateTime(d.createdAt(), zone, getLocale()))));
        created.addClassName("ponte-timeline-entry");
        shown.add(created);
        KeepUnchanged.update(this, shown);
    }

    private Div statusEntry(StatusChangeEntry change, java.util.function.UnaryOperator<String> reasonText) {
        var entry = new Div();
        entry.addClassName("ponte-timeline-entry");
        entry.getElement().setAttribute("data-kind", "status");
        var what = new Span(getTranslation("lead.timeline.moved", change.changedBy().fullName(),
                getTranslation("status." + change.from().name()), getTranslation("status." + change.to().name())));
        what.addClassName("ponte-timeline-what");
        var when = new Span(getTranslation("lead.timeline.when",
                Formats.dateTime(change.changedAt(), zone, getLocale()),
                Formats.duration(change.timeInPrevious()), getTranslation("status." + change.from().name())));
        when.addClassName("ponte-timeline-when");
        entry.add(what, when);
        if (change.reason() != null) {
            var reason = new Span(reasonText.apply(change.reason()));
            reason.addClassName("ponte-timeline-reason");
            entry.add(reason);
        }
        return entry;
    }
}
