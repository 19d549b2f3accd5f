package app.ponte.health;

import java.time.ZonedDateTime;

/** How often a pair meets; the next one-on-one is suggested from it. */
public enum Rhythm {
    WEEKLY,
    BIWEEKLY,
    MONTHLY;

    public ZonedDateTime next(ZonedDateTime after) {
        return switch (this) {
            case WEEKLY -> after.plusWeeks(1);
            case BIWEEKLY -> after.plusWeeks(2);
            case MONTHLY -> after.plusMonths(1);
        };
    }
}
