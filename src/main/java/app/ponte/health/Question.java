package app.ponte.health;

/** A survey's question; {@code libraryKey} set means the text is that message key. */
public record Question(long id, int order, QuestionType type, String libraryKey, String text) {
}
