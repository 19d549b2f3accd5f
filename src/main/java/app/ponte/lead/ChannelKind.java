package app.ponte.lead;

/** Online or offline acquisition channel. */
public enum ChannelKind {
    ONLINE,
    OFFLINE
}
