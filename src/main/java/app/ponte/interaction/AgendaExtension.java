package app.ponte.interaction;

import java.util.List;

/**
 * Open items another feature puts into a user's agenda (e.g. one-on-one action items), as
 * Spring beans, so the agenda depends on no other feature.
 */
public interface AgendaExtension {

    /** The signed-in user's open items. */
    List<ExtraAgendaItem> myItems();
}
