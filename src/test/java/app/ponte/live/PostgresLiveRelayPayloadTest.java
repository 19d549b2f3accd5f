package app.ponte.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PostgresLiveRelayPayloadTest {

    private static final Topic LEAD = new Topic("lead");
    private static final Topic BELL = new Topic("notifications");

    @Test
    void signalsRoundTripThroughAPayload() {
        var events = List.of(new LiveEvent(LEAD, 1), new LiveEvent(LEAD, 2), new LiveEvent(BELL, 7),
                new LiveEvent(BELL, LiveEvent.EVERYTHING));
        List<String> payloads = PostgresLiveRelay.payloads("node-a", events);
        assertThat(payloads).containsExactly("node-a|lead:1,2;notifications:*");
        assertThat(PostgresLiveRelay.parse(payloads.getFirst(), "node-b")).containsExactly(
                new LiveEvent(LEAD, 1), new LiveEvent(LEAD, 2), new LiveEvent(BELL, LiveEvent.EVERYTHING));
    }

    @Test
    void aNodeIgnoresItsOwnSignals() {
        assertThat(PostgresLiveRelay.parse("node-a|lead:1", "node-a")).isEmpty();
    }

    @Test
    void manySignalsAreSplitBelowTheNotifyLimitAndNoneIsLost() {
        var events = LongStream.rangeClosed(1_000_000, 1_003_000).mapToObj(id -> new LiveEvent(LEAD, id)).toList();
        List<String> payloads = PostgresLiveRelay.payloads("node-a", events);
        assertThat(payloads).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.length()).isLessThan(8000));
        assertThat(payloads.stream().flatMap(p -> PostgresLiveRelay.parse(p, "x").stream()).toList())
                .isEqualTo(events);
    }
}
