package app.ponte.security;

/** An API token's identity. */
public record ApiTokenId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
