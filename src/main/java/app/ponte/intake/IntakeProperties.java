package app.ponte.intake;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Web-to-lead intake ({@code POST /api/leads}, docs/decisions/013).
 *
 * @param owner          username of the active marketer who owns (and counts as creator of) every
 *                       lead the intake creates; unset or ineligible → the intake answers 503
 * @param dedupeWindow   a form whose e-mail matches a lead created this recently returns that lead
 * @param ratePerMinute  requests per caller (token) and minute; beyond → 429 with Retry-After
 * @param allowedOrigins web origins (e.g. {@code https://www.example.com}) whose pages may post
 *                       from a browser (CORS); empty → none
 * @param defaultChannel the channel of a form that names none
 */
@Validated
@ConfigurationProperties("ponte.intake")
public record IntakeProperties(
        String owner,
        @NotNull @DefaultValue("30d") Duration dedupeWindow,
        @Min(1) @DefaultValue("60") int ratePerMinute,
        @NotNull @DefaultValue("") List<String> allowedOrigins,
        @NotBlank @DefaultValue("WEBSITE") String defaultChannel) {
}
