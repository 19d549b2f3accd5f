package app.ponte.perf;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The benchmark's profiles: the tests' own ({@code test}, plus {@code test-postgres} with
 * {@code -Dponte.test.db=postgres}), then {@code perf-h2} (a file database under target/) or
 * {@code perf-postgres} (the ponte_perf database unless DB_URL says otherwise).
 */
public class BenchmarkProfiles implements ActiveProfilesResolver {

    static boolean postgres() {
        return "postgres".equals(System.getProperty("ponte.test.db"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return postgres()
                ? new String[] {"test", "test-postgres", "perf-postgres"}
                : new String[] {"test", "perf-h2"};
    }
}
