package app.ponte.stats.api;

import app.ponte.base.BusinessRuleException;
import app.ponte.stats.Period;
import app.ponte.stats.VolumeBucketKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;

/**
 * The query parameters of {@code /api/stats/**}, read the same way for the JSON and the CSV form:
 * they arrive as text so that every bad one becomes a 400 naming it (metrics.md).
 */
@Component
class StatsParameters {

    private final Clock clock;

    StatsParameters(Clock clock) {
        this.clock = clock;
    }

    Period period(String from, String to) {
        return new Period(date("from", from), date("to", to));
    }

    String channel(String channel) {
        return channel == null || channel.isBlank() ? null : channel.strip();
    }

    /** {@code asOf}, or now when absent. */
    Instant asOf(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new BusinessRuleException("asOf", "stats.error.instant", asOf);
        }
    }

    VolumeBucketKind bucket(String bucket) {
        return switch (bucket == null ? "" : bucket) {
            case "week" -> VolumeBucketKind.WEEK;
            case "month" -> VolumeBucketKind.MONTH;
            default -> throw new BusinessRuleException("bucket", "stats.error.bucket", String.valueOf(bucket));
        };
    }

    /** {@code days} of the stalled list: 14 when absent, 0..36,500. */
    int days(String days) {
        int d;
        try {
            d = days == null ? 14 : Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            throw new BusinessRuleException("days", "stats.error.days");
        }
        if (d < 0 || d > 36_500) {
            throw new BusinessRuleException("days", "stats.error.days");
        }
        return d;
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
}
