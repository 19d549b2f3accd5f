package app.ponte.stats;

import java.util.List;

/** Days from creation to the first change into WON, overall and per channel. */
public record TimeToCustomer(DurationFigures overall, List<ChannelDuration> channels) {
}
