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

    /**
     * The lifecycle's refusal, said about this move: which lead, from which status to which one, and
     * why (statuses in the user's words, not their codes), so a refused drop cannot be misread.
     */
    static String refusal(Component owner, LeadDetails lead, LeadStatus target, BusinessRuleException e) {
        Object[] arguments = java.util.Arrays.stream(e.arguments())
                .map(a -> a instanceof String name && isStatus(name) ? owner.getTranslation("status." + name) : a)
                .toArray();
        return owner.getTranslation("board.move.refused", lead.name(), owner.getTranslation("status." + lead.status().name()),
                owner.getTranslation("status." + target.name()), owner.getTranslation(e.messageKey(), arguments));
    }

    private static boolean isStatus(String name) {
        return java.util.Arrays.stream(LeadStatus.values()).anyMatch(s -> s.name().equals(name));
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
            if (e.field().filter("status"::equals).isPresent()) {
                FormErrors.error(refusal(owner, lead, target, e));
            } else {
                new FormErrors(owner).show(e);
            }
        } catch (ConcurrentEditException e) {
            new FormErrors(owner).show(e);
            onDone.run();
        }
    }
}
