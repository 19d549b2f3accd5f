package app.ponte.stats.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** How a period of local dates is split into whole UTC days (a rollup) and two edges (rows). */
class DaySplitTest {

    private static DaySplit split(String zone, String from, String to) {
        ZoneId z = ZoneId.of(zone);
        return DaySplit.of(LocalDate.parse(from).atStartOfDay(z).toInstant(),
                LocalDate.parse(to).plusDays(1).atStartOfDay(z).toInstant());
    }

    private static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    @Test
    void in_utc_a_period_is_whole_days_and_empty_edges() {
        DaySplit s = split("UTC", "2026-01-01", "2026-01-31");
        assertThat(s.firstDay()).isEqualTo(day("2026-01-01"));
        assertThat(s.endDay()).isEqualTo(day("2026-02-01"));
        assertThat(s.headFrom()).isEqualTo(s.headTo());
        assertThat(s.tailFrom()).isEqualTo(s.tailTo());
    }

    @Test
    void east_of_utc_the_head_adds_an_hour_and_the_tail_takes_an_hour_away() {
        // Rome in winter: 2026-01-01 00:00 local = 2025-12-31 23:00 UTC; 2026-02-01 00:00 = 2026-01-31 23:00 UTC
        DaySplit s = split("Europe/Rome", "2026-01-01", "2026-01-31");
        assertThat(s.firstDay()).isEqualTo(day("2026-01-01"));
        assertThat(s.endDay()).isEqualTo(day("2026-02-01"));
        assertThat(s.headFrom()).isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(s.headTo()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(s.headSign()).isEqualTo(1);
        assertThat(s.tailFrom()).isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));
        assertThat(s.tailTo()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(s.tailSign()).isEqualTo(-1);
    }

    @Test
    void west_of_utc_the_head_takes_hours_away_and_the_tail_adds_them() {
        // New York in winter (UTC-5): 2026-01-01 00:00 local = 05:00 UTC; 2026-02-01 00:00 local = 05:00 UTC
        DaySplit s = split("America/New_York", "2026-01-01", "2026-01-31");
        assertThat(s.firstDay()).isEqualTo(day("2026-01-01"));
        assertThat(s.endDay()).isEqualTo(day("2026-02-01"));
        assertThat(s.headFrom()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(s.headTo()).isEqualTo(Instant.parse("2026-01-01T05:00:00Z"));
        assertThat(s.headSign()).isEqualTo(-1);
        assertThat(s.tailFrom()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(s.tailTo()).isEqualTo(Instant.parse("2026-02-01T05:00:00Z"));
        assertThat(s.tailSign()).isEqualTo(1);
    }

    @Test
    void an_edge_of_more_than_half_a_day_is_read_from_the_other_side() {
        // Kathmandu (UTC+5:45): local midnight is 18:15 UTC the day before. The head adds the 5 h 45 min
        // before the first UTC day; the last UTC day (2026-03-10) has 18 h 15 min inside the period, so
        // it is read whole and its last 5 h 45 min are taken away.
        DaySplit s = split("Asia/Kathmandu", "2026-03-01", "2026-03-10");
        assertThat(s.firstDay()).isEqualTo(day("2026-03-01"));
        assertThat(s.headFrom()).isEqualTo(Instant.parse("2026-02-28T18:15:00Z"));
        assertThat(s.headTo()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(s.headSign()).isEqualTo(1);
        assertThat(s.endDay()).isEqualTo(day("2026-03-11"));
        assertThat(s.tailFrom()).isEqualTo(Instant.parse("2026-03-10T18:15:00Z"));
        assertThat(s.tailTo()).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
        assertThat(s.tailSign()).isEqualTo(-1);
    }

    @Test
    void a_period_shorter_than_a_utc_day_is_read_from_the_rows() {
        DaySplit s = DaySplit.of(Instant.parse("2026-01-01T03:00:00Z"), Instant.parse("2026-01-01T20:00:00Z"));
        assertThat(s.firstDay()).isEqualTo(s.endDay());
        assertThat(s.headFrom()).isEqualTo(Instant.parse("2026-01-01T03:00:00Z"));
        assertThat(s.headTo()).isEqualTo(Instant.parse("2026-01-01T20:00:00Z"));
        assertThat(s.headSign()).isEqualTo(1);
        assertThat(s.tailFrom()).isEqualTo(s.tailTo());
    }

    @Test
    void in_16_day_blocks_each_edge_is_the_shorter_side_of_its_block() {
        // 2026-01-01 is epoch day 20,454, in block 1,278 (days 20,448 .. 20,463, from 2025-12-26): the
        // period starts 6 days into it, so the block counts whole and 6 days are taken away; 2027-01-01
        // (day 20,819) is 3 days into block 1,301 (from day 20,816, 2026-12-29): 3 days are added
        DaySplit s = DaySplit.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                16 * 86_400);
        assertThat(s.firstDay()).isEqualTo(1_278);
        assertThat(s.endDay()).isEqualTo(1_301);
        assertThat(s.headFrom()).isEqualTo(Instant.parse("2025-12-26T00:00:00Z"));
        assertThat(s.headTo()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(s.headSign()).isEqualTo(-1);
        assertThat(s.tailFrom()).isEqualTo(Instant.parse("2026-12-29T00:00:00Z"));
        assertThat(s.tailTo()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(s.tailSign()).isEqualTo(1);
    }
}
