package app.ponte.live;

/**
 * A signal that the thing {@code id} of {@code topic} changed. It carries no data: every receiver
 * re-reads what it is allowed to see. {@link #EVERYTHING} as id means "anything of this topic may
 * have changed" (sent when a node missed signals, or for a change too large to list).
 */
public record LiveEvent(Topic topic, long id) {

    public static final long EVERYTHING = -1;

    public boolean everything() {
        return id == EVERYTHING;
    }
}
