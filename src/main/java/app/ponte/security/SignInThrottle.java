package app.ponte.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per address in token buckets (Bucket4j): each failure
 * takes a token, tokens come back over the window. Unknown accounts are counted like known ones,
 * so the answer never tells whether an account exists.
 */
@Component
class SignInThrottle {

    private final SignInProperties properties;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SignInThrottle(SignInProperties properties) {
        this.properties = properties;
    }

    boolean isBlocked(String username, String address) {
        return empty("user:" + key(username)) || (address != null && empty("addr:" + address));
    }

    void recordFailure(String username, String address) {
        bucket("user:" + key(username)).tryConsume(1);
        if (address != null) {
            bucket("addr:" + address).tryConsume(1);
        }
    }

    private boolean empty(String key) {
        Bucket bucket = buckets.get(key);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    private Bucket bucket(String key) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(properties.maxFailures())
                        .refillGreedy(properties.maxFailures(), properties.window())
                        .build())
                .build());
    }

    private static String key(String username) {
        return UserService.normalizeUsername(username);
    }

    /** Forgets buckets that have refilled, so the map does not grow with every address ever seen. */
    @Scheduled(fixedDelayString = "PT1M")
    void forgetRefilled() {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= properties.maxFailures());
    }
}
