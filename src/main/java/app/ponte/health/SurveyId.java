package app.ponte.health;

public record SurveyId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
