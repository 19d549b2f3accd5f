package app.ponte.health;

public record SurveyRunId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
