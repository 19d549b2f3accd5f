package app.ponte.lead;

import com.vaadin.flow.component.Component;
import java.time.Instant;

/** An entry another feature adds to a lead's timeline, placed by time among the status changes. */
public record LeadTimelineItem(Instant at, Component content) {
}
