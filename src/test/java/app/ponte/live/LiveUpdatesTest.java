package app.ponte.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ponte.KaribuTest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LiveUpdatesTest extends KaribuTest {

    private static final Topic TOPIC = new Topic("test-view");

    @Autowired
    LiveEvents live;

    @Autowired
    LiveUpdates updates;

    private static void eventually(java.util.function.BooleanSupplier condition) {
        await().pollInSameThread().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return condition.getAsBoolean();
        });
    }

    @Test
    void anAttachedViewIsToldWhatChanged() {
        var view = new Div();
        UI.getCurrent().add(view);
        List<Set<Long>> calls = new ArrayList<>();
        updates.subscribe(view, TOPIC, null, calls::add);

        live.publish(TOPIC, 42);
        eventually(() -> !calls.isEmpty());

        assertThat(calls).containsExactly(Set.of(42L));
    }

    @Test
    void aDetachedViewReceivesNothingAndLeavesNoSubscriptionBehind() throws InterruptedException {
        int before = live.subscriptionCount();
        var view = new Div();
        UI.getCurrent().add(view);
        List<Set<Long>> calls = new ArrayList<>();
        updates.subscribe(view, TOPIC, null, calls::add);
        assertThat(live.subscriptionCount()).isEqualTo(before + 1);

        UI.getCurrent().remove(view);
        live.publish(TOPIC, 42);
        Thread.sleep(100);
        MockVaadin.clientRoundtrip(false);

        assertThat(calls).isEmpty();
        assertThat(live.subscriptionCount()).isEqualTo(before);
    }

    @Test
    void aTabWhoseBrowserWentSilentIsClosedInsteadOfRefreshed() {
        var view = new Div();
        UI ui = UI.getCurrent();
        ui.add(view);
        List<Set<Long>> calls = new ArrayList<>();
        updates.subscribe(view, TOPIC, null, calls::add);
        // the browser vanished an hour ago: no heartbeat since
        ui.getInternals().setLastHeartbeatTimestamp(System.currentTimeMillis() - Duration.ofHours(1).toMillis());

        VaadinSession session = ui.getSession();
        live.publish(TOPIC, 42);
        // the tab is removed from its session, so poll that session's queue rather than the current UI's
        await().pollInSameThread().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10)).until(() -> {
            MockVaadin.runUIQueue(false, session);
            return !view.isAttached();
        });

        assertThat(calls).as("a dead tab re-renders nothing").isEmpty();
        assertThat(ui.isClosing()).isTrue();
        assertThat(session.getUIs()).doesNotContain(ui);
    }

    @Test
    void aViewAttachedAgainListensAgain() {
        var view = new Div();
        UI.getCurrent().add(view);
        List<Set<Long>> calls = new ArrayList<>();
        updates.subscribe(view, TOPIC, 7L, calls::add);
        UI.getCurrent().remove(view);
        UI.getCurrent().add(view);

        live.publish(TOPIC, 6);
        live.publish(TOPIC, 7);
        eventually(() -> !calls.isEmpty());

        assertThat(calls).containsExactly(Set.of(7L));
    }

    @Test
    void aBusyTeamStillGivesATabOnlyAFewPushesPerSecond() throws InterruptedException {
        var view = new Div();
        UI.getCurrent().add(view);
        List<Set<Long>> calls = new ArrayList<>();
        updates.subscribe(view, TOPIC, null, calls::add);
        long pushesBefore = updates.pushCount();

        // 100 changes spread over one second: without coalescing, 100 pushes
        long start = System.nanoTime();
        for (long id = 1; id <= 100; id++) {
            live.publish(TOPIC, id);
            Thread.sleep(10);
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        await().pollInSameThread().atMost(Duration.ofSeconds(2)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return calls.stream().mapToInt(Set::size).sum() == 100;
        });

        Set<Long> all = new HashSet<>();
        calls.forEach(all::addAll);
        assertThat(all).hasSize(100);
        // one push at once, then at most one per 250 ms window
        long allowed = elapsedMillis / 250 + 2;
        assertThat(updates.pushCount() - pushesBefore).isLessThanOrEqualTo(allowed).isGreaterThan(1);
        assertThat(calls).hasSizeLessThanOrEqualTo((int) allowed);
    }
}
