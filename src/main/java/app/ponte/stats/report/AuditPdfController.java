package app.ponte.stats.report;

import app.ponte.base.i18n.Languages;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import app.ponte.stats.StatsService;
import app.ponte.stats.ui.StatsFilter;
import com.vaadin.flow.router.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /reports/audit.pdf?from&to[&channel]} (dashboards.md): the audit report as a PDF in the
 * caller's language. Its own security chain lets a signed-in browser session or HTTP Basic/Bearer in
 * (decision 028); the report service admits MANAGER and ADMIN only, so anyone else gets 403. The URL
 * reads as the page's: a bad or missing date gives the default period, an unknown channel all channels.
 */
@RestController
class AuditPdfController {

    static final String PATH = "/reports/audit.pdf";

    private final AuditReportService report;
    private final AuditPdf pdf;
    private final StatsService stats;
    private final UserService users;
    private final Clock clock;

    AuditPdfController(AuditReportService report, AuditPdf pdf, StatsService stats, UserService users, Clock clock) {
        this.report = report;
        this.pdf = pdf;
        this.stats = stats;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> auditPdf(HttpServletRequest request) {
        Locale locale = language(request);
        Map<String, List<String>> parameters = request.getParameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Arrays.asList(e.getValue())));
        LocalDate today = LocalDate.now(clock.withZone(stats.zone()));
        StatsFilter filter = StatsFilter.fromQuery(new QueryParameters(parameters), today,
                new HashSet<>(report.channelCodes(locale)));
        var out = new ByteArrayOutputStream();
        // rendered whole before answering, so a failure is an error status, never half a PDF
        pdf.write(report.report(filter, clock.instant(), locale), out);
        String file = "audit-" + filter.period().from() + "-" + filter.period().to() + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(out.toByteArray());
    }

    /**
     * The caller's language: a person's from their account; an API token (no account of its own) may name
     * one with {@code lang=it}; otherwise English.
     */
    private Locale language(HttpServletRequest request) {
        String name = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
        return Optional.ofNullable(name).flatMap(users::findByUsername).map(UserSummary::language)
                .or(() -> Optional.ofNullable(request.getParameter("lang")).flatMap(tag -> Languages.SUPPORTED.stream()
                        .filter(l -> l.getLanguage().equals(tag)).findFirst()))
                .orElse(Locale.ENGLISH);
    }
}
