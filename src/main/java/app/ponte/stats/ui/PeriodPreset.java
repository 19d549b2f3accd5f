package app.ponte.stats.ui;

import app.ponte.stats.Period;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Arrays;

/**
 * The periods a person picks from on the statistics pages (dashboards.md). "This …" presets end
 * today, so a period in progress is compared with as many days before it, not with a whole
 * finished month or quarter (decision 025). The default is the last 12 full months.
 */
public enum PeriodPreset {
    THIS_MONTH, LAST_MONTH, THIS_QUARTER, LAST_QUARTER, THIS_YEAR, LAST_12_MONTHS, CUSTOM;

    public static final PeriodPreset DEFAULT = LAST_12_MONTHS;

    /** The period this preset names on {@code today}; CUSTOM names none. */
    public Period period(LocalDate today) {
        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate quarterStart = today.with(IsoFields.DAY_OF_QUARTER, 1);
        return switch (this) {
            case THIS_MONTH -> new Period(monthStart, today);
            case LAST_MONTH -> new Period(monthStart.minusMonths(1), monthStart.minusDays(1));
            case THIS_QUARTER -> new Period(quarterStart, today);
            case LAST_QUARTER -> new Period(quarterStart.minusMonths(3), quarterStart.minusDays(1));
            case THIS_YEAR -> new Period(today.withDayOfYear(1), today);
            case LAST_12_MONTHS -> new Period(monthStart.minusMonths(12), monthStart.minusDays(1));
            case CUSTOM -> throw new IllegalStateException("a custom period has no dates of its own");
        };
    }

    /** The preset whose period on {@code today} is exactly {@code period}, or CUSTOM. */
    public static PeriodPreset of(Period period, LocalDate today) {
        return Arrays.stream(values()).filter(p -> p != CUSTOM && p.period(today).equals(period))
                .findFirst().orElse(CUSTOM);
    }

    /**
     * The period of equal length just before {@code period}, for "compared with": the tiles'
     * previous figure and change.
     */
    public static Period previous(Period period) {
        long days = period.to().toEpochDay() - period.from().toEpochDay() + 1;
        return new Period(period.from().minusDays(days), period.from().minusDays(1));
    }
}
