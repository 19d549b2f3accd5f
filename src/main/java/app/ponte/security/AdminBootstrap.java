package app.ponte.security;

import java.util.EnumSet;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * How a production install gets its first account: with {@code ponte.admin.username} and
 * {@code ponte.admin.password} set and no account of that name, an ADMIN is created at start.
 * Runs after the demo data (order 100), so a demo database is never mistaken for an empty one.
 */
@Component
@Order(100)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AdminProperties properties;
    private final UserService users;

    AdminBootstrap(AdminProperties properties, UserService users) {
        this.properties = properties;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.isSet()) {
            return;
        }
        SystemCaller.run(() -> {
            if (users.findByUsername(properties.username()).isPresent()) {
                return;
            }
            users.create(new NewUser(properties.username(), "Administrator", null, EnumSet.of(Role.ADMIN),
                    properties.password(), Locale.ENGLISH));
            log.info("Created the administrator account '{}' from ponte.admin.username", properties.username());
        });
    }
}
