package app.ponte.stats;

/** Time to customer of one channel. */
public record ChannelDuration(String channel, long count, Double meanDays, Double medianDays) {
}
