package app.ponte.health;

/**
 * Ready-made questions. Their text is a message key, so each reader sees it in their language
 * ({@code survey.library.*} in the bundles).
 */
public enum LibraryQuestion {
    ENPS(QuestionType.ENPS_0_10),
    RECOGNITION(QuestionType.SCALE_1_5),
    WORKLOAD(QuestionType.SCALE_1_5),
    GROWTH(QuestionType.SCALE_1_5),
    MANAGER_SUPPORT(QuestionType.SCALE_1_5),
    CLEAR_GOALS(QuestionType.SCALE_1_5),
    TEAMWORK(QuestionType.SCALE_1_5),
    TOOLS(QuestionType.SCALE_1_5),
    IMPROVE(QuestionType.TEXT),
    GOING_WELL(QuestionType.TEXT);

    private final QuestionType type;

    LibraryQuestion(QuestionType type) {
        this.type = type;
    }

    public QuestionType type() {
        return type;
    }

    /** The message key of the question's text. */
    public String key() {
        return "survey.library." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public NewQuestion question() {
        return new NewQuestion(type, key(), null);
    }

    public static java.util.Optional<LibraryQuestion> ofKey(String key) {
        return java.util.Arrays.stream(values()).filter(q -> q.key().equals(key)).findFirst();
    }
}
