package app.ponte.base.api;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.BusinessRuleViolations;
import app.ponte.base.ConcurrentEditException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns refused requests into the API's JSON error body: 400 {@code {"error": "...", "field": "..."}}
 * for a broken rule, 409 for a concurrent edit. Access errors are left to Spring Security's JSON handlers.
 * Several broken rules at once keep the first in {@code error}/{@code field} and list every one in
 * {@code "errors": [{"field", "error"}, ...]}.
 */
@RestControllerAdvice(basePackages = "app.ponte")
class ApiExceptionHandler {

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BusinessRuleException.class)
    ResponseEntity<Map<String, Object>> businessRule(BusinessRuleException e) {
        Map<String, Object> body = error(e);
        if (e instanceof BusinessRuleViolations several) {
            List<Map<String, Object>> errors = several.violations().stream().map(this::error).toList();
            body.put("errors", errors);
        }
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }

    @ExceptionHandler(ConcurrentEditException.class)
    ResponseEntity<Map<String, Object>> concurrentEdit(ConcurrentEditException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error",
                "changed by " + e.changedBy() + " at " + e.changedAt() + "; reload and try again"));
    }

    private Map<String, Object> error(BusinessRuleException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.ENGLISH));
        e.field().ifPresent(f -> body.put("field", f));
        return body;
    }
}
