package app.ponte.dataimport.api;

import app.ponte.dataimport.ImportKind;
import app.ponte.dataimport.ImportProblem;
import app.ponte.dataimport.ImportProgress;
import app.ponte.dataimport.ImportResult;
import app.ponte.dataimport.ImportService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/import/{kind}} (import.md): the request body is the CSV file, read as a stream.
 * 200 {@code {"kind","imported"}}; 422 {@code {"errors":[{"line","column","message"}]}} with
 * nothing stored; 404 for a kind the import does not know (or only plans). ADMIN only (the service
 * says so; HTTP Basic or a Bearer token).
 */
@RestController
@RequestMapping("/api/import")
class ImportApiController {

    private final ImportService imports;

    ImportApiController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/{kind}", consumes = {"text/csv", "application/csv", "text/plain",
            "application/octet-stream"})
    ResponseEntity<Map<String, Object>> importFile(@PathVariable String kind, HttpServletRequest request)
            throws IOException {
        ImportKind found = ImportKind.of(kind).orElse(null);
        if (found == null) {
            String message = ImportKind.PLANNED.contains(kind)
                    ? "the import of '" + kind + "' is planned, not available yet"
                    : "unknown import kind '" + kind + "'";
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", message));
        }
        // the way the import page runs it: the file stored first, then imported as the caller by the service
        Path file = imports.receive(request.getInputStream());
        ImportResult result;
        try {
            result = imports.start(found, file, Locale.ENGLISH, ImportProgress.NONE).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        if (result.stored()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", found.code());
            body.put("imported", result.imported());
            return ResponseEntity.ok(body);
        }
        List<Map<String, Object>> errors = result.problems().stream().map(ImportApiController::error).toList();
        return ResponseEntity.unprocessableContent().body(Map.of("errors", errors));
    }

    private static Map<String, Object> error(ImportProblem problem) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("line", problem.line());
        error.put("column", problem.column());
        error.put("message", problem.message());
        return error;
    }
}
