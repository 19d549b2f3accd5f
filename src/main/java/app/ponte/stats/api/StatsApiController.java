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
import app.ponte.stats.StatsService;
import app.ponte.stats.TimeToCustomer;
import app.ponte.stats.Volume;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/stats/**} (metrics.md): reads {@link StatsService}, whose records are the JSON shapes.
 * Parameters arrive as text so that every bad one becomes a 400 naming it ({@link StatsParameters}).
 * The same URLs with {@code format=csv} answer the CSV form ({@link StatsCsvController}).
 */
@RestController
// format=csv goes to StatsCsvController; without this a literal path here would outrank its /{table}
@RequestMapping(path = "/api/stats", params = "format!=csv")
// the API is MANAGER and ADMIN (metrics.md); the service also serves MARKETING and SALES, without money
@PreAuthorize(AppRoles.HAS_MANAGER_OR_ADMIN)
class StatsApiController {

    private final StatsService stats;
    private final StatsParameters parameters;

    StatsApiController(StatsService stats, StatsParameters parameters) {
        this.stats = stats;
        this.parameters = parameters;
    }

    @GetMapping("/funnel")
    Funnel funnel(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String channel) {
        return stats.funnel(parameters.period(from, to), parameters.channel(channel));
    }

    @GetMapping("/stage-durations")
    StageDurations stageDurations(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String channel) {
        return stats.stageDurations(parameters.period(from, to), parameters.channel(channel));
    }

    @GetMapping("/time-to-customer")
    TimeToCustomer timeToCustomer(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return stats.timeToCustomer(parameters.period(from, to));
    }

    @GetMapping("/reps")
    Reps reps(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return stats.reps(parameters.period(from, to));
    }

    @GetMapping("/marketers")
    Marketers marketers(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return stats.marketers(parameters.period(from, to));
    }

    @GetMapping("/handoffs")
    HandoffFigures handoffs(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String asOf) {
        return stats.handoffs(parameters.period(from, to), parameters.asOf(asOf));
    }

    @GetMapping("/channels")
    ChannelEconomics channels(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return stats.channels(parameters.period(from, to));
    }

    @GetMapping("/repeat-purchases")
    RepeatPurchases repeatPurchases(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return stats.repeatPurchases(parameters.period(from, to));
    }

    @GetMapping("/volume")
    Volume volume(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String bucket) {
        Period period = parameters.period(from, to);
        return stats.volume(period, parameters.bucket(bucket));
    }

    @GetMapping("/stalled")
    Stalled stalled(@RequestParam(required = false) String asOf, @RequestParam(required = false) String days) {
        return stats.stalled(parameters.asOf(asOf), parameters.days(days));
    }
}
