package app.ponte.demo;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ponte.demo-data}: fill an empty database with the demo team and its history
 * ({@code ponte.demo.leads} leads). On for the README's run command, off in the packaged jar.
 */
@Validated
@ConfigurationProperties("ponte")
public record DemoProperties(
        @DefaultValue("false") boolean demoData,
        @Valid @NotNull @DefaultValue Demo demo) {

    public record Demo(@Min(0) @DefaultValue("2000") int leads, @DefaultValue("20261123") long seed) {
    }
}
