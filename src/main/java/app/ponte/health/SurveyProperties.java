package app.ponte.health;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Pulse-survey anonymity: no result of a run, or of any slice of it, is shown below this many
 * responses. Never below 3 — start-up fails otherwise, because a smaller group identifies people.
 */
@Validated
@ConfigurationProperties("ponte.survey")
public record SurveyProperties(@Min(3) @DefaultValue("5") int anonymityThreshold) {
}
