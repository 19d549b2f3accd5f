package app.ponte.lead.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.ui.FormErrors;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.StatusMove;
import com.vaadin.flow.component.Component;
import java.util.Currency;

/**
 * Moving a lead, the same from the board and the lead page: LOST asks for the reason and
 * OPPORTUNITY for the value when the lead has none ({@link MoveDialog}); other moves go at once.
 * A move the rules refuse is sent as it is, so the service's refusal is what the user reads.
 */
final class LeadMoves {

    private LeadMoves() {
    }

    static void request(Component owner, LeadService leads, LeadDetails lead, LeadStatus target, Currency currency,
            Runnable onDone) {
        boolean needsInput = target == LeadStatus.LOST
                || (target == LeadStatus.OPPORTUNITY && lead.expectedValue() == null);
        if (needsInput && leads.allowedMoves(lead).contains(target)) {
            new MoveDialog(leads, lead, target, currency, onDone).open();
            return;
        }
        try {
            leads.move(lead.id(), StatusMove.to(target, lead.version()));
            FormErrors.success(owner.getTranslation("board.moved", lead.name(),
                    owner.getTranslation("status." + target.name())));
            onDone.run();
        } catch (BusinessRuleException e) {
            new FormErrors(owner).show(e);
        } catch (ConcurrentEditException e) {
            new FormErrors(owner).show(e);
            onDone.run();
        }
    }
}
