package app.ponte;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Tests run on in-memory H2 unless {@code -Dponte.test.db=postgres} (the Maven {@code postgres}
 * profile) points them at PostgreSQL.
 */
public class TestDatabaseProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        return "postgres".equals(System.getProperty("ponte.test.db"))
                ? new String[] {"test", "test-postgres"}
                : new String[] {"test"};
    }
}
