package app.ponte.stats.rollup;

import java.util.Locale;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database of an upgrade test's own, migrated step by step: a fresh schema in the database under test
 * on PostgreSQL, an in-memory database on H2. Closing drops it.
 */
final class UpgradeDatabase implements AutoCloseable {

    final boolean postgres = "postgres".equals(System.getProperty("ponte.test.db"));
    final String schema = "upgrade_" + Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
    final JdbcClient jdbc;
    private final SingleConnectionDataSource dataSource;

    UpgradeDatabase() {
        dataSource = postgres
                ? new SingleConnectionDataSource(env("DB_URL", "jdbc:postgresql://127.0.0.1:5432/ponte_test"),
                        env("DB_USER", "ponte"), env("DB_PASSWORD", "ponte"), true)
                // one connection: H2 2.4 breaks a CHECK constraint once the connection that made it closes (021)
                : new SingleConnectionDataSource("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1", "sa", "", true);
        jdbc = JdbcClient.create(dataSource);
        if (postgres) {
            jdbc.sql("create schema " + schema).update();
        }
    }

    /**
     * Runs the migrations up to {@code target} (null: all), then reads this schema first on PostgreSQL
     * (then public, where pg_trgm lives).
     */
    void migrate(String target) {
        var config = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + (postgres ? "postgresql" : "h2"));
        if (postgres) {
            config.schemas(schema).defaultSchema(schema);
        }
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
        if (postgres) {
            jdbc.sql("set search_path to " + schema + ", public").update();
        }
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** As RollupStore.differences: stored rows that count something against the statement, both ways. */
    long differences(Rollup rollup) {
        String columns = String.join(", ", rollup.keyColumns()) + ", " + String.join(", ", rollup.valueColumns());
        String stored = "select " + columns + " from " + rollup.table() + " where "
                + rollup.valueColumns().stream().map(c -> c + " <> 0").collect(Collectors.joining(" or "));
        String computed = "select " + columns + " from (" + rollup.statement(rollup.allRows()) + ") c";
        return count("select count(*) from (" + stored + " except " + computed + ") x")
                + count("select count(*) from (" + computed + " except " + stored + ") x");
    }

    @Override
    public void close() {
        try {
            if (postgres) {
                jdbc.sql("set search_path to public").update();
                jdbc.sql("drop schema " + schema + " cascade").update();
            } else {
                jdbc.sql("shutdown").update();
            }
        } finally {
            dataSource.destroy();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
