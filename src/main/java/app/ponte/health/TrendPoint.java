package app.ponte.health;

import java.util.Map;

/** A run in a survey's trend; a suppressed run has no eNPS and no means. */
public record TrendPoint(SurveyRun run, int responses, boolean suppressed, Integer enps, Map<Long, Double> means) {
}
