package app.ponte.interaction;

import app.ponte.security.UserId;
import java.time.Instant;

/**
 * What one signed-in user may do with interactions, decided once (one look-up of who they are)
 * and then applied to every entry of a timeline: the same rules the service enforces on writes.
 *
 * @param me the signed-in user
 * @param writer whether their roles may write interactions at all (MARKETING, SALES, MANAGER; an ADMIN
 *        only reads them, decision 022)
 * @param manager whether they are a manager (edits any interaction at any time, completes any next step)
 * @param now the time the edit window is measured against
 */
public record InteractionRights(UserId me, boolean writer, boolean manager, Instant now) {

    /** Authors (who had it or who logged it) within 24 hours of logging it; managers always. */
    public boolean mayEdit(InteractionEntry entry) {
        return editRefusal(entry.user().id(), entry.loggedBy().id(), entry.createdAt()) == null;
    }

    /** An open next step may be marked done by the person whose agenda holds it, or by a manager. */
    public boolean mayComplete(InteractionEntry entry) {
        return writer && entry.nextStep() != null && entry.nextStepDoneAt() == null
                && (manager || me.equals(entry.user().id()));
    }

    /** The message key of why an edit is refused, or null when it is allowed. */
    String editRefusal(UserId user, UserId loggedBy, Instant createdAt) {
        if (!writer) {
            return "interaction.error.read-only";
        }
        if (manager) {
            return null;
        }
        if (!me.equals(user) && !me.equals(loggedBy)) {
            return "interaction.error.edit-others";
        }
        if (now.isAfter(createdAt.plus(InteractionService.EDIT_WINDOW))) {
            return "interaction.error.edit-window";
        }
        return null;
    }
}
