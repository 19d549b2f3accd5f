package app.ponte.base;

import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Business-wide settings: the time zone in which local dates (periods, due dates) are read,
 * and the one currency every amount is in.
 */
@Validated
@ConfigurationProperties("ponte")
public record PonteProperties(
        @NotNull @DefaultValue("UTC") ZoneId zone,
        @NotNull @DefaultValue("EUR") Currency currency) {
}
