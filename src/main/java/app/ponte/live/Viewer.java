package app.ponte.live;

/** Someone looking at a place right now. */
public record Viewer(long userId, String displayName) {
}
