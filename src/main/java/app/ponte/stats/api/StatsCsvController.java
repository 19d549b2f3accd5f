package app.ponte.stats.api;

import app.ponte.stats.ChannelEconomics;
import app.ponte.stats.Funnel;
import app.ponte.stats.HandoffFigures;
import app.ponte.stats.Marketers;
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
import java.util.function.Consumer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CSV form of {@code /api/stats/**}: the same URL and parameters with {@code format=csv}
 * (docs/export.md). A query parameter rather than {@code Accept: text/csv}, so that a plain link
 * or a spreadsheet's "from web" import can ask for it; the JSON contract of metrics.md is
 * untouched. The figures are computed before the first byte is written, so a bad parameter is
 * still the JSON 400 of the API.
 */
@RestController
@RequestMapping("/api/stats")
class StatsCsvController {

    static final String CSV = "format=csv";

    private final StatsService stats;
    private final StatsParameters parameters;

    StatsCsvController(StatsService stats, StatsParameters parameters) {
        this.stats = stats;
        this.parameters = parameters;
    }

    @GetMapping(value = "/funnel", params = CSV)
    void funnel(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String channel, HttpServletResponse response) throws IOException {
        Funnel figures = stats.funnel(parameters.period(from, to), parameters.channel(channel));
        send(response, "funnel", out -> StatsCsv.write(figures, out));
    }

    @GetMapping(value = "/stage-durations", params = CSV)
    void stageDurations(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String channel, HttpServletResponse response) throws IOException {
        StageDurations figures = stats.stageDurations(parameters.period(from, to), parameters.channel(channel));
        send(response, "stage-durations", out -> StatsCsv.write(figures, out));
    }

    @GetMapping(value = "/time-to-customer", params = CSV)
    void timeToCustomer(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        TimeToCustomer figures = stats.timeToCustomer(parameters.period(from, to));
        send(response, "time-to-customer", out -> StatsCsv.write(figures, out));
    }

    @GetMapping(value = "/reps", params = CSV)
    void reps(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        Reps figures = stats.reps(parameters.period(from, to));
        send(response, "reps", out -> StatsCsv.write(figures, out));
    }

    @GetMapping(value = "/marketers", params = CSV)
    void marketers(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        Marketers figures = stats.marketers(parameters.period(from, to));
        send(response, "marketers", out -> StatsCsv.write(figures, out));
    }

    @GetMapping(value = "/handoffs", params = CSV)
    void handoffs(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String asOf, HttpServletResponse response) throws IOException {
        HandoffFigures figures = stats.handoffs(parameters.period(from, to), parameters.asOf(asOf));
        send(response, "handoffs", out -> StatsCsv.write(figures, out));
    }

    @GetMapping(value = "/channels", params = CSV)
    void channels(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        ChannelEconomics figures = stats.channels(parameters.period(from, to));
        send(response, "channels", out -> StatsCsv.write(figures, out));
    }

    @GetMapping(value = "/repeat-purchases", params = CSV)
    void repeatPurchases(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        RepeatPurchases figures = stats.repeatPurchases(parameters.period(from, to));
        send(response, "repeat-purchases", out -> StatsCsv.write(figures, out));
    }

    @GetMapping(value = "/volume", params = CSV)
    void volume(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String bucket, HttpServletResponse response) throws IOException {
        Volume figures = stats.volume(parameters.period(from, to), parameters.bucket(bucket));
        send(response, "volume", out -> StatsCsv.write(figures, out));
    }

    @GetMapping(value = "/stalled", params = CSV)
    void stalled(@RequestParam(required = false) String asOf, @RequestParam(required = false) String days,
            HttpServletResponse response) throws IOException {
        Stalled figures = stats.stalled(parameters.asOf(asOf), parameters.days(days));
        send(response, "stalled", out -> StatsCsv.write(figures, out));
    }

    private static void send(HttpServletResponse response, String name, Consumer<OutputStream> table)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
        table.accept(response.getOutputStream());
        response.flushBuffer();
    }
}
