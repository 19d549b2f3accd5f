package app.ponte.purchase;

/** A purchase's identity. */
public record PurchaseId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
