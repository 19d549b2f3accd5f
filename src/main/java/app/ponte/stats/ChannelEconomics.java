package app.ponte.stats;

import java.util.List;

/** Every channel's economics in a period, by code. */
public record ChannelEconomics(List<ChannelFigures> channels) {
}
