package app.ponte.lead;

import app.ponte.security.UserId;

/** A user as a lead shows them: owner, creator, author of a change. */
public record Person(UserId id, String username, String fullName) {
}
