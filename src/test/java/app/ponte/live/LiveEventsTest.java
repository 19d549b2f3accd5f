package app.ponte.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@PonteTest
@Tag("persistence")
class LiveEventsTest {

    private static final Topic TOPIC = new Topic("test-live");

    @Autowired
    LiveEvents live;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aSignalPublishedInATransactionIsDeliveredOnlyAfterItCommits() {
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        try (var subscription = live.subscribe(TOPIC, null, received::addAll)) {
            transactions.executeWithoutResult(status -> {
                live.publish(TOPIC, 1);
                live.publish(TOPIC, 1);
                live.publish(TOPIC, 2);
                assertThat(received).as("nothing before the commit").isEmpty();
            });
            assertThat(received).as("once each, after the commit")
                    .containsExactly(new LiveEvent(TOPIC, 1), new LiveEvent(TOPIC, 2));
        }
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        try (var subscription = live.subscribe(TOPIC, null, received::addAll)) {
            transactions.executeWithoutResult(status -> {
                live.publish(TOPIC, 7);
                status.setRollbackOnly();
            });
            assertThat(received).isEmpty();
        }
    }

    @Test
    void aSignalOutsideATransactionGoesOutAtOnce() {
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        try (var subscription = live.subscribe(TOPIC, null, received::addAll)) {
            live.publish(TOPIC, 3);
            assertThat(received).containsExactly(new LiveEvent(TOPIC, 3));
        }
    }

    @Test
    void aSubscriberOfOneIdHearsOnlyThatIdAndEverything() {
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        try (var subscription = live.subscribe(TOPIC, 5L, received::addAll)) {
            live.publish(TOPIC, 4);
            live.publish(TOPIC, 5);
            live.publish(TOPIC, LiveEvent.EVERYTHING);
            assertThat(received).containsExactly(new LiveEvent(TOPIC, 5), new LiveEvent(TOPIC, LiveEvent.EVERYTHING));
        }
    }

    @Test
    void aClosedSubscriptionHearsNothing() {
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        int before = live.subscriptionCount();
        var subscription = live.subscribe(TOPIC, null, received::addAll);
        assertThat(live.subscriptionCount()).isEqualTo(before + 1);
        subscription.close();
        live.publish(TOPIC, 9);
        assertThat(received).isEmpty();
        assertThat(live.subscriptionCount()).isEqualTo(before);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        try (var failing = live.subscribe(TOPIC, null, events -> {
            throw new IllegalStateException("boom");
        }); var healthy = live.subscribe(TOPIC, null, received::addAll)) {
            live.publish(TOPIC, 11);
            assertThat(received).containsExactly(new LiveEvent(TOPIC, 11));
        }
    }
}
