package app.ponte.lead.ui;

import app.ponte.base.ui.Formats;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadStatus;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.Instant;

/**
 * The top of the lead page: name, status, company, owner, days in status, at-risk and lost marks,
 * and the notice that someone changed the lead while the user was editing. Built once; a refresh
 * only sets the texts that changed, so a live update sends a few properties, not a new header.
 */
class LeadHeader extends Div {

    private final H2 title = new H2();
    private final Span status = new Span();
    private final Span company = new Span();
    private final Span owner = new Span();
    private final Span days = new Span();
    private final Span risk = new Span();
    private final Span lostText = new Span();
    private final Div lost = new Div(lostText);
    private Span changedElsewhere;

    LeadHeader() {
        addClassName("ponte-lead-header");
        title.setId("lead-title");
        status.setId("lead-status");
        risk.setId("lead-at-risk");
        risk.getElement().getThemeList().add("badge error");
        lost.setId("lead-lost");
        lost.addClassName("ponte-lead-lost");
        var facts = new HorizontalLayout(status, company, owner, days, risk);
        facts.setId("lead-facts");
        // on a phone the facts wrap as whole items below the name, never word by word
        facts.addClassName("ponte-lead-facts");
        facts.setWrap(true);
        facts.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(title, facts, lost);
    }

    /** @param reasonText a stored reason as people read it (coded reasons translated) */
    void refresh(LeadDetails d, Instant now, java.util.function.UnaryOperator<String> reasonText) {
        title.setText(d.name());
        status.setText(getTranslation("status." + d.status().name()));
        status.getElement().setAttribute("theme", d.status() == LeadStatus.LOST ? "badge error"
                : d.status() == LeadStatus.WON ? "badge success" : "badge");
        company.setText(d.company() == null ? "" : d.company());
        company.setVisible(d.company() != null);
        owner.setText(getTranslation("lead.page.owner", d.owner().fullName()));
        days.setText(getTranslation("lead.page.days-in-status", Formats.days(d.statusChangedAt(), now)));
        risk.setVisible(d.atRisk());
        if (d.atRisk()) {
            risk.setText(getTranslation("lead.at-risk"));
            risk.setTitle(getTranslation("lead.at-risk-title"));
        }
        lost.setVisible(d.status() == LeadStatus.LOST);
        if (d.status() == LeadStatus.LOST) {
            lostText.setText(getTranslation("lead.page.lost-from", getTranslation("status." + d.lostFrom().name()),
                    d.lostReason() == null ? "" : reasonText.apply(d.lostReason())));
        }
    }

    /** Shows (or clears) "someone changed this lead meanwhile" while the user holds unsaved edits. */
    void showChangedElsewhere(boolean shown) {
        if (shown && changedElsewhere == null) {
            changedElsewhere = new Span(getTranslation("lead.page.changed-elsewhere"));
            changedElsewhere.setId("lead-changed-elsewhere");
            changedElsewhere.addClassName("ponte-changed-elsewhere");
            add(changedElsewhere);
        } else if (!shown && changedElsewhere != null) {
            remove(changedElsewhere);
            changedElsewhere = null;
        }
    }
}
