package app.ponte.stats;

import java.util.List;

/** Per-salesperson figures, one entry per user with the SALES role, by username. */
public record Reps(List<RepFigures> reps) {
}
