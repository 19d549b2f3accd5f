package app.ponte.intake;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code ponte.intake.rate-per-minute} requests per caller (a token's {@code token:<name>}) and
 * calendar-free minute: a Bucket4j bucket per caller, refilled all at once each minute, in this
 * node's memory (each node counts its own). Time is the application's clock, so tests can move it.
 */
@Component
public class IntakeRateLimit {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final IntakeProperties properties;
    private final TimeMeter time;

    IntakeRateLimit(IntakeProperties properties, Clock clock) {
        this.properties = properties;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes one request from the caller's allowance: empty when allowed, else the seconds to wait. */
    public OptionalLong take(String caller) {
        var probe = buckets.computeIfAbsent(caller, c -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private Bucket newBucket() {
        int rate = properties.ratePerMinute();
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(rate).refillIntervally(rate, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(time)
                .build();
    }

    /** Forgets callers whose allowance is full again, so the map holds only recent callers. */
    @Scheduled(fixedDelayString = "PT5M")
    void forgetIdle() {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= properties.ratePerMinute());
    }
}
