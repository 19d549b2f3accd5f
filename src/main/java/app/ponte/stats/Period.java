package app.ponte.stats;

import app.ponte.base.BusinessRuleException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A statistics period: two local dates, both inclusive, read in the business time zone as the
 * instants {@code [from 00:00, to + 1 day 00:00)}.
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (from == null) {
            throw new BusinessRuleException("from", "stats.error.required", "from");
        }
        if (to == null) {
            throw new BusinessRuleException("to", "stats.error.required", "to");
        }
        if (from.isAfter(to)) {
            throw new BusinessRuleException("from", "stats.error.from-after-to", from, to);
        }
    }

    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
