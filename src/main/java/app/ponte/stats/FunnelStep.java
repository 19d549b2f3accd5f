package app.ponte.stats;

/** One status of the funnel: leads that reached it and the conversion from the step before (null for NEW). */
public record FunnelStep(String status, long reached, Double conversion) {
}
