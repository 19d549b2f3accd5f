package app.ponte.health;

import java.time.Instant;
import java.time.LocalDate;

/** One run of a survey: the period it belongs to, when it is open, how many people were asked. */
public record SurveyRun(SurveyRunId id, SurveyId survey, String title, LocalDate periodStart, Instant opensAt,
        Instant closesAt, int audienceSize) {

    public boolean openAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
