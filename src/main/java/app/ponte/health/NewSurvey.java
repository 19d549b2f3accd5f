package app.ponte.health;

import app.ponte.security.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A pulse survey to create.
 *
 * @param audience the roles asked; empty = everyone
 * @param openDays how many days each run stays open
 * @param startsOn the first period is the one holding this date; null = today
 */
public record NewSurvey(String title, Cadence cadence, Set<Role> audience, int openDays, LocalDate startsOn,
        List<NewQuestion> questions) {

    public NewSurvey {
        audience = audience == null ? Set.of() : Set.copyOf(audience);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
