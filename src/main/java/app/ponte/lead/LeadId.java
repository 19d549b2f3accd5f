package app.ponte.lead;

/** A lead's identity. */
public record LeadId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
