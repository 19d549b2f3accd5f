package app.ponte.health;

/** What a question asks for: a score from 1 to 5, the eNPS score from 0 to 10, or free text. */
public enum QuestionType {
    SCALE_1_5(1, 5),
    ENPS_0_10(0, 10),
    TEXT(0, 0);

    private final int min;
    private final int max;

    QuestionType(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean scored() {
        return this != TEXT;
    }
}
