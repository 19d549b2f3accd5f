package app.ponte.health.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ui.RecordCheck;
import app.ponte.health.OneOnOneId;
import app.ponte.health.OneOnOneService;
import app.ponte.health.SurveyId;
import app.ponte.health.SurveyRunId;
import app.ponte.health.SurveyService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A survey's results, a survey run to answer and a one-on-one whose id does not exist answer 404
 * (the pages then show the not-found view), as a missing lead does. A record that exists but is
 * not the user's to see keeps its page, which says why.
 */
@Configuration(proxyBeanMethods = false)
class HealthRecordChecks {

    /** Not found: the service's own "no such record" refusal; any other refusal means it exists. */
    static boolean exists(Runnable read, String notFoundKey) {
        try {
            read.run();
            return true;
        } catch (BusinessRuleException e) {
            return !notFoundKey.equals(e.messageKey());
        }
    }

    @Bean
    RecordCheck surveyResultsCheck(SurveyService surveys) {
        return new RecordCheck() {
            @Override
            public Class<? extends Component> view() {
                return SurveyResultsView.class;
            }

            @Override
            public boolean exists(RouteParameters parameters) {
                return parameters.getLong("surveyId").map(id -> surveys.survey(new SurveyId(id)).isPresent())
                        .orElse(false);
            }
        };
    }

    @Bean
    RecordCheck surveyAnswerCheck(SurveyService surveys) {
        return new RecordCheck() {
            @Override
            public Class<? extends Component> view() {
                return AnswerSurveyView.class;
            }

            @Override
            public boolean exists(RouteParameters parameters) {
                return parameters.getLong("runId").map(id -> HealthRecordChecks.exists(
                        () -> surveys.toAnswer(new SurveyRunId(id)), AnswerSurveyView.NOT_FOUND)).orElse(false);
            }
        };
    }

    @Bean
    RecordCheck oneOnOneCheck(OneOnOneService oneOnOnes) {
        return new RecordCheck() {
            @Override
            public Class<? extends Component> view() {
                return OneOnOneView.class;
            }

            @Override
            public boolean exists(RouteParameters parameters) {
                return parameters.getLong("id").map(id -> HealthRecordChecks.exists(
                        () -> oneOnOnes.get(new OneOnOneId(id)), OneOnOneView.NOT_FOUND)).orElse(false);
            }
        };
    }
}
