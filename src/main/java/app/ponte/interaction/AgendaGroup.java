package app.ponte.interaction;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Where an open next step falls, seen from today in the business time zone. */
public enum AgendaGroup {
    OVERDUE,
    TODAY,
    THIS_WEEK,
    LATER;

    /** This week = after today up to Sunday of the current ISO week; no due date counts as later. */
    public static AgendaGroup of(LocalDate due, LocalDate today) {
        if (due == null) {
            return LATER;
        }
        if (due.isBefore(today)) {
            return OVERDUE;
        }
        if (due.isEqual(today)) {
            return TODAY;
        }
        LocalDate sunday = today.with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        return due.isAfter(sunday) ? LATER : THIS_WEEK;
    }
}
