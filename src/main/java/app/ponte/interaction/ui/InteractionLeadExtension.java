package app.ponte.interaction.ui;

import app.ponte.base.PonteProperties;
import app.ponte.interaction.InteractionEntry;
import app.ponte.interaction.InteractionRights;
import app.ponte.interaction.InteractionService;
import app.ponte.interaction.InteractionType;
import app.ponte.interaction.query.InteractionQuery;
import app.ponte.lead.LeadAction;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadExtension;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadTimelineItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import app.ponte.security.CurrentUser;
import app.ponte.security.UserService;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Interactions on the lead views: "Log interaction" and "Log call" wherever a lead is shown, each
 * interaction in the lead's timeline, and the outcome scores so far on the lead page.
 */
@org.springframework.stereotype.Component
class InteractionLeadExtension implements LeadExtension {

    private final InteractionUi ui;

    InteractionLeadExtension(InteractionService interactions, LeadService leads, UserService users,
            CurrentUser currentUser, Clock clock, PonteProperties properties) {
        this.ui = new InteractionUi(interactions, leads, users, currentUser, clock, properties);
    }

    @Override
    public List<LeadAction> actions() {
        // an ADMIN reads a lead's interactions but logs none: no action the service would refuse
        if (!ui.interactions().mayLog()) {
            return List.of();
        }
        return List.of(
                new LeadAction("log-interaction", "interaction.log",
                        (lead, refresh) -> new LogInteractionDialog(ui, lead, InteractionType.CALL, refresh).open()),
                new LeadAction("log-call", "interaction.log-call",
                        (lead, refresh) -> new LogInteractionDialog(ui, lead, InteractionType.CALL, refresh).open()));
    }

    @Override
    public List<Component> summary(LeadDetails lead) {
        InteractionQuery.OutcomeAverage average = ui.interactions().averageOutcome(lead.id());
        if (average.scored() == 0) {
            return List.of();
        }
        var box = new Div();
        box.setId("interaction-outcomes");
        box.addClassName("ponte-outcomes");
        if (lead.lastOutcomeScore() != null) {
            box.add(new Span(box.getTranslation("interaction.summary.last")),
                    InteractionEntryView.scoreChip(box, lead.lastOutcomeScore()));
        }
        NumberFormat format = NumberFormat.getNumberInstance(
                UI.getCurrent() == null ? Locale.getDefault() : UI.getCurrent().getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        var avg = new Span(box.getTranslation("interaction.summary.average", format.format(average.average()),
                average.scored()));
        avg.setId("interaction-average");
        box.add(avg);
        return List.of(box);
    }

    @Override
    public List<LeadTimelineItem> timeline(LeadDetails lead, Runnable refresh) {
        List<LeadTimelineItem> items = new ArrayList<>();
        List<InteractionEntry> entries = ui.interactions().forLead(lead.id());
        if (entries.isEmpty()) {
            return items;
        }
        // one look-up of the signed-in user for the whole timeline, not one per entry
        InteractionRights rights = ui.interactions().rights();
        for (InteractionEntry entry : entries) {
            items.add(new LeadTimelineItem(entry.occurredAt(), new InteractionEntryView(ui, rights, entry, refresh)));
        }
        return items;
    }
}
