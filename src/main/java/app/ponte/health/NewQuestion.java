package app.ponte.health;

/** A question of a new survey: from the library (its message key) or with its own text. */
public record NewQuestion(QuestionType type, String libraryKey, String text) {

    public static NewQuestion custom(QuestionType type, String text) {
        return new NewQuestion(type, null, text);
    }
}
