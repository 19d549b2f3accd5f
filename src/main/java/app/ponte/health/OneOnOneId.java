package app.ponte.health;

public record OneOnOneId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
