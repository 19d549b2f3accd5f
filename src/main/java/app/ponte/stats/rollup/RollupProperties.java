package app.ponte.stats.rollup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ponte.stats.rebuild}: rebuild the statistics' rollups from the rows at start-up
 * ({@code --ponte.stats.rebuild} on the command line), after writers that bypassed the services.
 * A {@code Boolean}: the bare flag binds as an empty string, which a primitive {@code boolean} refuses
 * (start-up would fail); it reads as unset here and {@link RebuildAtStart} looks for the flag itself.
 */
@ConfigurationProperties("ponte.stats")
record RollupProperties(@DefaultValue("false") Boolean rebuild) {

    boolean rebuildRequested() {
        return Boolean.TRUE.equals(rebuild);
    }
}
