package app.ponte.stats.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A period {@code [from, to)} split for the day rollups (decision 017): the whole UTC days inside it,
 * {@code [firstDay, endDay)} as day numbers (floor(epoch seconds / 86400)), read from a rollup, and
 * the partial days at its two ends, {@code [from, first day)} and {@code [end day, to)}, read from the
 * rows. A period of local dates in a zone other than UTC has at most one partial day at each end; a
 * period shorter than a whole UTC day is all edge.
 */
record DaySplit(long firstDay, long endDay, Instant headFrom, Instant headTo, Instant tailFrom, Instant tailTo) {

    private static final long DAY = 86_400;

    static DaySplit of(Instant from, Instant to) {
        long first = Math.floorDiv(from.getEpochSecond(), DAY);
        if (Instant.ofEpochSecond(first * DAY).isBefore(from)) {
            first++;
        }
        long end = Math.floorDiv(to.getEpochSecond(), DAY);
        if (first >= end) {
            return new DaySplit(0, 0, from, to, to, to);
        }
        return new DaySplit(first, end, from, Instant.ofEpochSecond(first * DAY), Instant.ofEpochSecond(end * DAY), to);
    }

    /** The parameters {@code :d0, :d1} (days) and {@code :h0, :h1, :t0, :t1} (the two edges' instants). */
    void addTo(Map<String, Object> params) {
        params.put("d0", firstDay);
        params.put("d1", endDay);
        params.put("h0", utc(headFrom));
        params.put("h1", utc(headTo));
        params.put("t0", utc(tailFrom));
        params.put("t1", utc(tailTo));
    }

    /** The condition on a timestamp column for one edge: {@code edge} is "h" (head) or "t" (tail). */
    static String edge(String column, String edge) {
        return column + " >= :" + edge + "0 and " + column + " < :" + edge + "1";
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
