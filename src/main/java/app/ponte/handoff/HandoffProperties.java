package app.ponte.handoff;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The handoff service level: a pending handoff older than {@code slaHours} is overdue. */
@Validated
@ConfigurationProperties("ponte.handoff")
public record HandoffProperties(@Min(1) @DefaultValue("24") int slaHours) {
}
