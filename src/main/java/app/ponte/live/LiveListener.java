package app.ponte.live;

import java.util.List;

/** Receives signals; must return quickly (views hand them to {@link LiveUpdates}, which buffers). */
@FunctionalInterface
public interface LiveListener {

    void onEvents(List<LiveEvent> events);
}
