package app.ponte.security;

import java.time.LocalDate;

/**
 * What an administrator asks for: a name, the one role the token acts with, and an optional last
 * day of validity (inclusive, in the business time zone; null: no expiry).
 */
public record NewApiToken(String name, Role role, LocalDate expiresOn) {
}
