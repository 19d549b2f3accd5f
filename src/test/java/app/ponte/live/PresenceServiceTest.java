package app.ponte.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Presence lasts only while the tab's browser is heard from (issue 21: "Also here" after the tab closed). */
@PonteTest
@Tag("persistence")
class PresenceServiceTest {

    @Autowired
    PresenceService presence;

    @Autowired
    LiveEvents live;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    /** A target id of its own per test, so rows of other tests never count. */
    private static long target() {
        return 9_000_000_000L + System.nanoTime() % 1_000_000_000L;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<String> names(long target) {
        return presence.viewers("lead", target).stream().map(Viewer::displayName).toList();
    }

    @Test
    void a_tab_not_heard_from_for_over_a_minute_is_gone_and_a_refreshed_one_stays() {
        long target = target();
        String closed = presence.enter("lead", target, 1, "Closed Tab");
        String open = presence.enter("lead", target, 2, "Open Tab");
        List<LiveEvent> signals = new CopyOnWriteArrayList<>();
        try (var subscription = live.subscribe(PresenceService.TOPIC, target, signals::addAll)) {
            // the open tab's browser sends its heartbeat every 20 s; the closed one has gone quiet
            for (int i = 0; i < 4; i++) {
                clock.advance(Duration.ofSeconds(20));
                assertThat(presence.seen(open)).isTrue();
                presence.sweep();
            }
            assertThat(names(target)).containsExactly("Open Tab");
            assertThat(signals).as("the departure is announced to the page's viewers")
                    .contains(new LiveEvent(PresenceService.TOPIC, target));
            assertThat(jdbc.queryForObject("select count(*) from presence where tab_id = ?", Integer.class, closed))
                    .as("the silent tab's row is cleared").isZero();
        }
        presence.leave(open);
        assertThat(names(target)).isEmpty();
    }

    @Test
    void a_tab_still_heard_from_is_never_dropped_between_sweeps() {
        long target = target();
        String tab = presence.enter("lead", target, 3, "Steady Tab");
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(5));
            if (i % 4 == 3) {
                presence.seen(tab);
            }
            presence.sweep();
            assertThat(names(target)).as("after %d s", (i + 1) * 5).containsExactly("Steady Tab");
        }
        presence.leave(tab);
    }

    @Test
    void a_tab_that_went_silent_and_wakes_up_must_enter_again() {
        long target = target();
        String tab = presence.enter("lead", target, 4, "Frozen Tab");
        clock.advance(PresenceService.EXPIRY.plusSeconds(1));
        presence.sweep();
        assertThat(names(target)).isEmpty();
        assertThat(presence.seen(tab)).as("the tab is told to enter again").isFalse();
    }

    @Test
    void a_row_of_another_node_that_stopped_refreshing_is_cleared_by_this_node() {
        long target = target();
        // another node (sharing the PostgreSQL database) died with a tab open on this lead
        jdbc.update("insert into presence (tab_id, place, target_id, user_id, display_name, node_id, seen_at) "
                + "values (?, 'lead', ?, 5, 'Other Node', 'node-gone', ?)", "tab-" + target, target,
                Timestamp.from(clock.instant()));
        assertThat(names(target)).containsExactly("Other Node");
        clock.advance(PresenceService.EXPIRY.plusSeconds(1));
        assertThat(names(target)).as("no longer counted once stale, even before a sweep").isEmpty();
        List<LiveEvent> signals = new CopyOnWriteArrayList<>();
        try (var subscription = live.subscribe(PresenceService.TOPIC, target, signals::addAll)) {
            presence.sweep();
            assertThat(signals).contains(new LiveEvent(PresenceService.TOPIC, target));
        }
        assertThat(jdbc.queryForObject("select count(*) from presence where target_id = ?", Integer.class, target))
                .isZero();
    }
}
