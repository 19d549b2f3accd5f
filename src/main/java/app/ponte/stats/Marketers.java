package app.ponte.stats;

import java.util.List;

/** Per-marketer figures, one entry per user with the MARKETING role, by username. */
public record Marketers(List<MarketerFigures> marketers) {
}
