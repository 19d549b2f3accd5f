package app.ponte.health;

import java.util.List;

/**
 * A run's results. {@code suppressed} (fewer responses than the anonymity threshold): only the
 * number of responses, nothing else — no eNPS, no question, no slice.
 *
 * @param participationRate responses / people asked; null when nobody was asked
 * @param byRole one slice per role group, or empty when any group is below the threshold
 */
public record RunResults(SurveyRun run, int responses, boolean suppressed, Double participationRate, Enps enps,
        List<QuestionResult> questions, List<RoleSlice> byRole) {
}
