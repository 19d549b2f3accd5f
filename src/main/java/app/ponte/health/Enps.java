package app.ponte.health;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Employee net promoter score: promoters answered 9–10, passives 7–8, detractors 0–6;
 * score = round(100 × (promoters − detractors) / responses), halves away from zero.
 */
public record Enps(int promoters, int passives, int detractors, int score) {

    /** Null when nobody answered (a score over nothing is not a number). */
    public static Enps of(int promoters, int passives, int detractors) {
        int responses = promoters + passives + detractors;
        if (responses == 0) {
            return null;
        }
        int score = BigDecimal.valueOf(100L * (promoters - detractors))
                .divide(BigDecimal.valueOf(responses), 0, RoundingMode.HALF_UP).intValueExact();
        return new Enps(promoters, passives, detractors, score);
    }

    /** From a distribution of 0–10 scores. */
    public static Enps of(java.util.Map<Integer, Integer> distribution) {
        int promoters = 0;
        int passives = 0;
        int detractors = 0;
        for (var e : distribution.entrySet()) {
            if (e.getKey() >= 9) {
                promoters += e.getValue();
            } else if (e.getKey() >= 7) {
                passives += e.getValue();
            } else {
                detractors += e.getValue();
            }
        }
        return of(promoters, passives, detractors);
    }
}
