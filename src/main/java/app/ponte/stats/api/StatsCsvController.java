package app.ponte.stats.api;

import app.ponte.security.AppRoles;
import app.ponte.stats.ChannelEconomics;
import app.ponte.stats.Funnel;
import app.ponte.stats.HandoffFigures;
import app.ponte.stats.Marketers;
import app.ponte.stats.Period;
import app.ponte.stats.RepeatPurchases;
import app.ponte.stats.Reps;
import app.ponte.stats.StageDurations;
import app.ponte.stats.Stalled;
import app.ponte.stats.StatsCsv;
import app.ponte.stats.StatsService;
import app.ponte.stats.TimeToCustomer;
import app.ponte.stats.Volume;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The CSV form of {@code /api/stats/<table>}: the same URL and parameters with {@code format=csv}
 * (docs/export.md). A query parameter rather than {@code Accept: text/csv}, so that a plain link
 * or a spreadsheet's "from web" import can ask for it; the JSON contract of metrics.md
 * ({@link StatsApiController}) is untouched. The figures are computed before the first byte is
 * written, so a bad parameter is still the JSON 400 of the API.
 */
@RestController
@RequestMapping("/api/stats")
// the API is MANAGER and ADMIN (metrics.md); the service also serves MARKETING and SALES, without money
@PreAuthorize(AppRoles.HAS_MANAGER_OR_ADMIN)
class StatsCsvController {

    private final StatsService stats;
    private final StatsParameters parameters;

    StatsCsvController(StatsService stats, StatsParameters parameters) {
        this.stats = stats;
        this.parameters = parameters;
    }

    @GetMapping(value = "/{table}", params = "format=csv")
    void table(@PathVariable String table, @RequestParam Map<String, String> query, HttpServletResponse response)
            throws IOException {
        Consumer<OutputStream> csv = switch (table) {
            case "funnel" -> {
                Funnel f = stats.funnel(period(query), parameters.channel(query.get("channel")));
                yield out -> StatsCsv.write(f, out);
            }
            case "stage-durations" -> {
                StageDurations d = stats.stageDurations(period(query), parameters.channel(query.get("channel")));
                yield out -> StatsCsv.write(d, out);
            }
            case "time-to-customer" -> {
                TimeToCustomer t = stats.timeToCustomer(period(query));
                yield out -> StatsCsv.write(t, out);
            }
            case "reps" -> {
                Reps r = stats.reps(period(query));
                yield out -> StatsCsv.write(r, out);
            }
            case "marketers" -> {
                Marketers m = stats.marketers(period(query));
                yield out -> StatsCsv.write(m, out);
            }
            case "handoffs" -> {
                HandoffFigures h = stats.handoffs(period(query), parameters.asOf(query.get("asOf")));
                yield out -> StatsCsv.write(h, out);
            }
            case "channels" -> {
                ChannelEconomics c = stats.channels(period(query));
                yield out -> StatsCsv.write(c, out);
            }
            case "repeat-purchases" -> {
                RepeatPurchases r = stats.repeatPurchases(period(query));
                yield out -> StatsCsv.write(r, out);
            }
            case "volume" -> {
                Volume v = stats.volume(period(query), parameters.bucket(query.get("bucket")));
                yield out -> StatsCsv.write(v, out);
            }
            case "stalled" -> {
                Stalled s = stats.stalled(parameters.asOf(query.get("asOf")), parameters.days(query.get("days")));
                yield out -> StatsCsv.write(s, out);
            }
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + table + ".csv\"");
        csv.accept(response.getOutputStream());
        response.flushBuffer();
    }

    private Period period(Map<String, String> query) {
        return parameters.period(query.get("from"), query.get("to"));
    }
}
