package app.ponte.live;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses how signals reach other nodes (see {@link LiveProperties#relay()}). */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LiveConfiguration.class);

    @Bean
    LiveRelay liveRelay(LiveProperties properties, DataSource dataSource) throws SQLException {
        boolean postgres = switch (properties.relay()) {
            case "postgres" -> true;
            case "local" -> false;
            default -> isPostgres(dataSource);
        };
        if (!postgres) {
            log.info("Live updates: this node only (no cross-node relay)");
            return new LocalOnly();
        }
        log.info("Live updates: across nodes through PostgreSQL LISTEN/NOTIFY");
        return new PostgresLiveRelay(dataSource, properties.reconnectDelay());
    }

    private static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    /** One node (embedded H2): nothing to relay. */
    static final class LocalOnly implements LiveRelay {

        @Override
        public void send(String nodeId, java.util.Collection<LiveEvent> events) {
        }

        @Override
        public void start(String nodeId, java.util.function.Consumer<java.util.Collection<LiveEvent>> receiver,
                Runnable missedSignals) {
        }

        @Override
        public void stop() {
        }
    }
}
