package app.ponte.stats.api;

import app.ponte.base.BusinessRuleException;
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
import app.ponte.stats.VolumeBucketKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/stats/**} (metrics.md): reads {@link StatsService}, whose records are the JSON shapes.
 * Parameters arrive as text so that every bad one becomes a 400 naming it.
 */
@RestController
@RequestMapping("/api/stats")
class StatsApiController {

    private final StatsService stats;
    private final Clock clock;

    StatsApiController(StatsService stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    @GetMapping("/funnel")
    Funnel funnel(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String channel) {
        return stats.funnel(period(from, to), channel(channel));
    }

    @GetMapping("/stage-durations")
    StageDurations stageDurations(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String channel) {
        return stats.stageDurations(period(from, to), channel(channel));
    }

    @GetMapping("/time-to-customer")
    TimeToCustomer timeToCustomer(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return stats.timeToCustomer(period(from, to));
    }

    @GetMapping("/reps")
    Reps reps(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return stats.reps(period(from, to));
    }

    @GetMapping("/marketers")
    Marketers marketers(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return stats.marketers(period(from, to));
    }

    @GetMapping("/handoffs")
    HandoffFigures handoffs(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String asOf) {
        return stats.handoffs(period(from, to), asOf(asOf));
    }

    @GetMapping("/channels")
    ChannelEconomics channels(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return stats.channels(period(from, to));
    }

    @GetMapping("/repeat-purchases")
    RepeatPurchases repeatPurchases(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return stats.repeatPurchases(period(from, to));
    }

    @GetMapping("/volume")
    Volume volume(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String bucket) {
        Period period = period(from, to);
        VolumeBucketKind kind = switch (bucket == null ? "" : bucket) {
            case "week" -> VolumeBucketKind.WEEK;
            case "month" -> VolumeBucketKind.MONTH;
            default -> throw new BusinessRuleException("bucket", "stats.error.bucket", String.valueOf(bucket));
        };
        return stats.volume(period, kind);
    }

    @GetMapping("/stalled")
    Stalled stalled(@RequestParam(required = false) String asOf, @RequestParam(required = false) String days) {
        int d;
        try {
            d = days == null ? 14 : Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            throw new BusinessRuleException("days", "stats.error.days");
        }
        if (d < 0 || d > 36_500) {
            throw new BusinessRuleException("days", "stats.error.days");
        }
        return stats.stalled(asOf(asOf), d);
    }

    private static Period period(String from, String to) {
        return new Period(date("from", from), date("to", to));
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleException(name, "stats.error.required", name);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BusinessRuleException(name, "stats.error.date", name, value);
        }
    }

    private static String channel(String channel) {
        return channel == null || channel.isBlank() ? null : channel.strip();
    }

    private Instant asOf(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new BusinessRuleException("asOf", "stats.error.instant", asOf);
        }
    }
}
