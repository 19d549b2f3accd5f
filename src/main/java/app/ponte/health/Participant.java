package app.ponte.health;

import app.ponte.security.UserId;

/** A person in a one-on-one. */
public record Participant(UserId id, String username, String fullName) {
}
