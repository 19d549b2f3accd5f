package app.ponte.intake.api;

import app.ponte.intake.IntakeRateLimit;
import app.ponte.intake.IntakeReceipt;
import app.ponte.intake.IntakeService;
import app.ponte.intake.IntakeUnavailableException;
import app.ponte.intake.WebForm;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web-to-lead intake: {@code POST /api/leads} with a MARKETING token (docs/decisions/013).
 * 201 with {@code {"id", "duplicate": false}} for a new lead, 200 with the known lead's id and
 * {@code "duplicate": true} for an e-mail seen within the dedupe window, 400 with every invalid
 * field, 429 with {@code Retry-After} beyond the caller's rate.
 */
@RestController
class LeadIntakeController {

    private final IntakeService intake;
    private final IntakeRateLimit rateLimit;

    LeadIntakeController(IntakeService intake, IntakeRateLimit rateLimit) {
        this.intake = intake;
        this.rateLimit = rateLimit;
    }

    @Operation(summary = "Web-to-lead: a form becomes a NEW lead, or the lead already known by its e-mail",
            responses = {
                    @ApiResponse(responseCode = "201", description = "a new lead",
                            content = @Content(schema = @Schema(implementation = IntakeReceipt.class))),
                    @ApiResponse(responseCode = "200", description = "the e-mail is known: that lead's id",
                            content = @Content(schema = @Schema(implementation = IntakeReceipt.class))),
                    @ApiResponse(responseCode = "400", description = "{error, field, errors: [{field, error}]}"),
                    @ApiResponse(responseCode = "401", description = "no, unknown, revoked or expired token"),
                    @ApiResponse(responseCode = "403", description = "the token's role is not MARKETING"),
                    @ApiResponse(responseCode = "429", description = "over the rate per minute; see Retry-After"),
                    @ApiResponse(responseCode = "503", description = "the intake owner is not set up")})
    @PostMapping(path = "/api/leads", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(@RequestBody WebForm form, Authentication caller) {
        var wait = rateLimit.take(caller.getName());
        if (wait.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()))
                    .body(Map.of("error", "too many requests: try again in " + wait.getAsLong() + " s"));
        }
        IntakeReceipt receipt = intake.receive(form);
        if (receipt.duplicate()) {
            return ResponseEntity.ok(receipt);
        }
        return ResponseEntity.created(URI.create("/leads/" + receipt.id())).body(receipt);
    }

    @ExceptionHandler(IntakeUnavailableException.class)
    ResponseEntity<Map<String, String>> unavailable(IntakeUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error",
                "the body must be a JSON object: name, company, email, phone, channel, intent, note"));
    }
}
