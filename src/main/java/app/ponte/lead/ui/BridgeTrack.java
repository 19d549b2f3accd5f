package app.ponte.lead.ui;

import app.ponte.lead.BridgeStage;
import app.ponte.lead.LeadStatus;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Set;

/**
 * The bridge drawn for one lead: three spans with their statuses; the statuses the lead has
 * passed through are marked, the current one stands out, and a lost lead shows the break on the
 * span where it fell.
 */
class BridgeTrack extends Div {

    BridgeTrack(LeadStatus current, LeadStatus lostFrom, Set<LeadStatus> visited) {
        setId("lead-bridge");
        addClassName("ponte-track");
        BridgeStage brokenOn = current == LeadStatus.LOST && lostFrom != null ? lostFrom.stage() : null;
        for (BridgeStage stage : BridgeStage.values()) {
            var span = new Div();
            span.addClassName("ponte-track-span");
            if (stage == brokenOn) {
                span.addClassName("broken");
            }
            var title = new Span(getTranslation("stage." + stage.name()));
            title.addClassName("ponte-track-title");
            span.add(title);
            var steps = new Div();
            steps.addClassName("ponte-track-steps");
            for (LeadStatus status : stage.statuses()) {
                var step = new Span(getTranslation("status." + status.name()));
                step.addClassName("ponte-track-step");
                step.getElement().setAttribute("data-status", status.name());
                if (visited.contains(status)) {
                    step.addClassName("visited");
                }
                if (status == current || (current == LeadStatus.LOST && status == lostFrom)) {
                    step.addClassName(current == LeadStatus.LOST ? "fell" : "current");
                }
                steps.add(step);
            }
            span.add(steps);
            if (stage == brokenOn) {
                var broken = new Span(getTranslation("lead.page.broke-here"));
                broken.addClassName("ponte-track-break");
                span.add(broken);
            }
            add(span);
        }
    }
}
