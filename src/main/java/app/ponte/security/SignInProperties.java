package app.ponte.security;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in throttling: after {@code maxFailures} failed attempts within {@code window} for one
 * account, or from one address, further attempts are refused until the window has passed.
 */
@Validated
@ConfigurationProperties("ponte.sign-in")
public record SignInProperties(
        @Min(1) @DefaultValue("10") int maxFailures,
        @DefaultValue("5m") Duration window) {
}
