package app.ponte.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator of a production install: when both are set and no account of that
 * name exists, it is created at start.
 */
@ConfigurationProperties("ponte.admin")
public record AdminProperties(String username, String password) {

    boolean isSet() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }
}
