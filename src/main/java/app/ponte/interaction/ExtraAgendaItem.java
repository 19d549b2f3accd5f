package app.ponte.interaction;

import java.time.LocalDate;

/**
 * An agenda item from another feature.
 *
 * @param key unique among the items of its feature, for ids in the page (e.g. "oneonone-action-12")
 * @param text what is to be done
 * @param context where it comes from, shown as a link (already translated)
 * @param route the view the link opens
 * @param due the due date, or null
 */
public record ExtraAgendaItem(String key, String text, String context, String route, LocalDate due) {
}
