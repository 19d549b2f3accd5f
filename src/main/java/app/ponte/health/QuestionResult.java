package app.ponte.health;

import java.util.List;
import java.util.Map;

/**
 * A question's results over a run (or a slice of it): how many answered, the mean and the count
 * per score for scored questions (every score of the scale present, zeros included), the free
 * texts in random order for text questions.
 */
public record QuestionResult(Question question, int answered, Double mean, Map<Integer, Integer> distribution,
        List<String> texts) {
}
