package app.ponte.health.ui;

import app.ponte.health.Question;
import com.vaadin.flow.component.Component;

/** How a question reads: a library question in the reader's language, one's own as written. */
final class SurveyTexts {

    private SurveyTexts() {
    }

    static String question(Component owner, Question question) {
        return question.libraryKey() != null ? owner.getTranslation(question.libraryKey()) : question.text();
    }
}
