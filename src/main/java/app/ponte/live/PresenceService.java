package app.ponte.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is looking at what (e.g. a lead page), across every node: each open tab holds a row that its
 * node refreshes every {@link #HEARTBEAT}; a row not refreshed for {@link #EXPIRY} (a node that
 * died, a tab that vanished without a goodbye) no longer counts and is cleaned away. Every arrival
 * and departure is signalled on {@link #TOPIC} with the place's target id.
 */
@Service
public class PresenceService {

    public static final Topic TOPIC = new Topic("presence");
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    static final Duration EXPIRY = Duration.ofSeconds(95);

    private final JdbcTemplate jdbc;
    private final LiveEvents live;
    private final Clock clock;
    /** This node's open tabs: tab id → target id. */
    private final Map<String, Long> mine = new ConcurrentHashMap<>();

    PresenceService(JdbcTemplate jdbc, LiveEvents live, Clock clock) {
        this.jdbc = jdbc;
        this.live = live;
        this.clock = clock;
    }

    /** A tab starts showing {@code place}/{@code targetId}; returns the tab's key for {@link #leave}. */
    @Transactional
    public String enter(String place, long targetId, long userId, String displayName) {
        String tab = UUID.randomUUID().toString();
        jdbc.update("insert into presence (tab_id, place, target_id, user_id, display_name, node_id, seen_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", tab, place, targetId, userId, displayName, live.nodeId(),
                Timestamp.from(clock.instant()));
        mine.put(tab, targetId);
        live.publish(TOPIC, targetId);
        return tab;
    }

    @Transactional
    public void leave(String tab) {
        Long target = mine.remove(tab);
        jdbc.update("delete from presence where tab_id = ?", tab);
        if (target != null) {
            live.publish(TOPIC, target);
        }
    }

    /** The people looking at {@code place}/{@code targetId} now, each once, by name. */
    @Transactional(readOnly = true)
    public List<Viewer> viewers(String place, long targetId) {
        Instant freshSince = clock.instant().minus(EXPIRY);
        return jdbc.query("select user_id, min(display_name) as display_name from presence "
                + "where place = ? and target_id = ? and seen_at > ? group by user_id order by min(display_name)",
                (rs, i) -> new Viewer(rs.getLong("user_id"), rs.getString("display_name")), place, targetId,
                Timestamp.from(freshSince));
    }

    /** Keeps this node's tabs fresh and clears rows nobody refreshes any more. */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    @Transactional
    public void heartbeat() {
        Timestamp now = Timestamp.from(clock.instant());
        if (!mine.isEmpty()) {
            jdbc.update("update presence set seen_at = ? where node_id = ?", now, live.nodeId());
        }
        Timestamp expired = Timestamp.from(clock.instant().minus(EXPIRY));
        List<Long> gone = jdbc.queryForList("select distinct target_id from presence where seen_at <= ?", Long.class,
                expired);
        if (!gone.isEmpty()) {
            jdbc.update("delete from presence where seen_at <= ?", expired);
            gone.forEach(target -> live.publish(TOPIC, target));
        }
    }
}
