package app.ponte.live;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is looking at what (e.g. a lead page), across every node. Each open tab holds a row in the
 * shared {@code presence} table. A tab counts as present only while its browser is heard from:
 * the tab reports every Vaadin heartbeat ({@code vaadin.heartbeatInterval}, 20 s) through
 * {@link #seen}, its node copies that last-seen time into the row every {@link #SWEEP}, and a row
 * not seen for {@link #EXPIRY} no longer counts and is cleaned away by any node's sweep.
 *
 * <p>Why not rely on Vaadin detaching the tab's UI: a tab that vanishes without a goodbye (the
 * browser closed or killed, the laptop lid shut, the network gone) is detached only when another
 * request of the same session notices its missed heartbeats — with the user's only tab gone, that
 * is at session expiry, hours later. The goodbye a closing tab does send (Vaadin's unload beacon
 * closes the UI, which detaches it and calls {@link #leave}) only makes the common case faster.
 * Every arrival and departure is signalled on {@link #TOPIC} with the place's target id.
 */
@Service
public class PresenceService {

    public static final Topic TOPIC = new Topic("presence");
    /** How often a node writes its tabs' last-seen times and clears expired rows. */
    static final Duration SWEEP = Duration.ofSeconds(10);
    /**
     * Silence after which a tab is gone: two missed 20-second heartbeats plus a margin, so a live
     * tab never flickers, and a closed one is gone within {@code EXPIRY + SWEEP} (55 s) of its last
     * heartbeat — within a minute of closing.
     */
    static final Duration EXPIRY = Duration.ofSeconds(45);

    private final JdbcTemplate jdbc;
    private final LiveEvents live;
    private final Clock clock;
    /** This node's open tabs. */
    private final Map<String, Tab> mine = new ConcurrentHashMap<>();

    /** One of this node's tabs: where it looks, when its browser was last heard, and what the row says. */
    private static final class Tab {
        final long targetId;
        volatile Instant lastSeen;
        volatile Instant written;

        Tab(long targetId, Instant now) {
            this.targetId = targetId;
            this.lastSeen = now;
            this.written = now;
        }
    }

    PresenceService(JdbcTemplate jdbc, LiveEvents live, Clock clock) {
        this.jdbc = jdbc;
        this.live = live;
        this.clock = clock;
    }

    /** A tab starts showing {@code place}/{@code targetId}; returns the tab's key for {@link #seen} and {@link #leave}. */
    @Transactional
    public String enter(String place, long targetId, long userId, String displayName) {
        String tab = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.update("insert into presence (tab_id, place, target_id, user_id, display_name, node_id, seen_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", tab, place, targetId, userId, displayName, live.nodeId(),
                Timestamp.from(now));
        mine.put(tab, new Tab(targetId, now));
        live.publish(TOPIC, targetId);
        return tab;
    }

    /**
     * The tab's browser is still there (a heartbeat arrived). Only remembered here — the row is
     * updated by the next {@link #sweep}, so a heartbeat costs no database write. Returns false
     * when the tab had already gone silent long enough to be cleared (a frozen background tab
     * waking up): its caller then {@link #enter enters} again.
     */
    public boolean seen(String tab) {
        Tab t = mine.get(tab);
        if (t == null) {
            return false;
        }
        t.lastSeen = clock.instant();
        return true;
    }

    @Transactional
    public void leave(String tab) {
        Tab gone = mine.remove(tab);
        jdbc.update("delete from presence where tab_id = ?", tab);
        if (gone != null) {
            live.publish(TOPIC, gone.targetId);
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

    /**
     * Writes the last-seen time of this node's tabs heard from since the previous sweep, forgets
     * its tabs gone silent, and clears every node's rows nobody refreshes any more (a node that
     * died, a tab that vanished).
     */
    @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
    @Transactional
    public void sweep() {
        Instant now = clock.instant();
        Instant expired = now.minus(EXPIRY);
        List<Object[]> refreshed = new ArrayList<>();
        Set<Long> gone = new LinkedHashSet<>();
        mine.forEach((id, tab) -> {
            Instant lastSeen = tab.lastSeen;
            if (!lastSeen.isAfter(expired)) {
                mine.remove(id);
                gone.add(tab.targetId);
            } else if (lastSeen.isAfter(tab.written)) {
                refreshed.add(new Object[] {Timestamp.from(lastSeen), id});
                tab.written = lastSeen;
            }
        });
        if (!refreshed.isEmpty()) {
            jdbc.batchUpdate("update presence set seen_at = ? where tab_id = ?", refreshed);
        }
        Timestamp cutoff = Timestamp.from(expired);
        gone.addAll(jdbc.queryForList("select distinct target_id from presence where seen_at <= ?", Long.class,
                cutoff));
        if (!gone.isEmpty()) {
            jdbc.update("delete from presence where seen_at <= ?", cutoff);
            gone.forEach(target -> live.publish(TOPIC, target));
        }
    }

    /** This node's tabs being tracked now (tests). */
    int trackedTabs() {
        return mine.size();
    }
}
