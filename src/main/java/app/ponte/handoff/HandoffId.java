package app.ponte.handoff;

/** A handoff's identity. */
public record HandoffId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
