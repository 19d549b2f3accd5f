package app.ponte.health;

import java.util.Map;

/** One person's answers to a run: scores by question id, free texts by question id. */
public record SurveyAnswers(Map<Long, Integer> scores, Map<Long, String> texts) {

    public SurveyAnswers {
        scores = scores == null ? Map.of() : Map.copyOf(scores);
        texts = texts == null ? Map.of() : Map.copyOf(texts);
    }
}
