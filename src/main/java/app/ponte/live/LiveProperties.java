package app.ponte.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live updates.
 *
 * @param coalesceWindow the shortest time between two pushes to one browser tab; signals arriving
 *     within it are delivered together
 * @param relay how signals reach other nodes: {@code auto} (PostgreSQL LISTEN/NOTIFY when the
 *     database is PostgreSQL, else this node only), {@code postgres} or {@code local}
 * @param reconnectDelay the first wait before the cross-node listener reconnects after losing its
 *     connection (doubling up to ten times this)
 */
@ConfigurationProperties("ponte.live")
public record LiveProperties(@DefaultValue("250ms") Duration coalesceWindow, @DefaultValue("auto") String relay,
        @DefaultValue("500ms") Duration reconnectDelay) {
}
