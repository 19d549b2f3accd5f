package app.ponte.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signals between nodes through PostgreSQL {@code LISTEN/NOTIFY}. Sending runs {@code pg_notify}
 * on the publishing transaction's own connection, so PostgreSQL delivers the signal exactly when
 * the change commits. Receiving holds one connection that listens; when it breaks, the listener
 * reconnects with a growing delay and tells this node's views that anything may have changed (they
 * re-read), so nothing published after the reconnection is lost and nothing missed stays stale.
 *
 * <p>Payload: {@code node|topic:id,id,...;topic:*}, split so each NOTIFY stays below PostgreSQL's
 * 8000-byte limit.
 */
class PostgresLiveRelay implements LiveRelay {

    static final String CHANNEL = "ponte_live";
    private static final int MAX_PAYLOAD = 7000;
    private static final Logger log = LoggerFactory.getLogger(PostgresLiveRelay.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Duration reconnectDelay;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection listening;

    PostgresLiveRelay(DataSource dataSource, Duration reconnectDelay) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.reconnectDelay = reconnectDelay;
    }

    @Override
    public void send(String nodeId, Collection<LiveEvent> events) {
        for (String payload : payloads(nodeId, events)) {
            jdbc.queryForObject("select pg_notify(?, ?)", Object.class, CHANNEL, payload);
        }
    }

    static List<String> payloads(String nodeId, Collection<LiveEvent> events) {
        Map<Topic, List<LiveEvent>> byTopic = new LinkedHashMap<>();
        events.forEach(e -> byTopic.computeIfAbsent(e.topic(), t -> new ArrayList<>()).add(e));
        List<String> payloads = new ArrayList<>();
        var current = new StringBuilder(nodeId).append('|');
        int emptyLength = current.length();
        for (var entry : byTopic.entrySet()) {
            boolean everything = entry.getValue().stream().anyMatch(LiveEvent::everything);
            List<String> parts = everything ? List.of("*")
                    : entry.getValue().stream().map(e -> Long.toString(e.id())).toList();
            int i = 0;
            while (i < parts.size()) {
                if (current.length() > emptyLength) {
                    current.append(';');
                }
                current.append(entry.getKey().name()).append(':');
                int before = current.length();
                while (i < parts.size() && current.length() + parts.get(i).length() + 1 < MAX_PAYLOAD) {
                    if (current.length() > before) {
                        current.append(',');
                    }
                    current.append(parts.get(i++));
                }
                if (i < parts.size()) {
                    payloads.add(current.toString());
                    current = new StringBuilder(nodeId).append('|');
                }
            }
        }
        if (current.length() > emptyLength) {
            payloads.add(current.toString());
        }
        return payloads;
    }

    /** The signals of a payload, or none when it came from {@code ownNode}. */
    static List<LiveEvent> parse(String payload, String ownNode) {
        int bar = payload.indexOf('|');
        if (bar < 0 || payload.substring(0, bar).equals(ownNode)) {
            return List.of();
        }
        List<LiveEvent> events = new ArrayList<>();
        for (String group : payload.substring(bar + 1).split(";")) {
            int colon = group.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            var topic = new Topic(group.substring(0, colon));
            for (String id : group.substring(colon + 1).split(",")) {
                if (id.equals("*")) {
                    events.add(new LiveEvent(topic, LiveEvent.EVERYTHING));
                } else if (!id.isEmpty()) {
                    events.add(new LiveEvent(topic, Long.parseLong(id)));
                }
            }
        }
        return events;
    }

    @Override
    public void start(String nodeId, Consumer<Collection<LiveEvent>> receiver, Runnable missedSignals) {
        running = true;
        thread = Thread.ofPlatform().daemon().name("ponte-live-listener")
                .start(() -> listen(nodeId, receiver, missedSignals));
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly(listening);
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The backend process id of the listening connection (tests cut it to prove reconnection). */
    Integer listenerBackendPid() {
        Connection c = listening;
        if (c == null) {
            return null;
        }
        try {
            return c.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return null;
        }
    }

    private void listen(String nodeId, Consumer<Collection<LiveEvent>> receiver, Runnable missedSignals) {
        Duration delay = reconnectDelay;
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listening = connection;
                PGConnection pg = connection.unwrap(PGConnection.class);
                if (reconnecting) {
                    log.info("Live updates: listener reconnected");
                    missedSignals.run();
                }
                delay = reconnectDelay;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null) {
                        // getNotifications does not notice a dead connection by itself
                        if (!connection.isValid(2)) {
                            throw new SQLException("listener connection lost");
                        }
                        continue;
                    }
                    List<LiveEvent> events = new ArrayList<>();
                    for (PGNotification notification : notifications) {
                        events.addAll(parse(notification.getParameter(), nodeId));
                    }
                    if (!events.isEmpty()) {
                        receiver.accept(events);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = null;
                if (!running) {
                    return;
                }
                log.warn("Live updates: listener connection lost ({}); reconnecting in {} ms", e.getMessage(),
                        delay.toMillis());
                reconnecting = true;
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                delay = delay.multipliedBy(2).compareTo(reconnectDelay.multipliedBy(10)) > 0
                        ? reconnectDelay.multipliedBy(10) : delay.multipliedBy(2);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
