package app.ponte.stats.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A period {@code [from, to)} split for the day rollups (decision 017): a range of whole UTC days
 * {@code [firstDay, endDay)} (day numbers, floor(epoch seconds / 86400)) read from a rollup, and two
 * edges read from the rows, each added ({@code sign} +1) or taken away (-1). A period of local dates
 * starts and ends inside a UTC day unless the zone is UTC; each end reads the shorter side of its
 * day from the rows: the part inside the period (added, the day left out of the range) or the part
 * outside it (taken away, the whole day in the range). So an edge is at most 12 hours of rows: in
 * Europe/Rome a period ending at local midnight (23:00 UTC) reads the last UTC day whole and takes
 * away its last hour, instead of adding 23 hours of rows. A period shorter than a UTC day is read
 * from the rows only. The same split works for blocks of several days ({@link #of(Instant, Instant,
 * long)}, customer_block: 16 days, decision 020): whole blocks from the rollup, each edge at most
 * half a block of rows; {@code firstDay} and {@code endDay} are then block numbers.
 */
record DaySplit(long firstDay, long endDay, Instant headFrom, Instant headTo, int headSign, Instant tailFrom,
        Instant tailTo, int tailSign) {

    static final long DAY = 86_400;

    static DaySplit of(Instant from, Instant to) {
        return of(from, to, DAY);
    }

    /** The split into whole blocks of {@code block} seconds (block n = [n * block, (n + 1) * block) epoch seconds). */
    static DaySplit of(Instant from, Instant to, long block) {
        long half = block / 2;
        long first = Math.floorDiv(from.getEpochSecond(), block);
        if (Instant.ofEpochSecond(first * block).isBefore(from)) {
            first++;
        }
        long end = Math.floorDiv(to.getEpochSecond(), block);
        if (first >= end) {
            return new DaySplit(0, 0, from, to, 1, to, to, 1);
        }
        Instant firstStart = Instant.ofEpochSecond(first * block);
        Instant endStart = Instant.ofEpochSecond(end * block);
        boolean headInside = firstStart.getEpochSecond() - from.getEpochSecond() <= half;
        boolean tailInside = to.getEpochSecond() - endStart.getEpochSecond() <= half;
        return new DaySplit(headInside ? first : first - 1, tailInside ? end : end + 1,
                headInside ? from : Instant.ofEpochSecond((first - 1) * block), headInside ? firstStart : from,
                headInside ? 1 : -1,
                tailInside ? endStart : to, tailInside ? to : Instant.ofEpochSecond((end + 1) * block),
                tailInside ? 1 : -1);
    }

    /**
     * The parameters {@code :d0, :d1} (days), {@code :h0, :h1, :t0, :t1} (the two edges' instants)
     * and {@code :hs, :ts} (their signs).
     */
    void addTo(Map<String, Object> params) {
        params.put("d0", firstDay);
        params.put("d1", endDay);
        params.put("h0", utc(headFrom));
        params.put("h1", utc(headTo));
        params.put("hs", headSign);
        params.put("t0", utc(tailFrom));
        params.put("t1", utc(tailTo));
        params.put("ts", tailSign);
    }

    /** The condition on a timestamp column for one edge: {@code edge} is "h" (head) or "t" (tail). */
    static String edge(String column, String edge) {
        return column + " >= :" + edge + "0 and " + column + " < :" + edge + "1";
    }

    /** The sign of one edge as an SQL integer expression. */
    static String sign(String edge) {
        return "cast(:" + edge + "s as integer)";
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
