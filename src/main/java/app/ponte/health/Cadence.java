package app.ponte.health;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How often a survey opens a new run; each run belongs to one period, named by its first day. */
public enum Cadence {
    ONCE(90),
    WEEKLY(7),
    MONTHLY(28),
    QUARTERLY(90);

    private final int maxOpenDays;

    Cadence(int maxOpenDays) {
        this.maxOpenDays = maxOpenDays;
    }

    /** The longest open window: a run must close before the next period's run opens. */
    public int maxOpenDays() {
        return maxOpenDays;
    }

    /** The first day of the period holding {@code day}; a one-off survey has one period, its start. */
    public LocalDate periodStart(LocalDate day, LocalDate startsOn) {
        return switch (this) {
            case ONCE -> startsOn;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
            case QUARTERLY -> day.withDayOfMonth(1).withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1);
        };
    }

    /** The first day of the period after the one starting on {@code periodStart}. */
    public LocalDate next(LocalDate periodStart) {
        return switch (this) {
            case ONCE -> periodStart;
            case WEEKLY -> periodStart.plusWeeks(1);
            case MONTHLY -> periodStart.plusMonths(1);
            case QUARTERLY -> periodStart.plusMonths(3);
        };
    }
}
