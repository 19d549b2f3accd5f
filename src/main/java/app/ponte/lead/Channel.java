package app.ponte.lead;

/** An acquisition channel, managed by administrators. */
public record Channel(String code, String name, ChannelKind kind, boolean active, long version) {
}
