package app.ponte.lead;

import app.ponte.security.Role;
import java.util.Optional;
import java.util.Set;

/**
 * The lead lifecycle's moves and who may make them (spec: domain.md, "Lead lifecycle"):
 * forward one step at a time; MQL → SQL only by an accepted handoff; any open status → LOST;
 * MQL → NEW (back to nurturing, or a rejected handoff); a manager reopens LOST → NEW; WON is final.
 * MARKETING moves NEW ↔ MQL and NEW/MQL → LOST; SALES moves the leads they own from SQL onward;
 * MANAGER makes every move. Answers with the message key of the refusal, or empty when allowed.
 */
final class Lifecycle {

    private Lifecycle() {
    }

    /** Why a user with these roles may not make this move by hand, or empty when they may. */
    static Optional<String> refusal(LeadStatus from, LeadStatus to, Set<Role> roles, boolean owner) {
        boolean manager = roles.contains(Role.MANAGER);
        boolean marketing = roles.contains(Role.MARKETING);
        boolean sales = roles.contains(Role.SALES);
        if (from == to) {
            return Optional.of("lead.move.same");
        }
        if (from == LeadStatus.WON) {
            return Optional.of("lead.move.won-is-final");
        }
        if (from == LeadStatus.LOST) {
            if (to != LeadStatus.NEW) {
                return Optional.of("lead.move.lost-only-reopens");
            }
            return manager ? Optional.empty() : Optional.of("lead.move.reopen-by-manager");
        }
        if (to == LeadStatus.LOST) {
            boolean allowed = manager
                    || (marketing && (from == LeadStatus.NEW || from == LeadStatus.MQL))
                    || (sales && owner && (from == LeadStatus.SQL || from == LeadStatus.OPPORTUNITY));
            return allowed ? Optional.empty() : Optional.of(lossRefusal(from));
        }
        if (from == LeadStatus.MQL && to == LeadStatus.SQL) {
            return Optional.of("lead.move.sql-by-handoff");
        }
        if (from == LeadStatus.MQL && to == LeadStatus.NEW) {
            return manager || marketing ? Optional.empty() : Optional.of("lead.move.marketing-stage");
        }
        if (to != from.next()) {
            return Optional.of("lead.move.one-step");
        }
        if (from == LeadStatus.NEW) {
            return manager || marketing ? Optional.empty() : Optional.of("lead.move.marketing-stage");
        }
        // SQL → OPPORTUNITY, OPPORTUNITY → WON
        if (manager || (sales && owner)) {
            return Optional.empty();
        }
        return Optional.of(sales ? "lead.move.sales-own-leads" : "lead.move.sales-stage");
    }

    /**
     * Why a user with these roles may not hand a lead in this status off to sales, or empty when
     * they may (domain.md, "Handoff"): only an MQL is handed off, by marketing or a manager. The
     * lead page and the board offer "Hand off to sales" exactly when this is empty, and the handoff
     * service refuses with the same key, so the button never leads to an error.
     */
    static Optional<String> handoffRefusal(LeadStatus status, Set<Role> roles) {
        if (!roles.contains(Role.MARKETING) && !roles.contains(Role.MANAGER)) {
            return Optional.of("handoff.error.marketing-only");
        }
        return status == LeadStatus.MQL ? Optional.empty() : Optional.of("handoff.error.not-mql");
    }

    private static String lossRefusal(LeadStatus from) {
        return from == LeadStatus.NEW || from == LeadStatus.MQL ? "lead.move.marketing-stage" : "lead.move.sales-own-leads";
    }

    /**
     * The order check for imported history: old systems kept no handoffs and no values, so only
     * the order counts — one step forward, any open status → LOST, MQL → NEW, LOST → NEW.
     */
    static boolean importable(LeadStatus from, LeadStatus to) {
        return to == from.next() && from != LeadStatus.LOST
                || (to == LeadStatus.LOST && from.isOpen())
                || (from == LeadStatus.MQL && to == LeadStatus.NEW)
                || (from == LeadStatus.LOST && to == LeadStatus.NEW);
    }
}
