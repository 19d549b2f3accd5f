package app.ponte.stats.rollup;

import java.sql.Connection;
import java.util.Set;
import org.h2.api.Trigger;
import org.h2.util.JdbcUtils;
import org.h2.util.Utils;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The statistics triggers' Java classes on H2 are gone (issue 23, decision 050), but the merged migrations
 * that created them (db/vendor/h2 V19 to V34) are never edited and still run on every new database; H2 loads
 * a trigger's class when the trigger is created. So H2 is told to resolve those class names to {@link Retired},
 * a trigger that does nothing, until the later migrations (V37 to V44) drop the triggers. On a new database no
 * row exists while those migrations run, so nothing is lost; on an old one the migrations ran long ago, with
 * the classes of their day. A class of that name on the class path (the upgrade tests keep copies to write
 * under the old triggers) is used instead.
 */
@Configuration(proxyBeanMethods = false)
class RetiredH2Triggers implements Utils.ClassFactory {

    /** The class names db/vendor/h2 V19 to V34 wrote into their {@code create trigger … call}. */
    static final Set<String> NAMES = Set.of("app.ponte.stats.query.H2RollupTrigger",
            "app.ponte.stats.query.H2StageIntervalTrigger");

    private static final RetiredH2Triggers FACTORY = new RetiredH2Triggers(NAMES);

    private final Set<String> names;

    RetiredH2Triggers() {
        this(NAMES);
    }

    RetiredH2Triggers(Set<String> names) {
        this.names = names;
    }

    /** Registered before Flyway runs: its customizers are applied when the Flyway bean is made. */
    @Bean
    static FlywayConfigurationCustomizer retiredH2TriggerClasses() {
        return configuration -> register();
    }

    /** Idempotent: H2 keeps its factories in a static list. */
    static synchronized void register() {
        JdbcUtils.removeClassFactory(FACTORY);
        JdbcUtils.addClassFactory(FACTORY);
    }

    @Override
    public boolean match(String name) {
        return names.contains(name) && !onClassPath(name);
    }

    @Override
    public Class<?> loadClass(String name) {
        return Retired.class;
    }

    private static boolean onClassPath(String name) {
        try {
            Class.forName(name, false, RetiredH2Triggers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** A trigger of a merged migration whose work the statistics feature does now: nothing to do. */
    public static final class Retired implements Trigger {

        @Override
        public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                int type) {
            // nothing to prepare
        }

        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
            // the statistics feature keeps the rollups (docs/statistics.md)
        }
    }
}
