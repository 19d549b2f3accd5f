package app.ponte.lead.ui;

import app.ponte.lead.LeadAction;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.LeadSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.EffectAllowed;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/**
 * One lead on the bridge board: who, where from, how long in its status, the last outcome score,
 * and (for a lost lead) the status it fell from. It can be dragged onto another column, or moved
 * with its "Move…" menu.
 */
class BoardCard extends Div {

    /**
     * What the signed-in user may do with the lead now: the statuses the lifecycle lets them move it
     * to, in order, and the other features' actions that apply to it.
     */
    record MoveTargets(List<LeadStatus> allowed, List<LeadAction> actions) {
    }

    private final LeadSummary lead;
    private final long daysInStatus;
    private final Runnable refresh;
    final MoveMenu moveMenu;

    BoardCard(LeadSummary lead, long daysInStatus, Function<LeadId, MoveTargets> targets,
            BiConsumer<LeadId, LeadStatus> move) {
        this(lead, daysInStatus, targets, move, () -> { });
    }

    /** A card whose menu also offers other features' actions; {@code refresh} redraws the lead after one. */
    BoardCard(LeadSummary lead, long daysInStatus, Function<LeadId, MoveTargets> targets,
            BiConsumer<LeadId, LeadStatus> move, Runnable refresh) {
        this.lead = lead;
        this.daysInStatus = daysInStatus;
        this.refresh = refresh;
        setId("card-" + lead.id());
        addClassName("ponte-card");
        if (lead.status() == LeadStatus.LOST) {
            addClassName("ponte-card-lost");
        }
        if (lead.atRisk()) {
            addClassName("ponte-card-at-risk");
        }

        var name = new Anchor(LeadLinks.LEADS_ROUTE + "/" + lead.id(), lead.name());
        name.setId("card-name-" + lead.id());
        name.addClassName("ponte-card-name");
        // dragging the card, not the link's URL
        name.getElement().setAttribute("draggable", "false");

        var moveButton = new Button(getTranslation("board.card.move"));
        moveButton.setId("move-" + lead.id());
        moveButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        moveButton.addClassName("ponte-card-move");
        moveMenu = new MoveMenu(moveButton, targets, move);

        var head = new Div(name, moveButton);
        head.addClassName("ponte-card-head");
        add(head);

        if (lead.company() != null && !lead.company().isBlank()) {
            var company = new Span(lead.company());
            company.addClassName("ponte-card-company");
            add(company);
        }
        var owner = new Span(VaadinIcon.USER.create(), new Span(lead.ownerFullName()));
        owner.addClassName("ponte-card-owner");
        add(owner);

        var foot = new Div();
        foot.addClassName("ponte-card-foot");
        var days = new Span(VaadinIcon.CLOCK.create(), new Span(getTranslation("board.card.days", daysInStatus)));
        days.addClassName("ponte-card-days");
        days.setTitle(getTranslation("board.card.days-title"));
        foot.add(days);
        if (lead.lastOutcomeScore() != null) {
            var score = new Span(getTranslation("board.card.score", lead.lastOutcomeScore()));
            score.addClassName("ponte-card-score");
            score.getElement().getThemeList().add("badge small");
            score.setTitle(getTranslation("board.card.score-title", lead.lastOutcomeScore()));
            foot.add(score);
        }
        if (lead.atRisk()) {
            var risk = new Span(getTranslation("lead.at-risk"));
            risk.setId("card-at-risk-" + lead.id());
            risk.addClassName("ponte-at-risk");
            risk.getElement().getThemeList().add("badge error small");
            risk.setTitle(getTranslation("lead.at-risk-title"));
            foot.add(risk);
        }
        if (lead.status() == LeadStatus.LOST && lead.lostFrom() != null) {
            var lostFrom = new Span(getTranslation("board.card.lost-from", statusLabel(lead.lostFrom())));
            lostFrom.addClassName("ponte-card-lost-from");
            lostFrom.getElement().getThemeList().add("badge error small");
            foot.add(lostFrom);
        }
        add(foot);

        DragSource<BoardCard> drag = DragSource.create(this);
        drag.setEffectAllowed(EffectAllowed.MOVE);
    }

    LeadSummary lead() {
        return lead;
    }

    /** Whether this card already shows exactly that: the board keeps such a card instead of building it again. */
    boolean shows(LeadSummary other, long days) {
        return lead.equals(other) && daysInStatus == days;
    }

    private String statusLabel(LeadStatus status) {
        return getTranslation("status." + status.name());
    }

    /**
     * The card's "Move…" menu. It is filled when it opens (a server round trip happens anyway), so
     * the board asks for each lead's allowed moves only when someone wants to move it. It offers only
     * what the lifecycle allows this user now (a drop on any column can still be tried, and the
     * service then says why it refuses), then the other features' actions that apply to the lead.
     */
    final class MoveMenu extends ContextMenu {

        private final Function<LeadId, MoveTargets> targets;
        private final BiConsumer<LeadId, LeadStatus> move;

        MoveMenu(Component target, Function<LeadId, MoveTargets> targets, BiConsumer<LeadId, LeadStatus> move) {
            super(target);
            this.targets = targets;
            this.move = move;
            setOpenOnClick(true);
        }

        @Override
        protected boolean onBeforeOpenMenu(ObjectNode eventDetail) {
            fill();
            return super.onBeforeOpenMenu(eventDetail);
        }

        void fill() {
            removeAll();
            MoveTargets choices = targets.apply(lead.id());
            if (choices.allowed().isEmpty()) {
                addItem(getTranslation("board.card.no-moves")).setEnabled(false);
            }
            for (LeadStatus status : choices.allowed()) {
                addItem(statusLabel(status), e -> move.accept(lead.id(), status))
                        .setId("card-move-" + status.name() + "-" + lead.id());
            }
            if (!choices.actions().isEmpty()) {
                addSeparator();
                for (LeadAction action : choices.actions()) {
                    addItem(getTranslation(action.labelKey()), e -> action.handler().run(lead.id(), refresh))
                            .setId("card-action-" + action.id() + "-" + lead.id());
                }
            }
        }
    }
}
