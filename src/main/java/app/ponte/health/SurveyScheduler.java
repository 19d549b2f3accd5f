package app.ponte.health;

import app.ponte.security.SystemCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens due survey runs every few minutes and shortly after start, so a restart misses nothing.
 * Every node may run it: the run's unique key (survey, period) lets only one of them open a run.
 */
@Component
class SurveyScheduler {

    private static final Logger log = LoggerFactory.getLogger(SurveyScheduler.class);

    private final SurveyService surveys;

    SurveyScheduler(SurveyService surveys) {
        this.surveys = surveys;
    }

    @Scheduled(initialDelayString = "${ponte.survey.first-check:PT30S}", fixedDelayString = "${ponte.survey.check-every:PT5M}")
    void openDueRuns() {
        try {
            int opened = SystemCaller.call(surveys::openDueRuns);
            if (opened > 0) {
                log.info("Opened {} survey run(s)", opened);
            }
        } catch (RuntimeException e) {
            log.warn("Opening due survey runs failed; next check later", e);
        }
    }
}
