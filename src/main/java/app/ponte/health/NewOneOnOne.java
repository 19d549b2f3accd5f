package app.ponte.health;

import app.ponte.security.UserId;
import java.time.Instant;

/**
 * A one-on-one a manager schedules with a report.
 *
 * @param durationMinutes null = 60
 * @param rhythm how often they meet; null = no suggestion for the next one
 */
public record NewOneOnOne(UserId report, Instant scheduledAt, Integer durationMinutes, Rhythm rhythm) {
}
