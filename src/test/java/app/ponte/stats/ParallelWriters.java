package app.ponte.stats;

import app.ponte.security.UserSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The kept tests' parallel writers (issue 23: "no lost count with 8 parallel writers on one key"): writers signed
 * in as one person, each on its own thread, all let go at once.
 */
final class ParallelWriters {

    /** One writer's work; {@code writer} is its number, 0 to writers − 1. */
    interface Writer<T> {
        T write(int writer) throws Exception;
    }

    private ParallelWriters() {
    }

    /** Runs {@code writers} writers signed in as {@code user}, started at once; their results in writer order. */
    static <T> List<T> run(UserSummary user, int writers, Writer<T> writer) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<T>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int n = w;
                done.add(pool.submit(() -> {
                    signIn(user);
                    try {
                        start.await();
                        return writer.write(n);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : done) {
                results.add(f.get(180, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Signs {@code user} in on this thread, with the user's roles. */
    static void signIn(UserSummary user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.username(), null, user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
    }
}
