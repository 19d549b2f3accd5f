package app.ponte.security;

/** A user's identity, typed so it cannot be mixed up with a lead's or a handoff's. */
public record UserId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
