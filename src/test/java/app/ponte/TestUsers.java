package app.ponte;

import app.ponte.security.NewUser;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Creates accounts for tests through the service, each with a name no other test uses. */
@Component
public class TestUsers {

    public static final String PASSWORD = "secret-123";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserService users;

    public TestUsers(UserService users) {
        this.users = users;
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
    }

    public UserSummary create(String prefix, Role... roles) {
        String username = uniqueName(prefix);
        return SystemCaller.call(() -> users.create(new NewUser(username, "Test " + username,
                username + "@example.com", Set.of(roles), PASSWORD, Locale.ENGLISH)));
    }
}
