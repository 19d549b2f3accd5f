package app.ponte.stats.rollup;

import app.ponte.security.SystemCaller;
import app.ponte.stats.StatsRollups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the rollups once the application has started, when {@code ponte.stats.rebuild} is true:
 * {@code --ponte.stats.rebuild=true}, or the bare flag {@code --ponte.stats.rebuild} (a flag without a
 * value binds as an empty string, which a boolean property reads as unset).
 */
@Component
class RebuildAtStart implements ApplicationRunner {

    static final String FLAG = "ponte.stats.rebuild";

    private final RollupProperties properties;
    private final StatsRollups rollups;

    RebuildAtStart(RollupProperties properties, StatsRollups rollups) {
        this.properties = properties;
        this.rollups = rollups;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (requested(properties, args)) {
            SystemCaller.call(rollups::rebuild);
        }
    }

    static boolean requested(RollupProperties properties, ApplicationArguments args) {
        return properties.rebuildRequested() || args.containsOption(FLAG) && args.getOptionValues(FLAG).isEmpty();
    }
}
