package app.ponte.health;

import app.ponte.security.Role;
import java.time.LocalDate;
import java.util.Set;

/** A survey as managers list it. */
public record SurveySummary(SurveyId id, String title, Cadence cadence, Set<Role> audience, int openDays,
        LocalDate startsOn, boolean active, int questions, int runs) {
}
