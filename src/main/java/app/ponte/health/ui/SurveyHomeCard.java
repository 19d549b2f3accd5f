package app.ponte.health.ui;

import app.ponte.base.PonteProperties;
import app.ponte.base.ui.Formats;
import app.ponte.base.ui.HomeCard;
import app.ponte.health.OpenSurvey;
import app.ponte.health.SurveyService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.List;
import java.util.Optional;

/** The surveys waiting for the signed-in user's answer, on the home page. */
@org.springframework.stereotype.Component
class SurveyHomeCard implements HomeCard {

    private final SurveyService surveys;
    private final PonteProperties properties;

    SurveyHomeCard(SurveyService surveys, PonteProperties properties) {
        this.surveys = surveys;
        this.properties = properties;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create() {
        List<OpenSurvey> open = surveys.openForMe();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        var card = new Div();
        card.setId("home-surveys");
        card.addClassName("ponte-home-card");
        card.add(new H3(card.getTranslation("survey.home.title")));
        var locale = UI.getCurrent() == null ? java.util.Locale.ENGLISH : UI.getCurrent().getLocale();
        for (OpenSurvey survey : open) {
            var link = new Anchor(AnswerSurveyView.ROUTE + "/" + survey.run().id().value(),
                    card.getTranslation("survey.home.answer", survey.run().title(),
                            Formats.dateTime(survey.run().closesAt(), properties.zone(), locale)));
            link.setId("home-survey-" + survey.run().id().value());
            card.add(new Div(link));
        }
        return Optional.of(card);
    }
}
