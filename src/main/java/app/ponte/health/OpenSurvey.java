package app.ponte.health;

import java.util.List;

/** A run the signed-in user may answer now, with its questions. */
public record OpenSurvey(SurveyRun run, List<Question> questions) {
}
