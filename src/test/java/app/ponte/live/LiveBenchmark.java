package app.ponte.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Live-update benchmark (the perf profile; figures in docs/benchmarks.md):
 * 500 subscribed browser tabs (Vaadin UIs simulated in this JVM, each with a view that re-reads one
 * row when told) receive one change — the time until the last one has run its update; and, on
 * PostgreSQL, the latency of a signal from one node's relay to another's.
 */
@Tag("perf")
class LiveBenchmark extends KaribuTest {

    private static final Topic TOPIC = new Topic("bench");
    private static final int TABS = 500;
    private static final int ROUNDS = 30;

    @Autowired
    LiveEvents live;

    @Autowired
    LiveUpdates updates;

    @Autowired
    DataSource dataSource;

    @Test
    void five_hundred_tabs_receive_one_change() throws InterruptedException {
        var jdbc = new JdbcTemplate(dataSource);
        var session = VaadinSession.getCurrent();
        AtomicLongArray doneAt = new AtomicLongArray(TABS);
        AtomicLong round = new AtomicLong();
        List<CountDownLatch> latches = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            latches.add(new CountDownLatch(TABS));
        }
        for (int i = 0; i < TABS; i++) {
            int tab = i;
            UI ui = new UI();
            ui.getInternals().setSession(session);
            var view = new Div();
            ui.add(view);
            updates.subscribe(view, TOPIC, null, ids -> {
                // each tab re-reads what it shows, as a real view does
                jdbc.queryForObject("select count(*) from app_user where id = ?", Long.class, ids.iterator().next());
                doneAt.set(tab, System.nanoTime());
                latches.get((int) round.get()).countDown();
            });
        }
        // Karibu holds the one session's lock on this thread: release it so the push threads run the
        // tabs' updates (a real server has one session per user; one shared lock is the worst case)
        session.unlock();
        double[] millis = new double[ROUNDS];
        try {
            for (int r = 0; r < ROUNDS; r++) {
                round.set(r);
                long start = System.nanoTime();
                live.publish(TOPIC, r + 1);
                assertThat(latches.get(r).await(30, TimeUnit.SECONDS)).isTrue();
                long last = 0;
                for (int i = 0; i < TABS; i++) {
                    last = Math.max(last, doneAt.get(i));
                }
                millis[r] = (last - start) / 1_000_000.0;
                Thread.sleep(300); // past the coalescing window, so every round is a first push
            }
        } finally {
            session.lock();
        }
        report("500 tabs, time until the last is updated", Arrays.copyOfRange(millis, 5, ROUNDS));
    }

    @Test
    @EnabledIfSystemProperty(named = "ponte.test.db", matches = "postgres")
    void cross_node_relay_latency() throws InterruptedException {
        var nodeA = new PostgresLiveRelay(dataSource, java.time.Duration.ofMillis(500));
        var nodeB = new PostgresLiveRelay(dataSource, java.time.Duration.ofMillis(500));
        var sentAt = new ConcurrentHashMap<Long, Long>();
        var latency = new ConcurrentHashMap<Long, Double>();
        nodeB.start("bench-b", events -> events.forEach(e -> {
            Long sent = sentAt.get(e.id());
            if (sent != null) {
                latency.put(e.id(), (System.nanoTime() - sent) / 1_000_000.0);
            }
        }), () -> { });
        try {
            while (nodeB.listenerBackendPid() == null) {
                Thread.sleep(10);
            }
            int signals = 1000;
            for (long id = 1; id <= signals; id++) {
                sentAt.put(id, System.nanoTime());
                nodeA.send("bench-a", List.of(new LiveEvent(TOPIC, id)));
                Thread.sleep(5);
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (latency.size() < signals && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(latency).hasSize(signals);
            report("cross-node relay, commit to delivery on the other node",
                    latency.values().stream().mapToDouble(Double::doubleValue).toArray());
        } finally {
            nodeB.stop();
        }
    }

    private static void report(String row, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("LIVE BENCHMARK | %s | n=%d | p50 %.1f ms | p95 %.1f ms | max %.1f ms%n", row, sorted.length,
                sorted[(int) Math.ceil(0.5 * sorted.length) - 1], sorted[(int) Math.ceil(0.95 * sorted.length) - 1],
                sorted[sorted.length - 1]);
    }
}
