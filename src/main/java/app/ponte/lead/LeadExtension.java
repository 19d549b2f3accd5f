package app.ponte.lead;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Optional;

/**
 * How other features add to the lead views without the lead feature depending on them (which
 * would make a cycle): a Spring bean implementing this contributes actions and timeline entries.
 * The lead page, the board cards and the list rows render every extension's contributions.
 */
public interface LeadExtension {

    /** Actions offered for a lead (buttons on the page, menu items on cards and rows). */
    default List<LeadAction> actions() {
        return List.of();
    }

    /** Short facts shown on the lead page above the actions (e.g. the outcome scores so far). */
    default List<Component> summary(LeadDetails lead) {
        return List.of();
    }

    /**
     * Sections of their own on the lead page (e.g. the comments), made once when the page opens a
     * lead; they keep themselves up to date.
     */
    default List<Component> sections(LeadId lead) {
        return List.of();
    }

    /**
     * The text to show, in the current UI's language, for a status change's stored reason that this
     * feature wrote in a form of its own (the handoff's rejection, stored as {@code NO_CONTACT: note}
     * so imports and exports keep the code); empty when the reason is not this feature's. The lead
     * page shows any other reason as it was typed.
     */
    default Optional<String> reasonText(String reason) {
        return Optional.empty();
    }

    /** Timeline entries of a lead; {@code refresh} re-reads the page after a change made from an entry. */
    default List<LeadTimelineItem> timeline(LeadDetails lead, Runnable refresh) {
        return List.of();
    }
}
