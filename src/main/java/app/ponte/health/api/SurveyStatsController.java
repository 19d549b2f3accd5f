package app.ponte.health.api;

import app.ponte.health.Enps;
import app.ponte.health.Question;
import app.ponte.health.QuestionResult;
import app.ponte.health.RunResults;
import app.ponte.health.SurveyRunId;
import app.ponte.health.SurveyService;
import app.ponte.security.AppRoles;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/stats/surveys/{runId}} (metrics.md): a run's results, or only
 * {@code {"responses":n,"suppressed":true}} below the anonymity threshold.
 */
@RestController
@RequestMapping("/api/stats/surveys")
@PreAuthorize(AppRoles.HAS_MANAGER_OR_ADMIN)
class SurveyStatsController {

    private final SurveyService surveys;
    private final MessageSource messages;

    SurveyStatsController(SurveyService surveys, MessageSource messages) {
        this.surveys = surveys;
        this.messages = messages;
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record EnpsJson(int promoters, int passives, int detractors, int score) {

        static EnpsJson of(Enps e) {
            return e == null ? null : new EnpsJson(e.promoters(), e.passives(), e.detractors(), e.score());
        }
    }

    @GetMapping("/{runId}")
    Map<String, Object> run(@PathVariable long runId) {
        RunResults results = surveys.results(new SurveyRunId(runId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responses", results.responses());
        body.put("suppressed", results.suppressed());
        if (results.suppressed()) {
            return body;
        }
        body.put("enps", EnpsJson.of(results.enps()));
        body.put("questions", results.questions().stream().map(this::question).toList());
        return body;
    }

    /**
     * The CSV form (docs/export.md): the same URL with {@code format=csv}, the rows of the results
     * page's export, question texts in English. A refusal before the first row is the JSON error.
     */
    @GetMapping(value = "/{runId}", params = "format=csv")
    void runCsv(@PathVariable long runId, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"survey-run-" + runId + ".csv\"");
        try {
            surveys.export(new SurveyRunId(runId), response.getOutputStream(), this::text);
        } catch (RuntimeException e) {
            if (!response.isCommitted()) {
                response.reset();
            }
            throw e;
        }
        response.flushBuffer();
    }

    private String text(Question question) {
        return question.libraryKey() != null
                ? messages.getMessage(question.libraryKey(), null, question.libraryKey(), Locale.ENGLISH)
                : question.text();
    }

    private Map<String, Object> question(QuestionResult q) {
        Map<String, Object> json = new LinkedHashMap<>();
        Question question = q.question();
        json.put("order", question.order());
        json.put("type", question.type().name());
        json.put("text", text(question));
        json.put("answered", q.answered());
        if (question.type().scored()) {
            json.put("mean", q.mean());
            Map<String, Integer> distribution = new LinkedHashMap<>();
            q.distribution().forEach((score, count) -> distribution.put(Integer.toString(score), count));
            json.put("distribution", distribution);
        } else {
            json.put("texts", List.copyOf(q.texts()));
        }
        return json;
    }
}
