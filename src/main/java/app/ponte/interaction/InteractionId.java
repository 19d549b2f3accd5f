package app.ponte.interaction;

/** An interaction's identity. */
public record InteractionId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
