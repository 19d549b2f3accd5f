package app.ponte.stats;

import static app.ponte.stats.StatsFixture.rome;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadStatus;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stage durations of all channels come from the histogram (decision 018): counts per UTC day of
 * creation, status and duration bucket, and the exact middle values read from one or two buckets.
 * The figures must be exactly those of metrics.md. The data lives in June 1993 (Rome, UTC+2 then):
 * StatsCsvApiTest reads 1993 as an empty year for volume (January to March), time to customer,
 * repeat purchases and handoffs, so this test writes no lead before June, no WON, no purchase and
 * no handoff. The period 1993-06-01..1993-06-30 is {@code [05-31 22:00Z, 06-30 22:00Z)}: the whole
 * UTC days 06-01..06-29 come from the rollup, the two hours of 05-31 and the 22 hours of 06-30 from
 * the rows. Buckets (V22): [0, 60), [60, 69), ..., [184, 212), ..., [3481, 4003), ...
 */
@PonteTest
@Tag("persistence")
class StageDurationHistogramTest {

    @Autowired
    StatsFixture data;

    @Autowired
    TestUsers testUsers;

    @Autowired
    StatsService stats;

    @Autowired
    JdbcClient jdbc;

    private UserId by;
    private String channel;

    @BeforeEach
    void setUp() {
        by = testUsers.create("sdh", Role.MARKETING, Role.SALES).id();
        channel = data.channel(StatsFixture.prefix(), "ONLINE");
    }

    @Test
    void the_histogram_gives_the_exact_count_mean_and_median_of_the_cohorts_intervals() {
        // A: the last second of the period's partial first UTC day (05-31 23:59:59Z): NEW 3500, MQL 59, SQL 7200
        history(rome("1993-06-01T01:59:59"), LeadStatus.MQL, 3500, LeadStatus.SQL, 59, LeadStatus.OPPORTUNITY, 7200);
        // D: the first second of the first whole UTC day (06-01 00:00Z), reopened three times: NEW 3502..3505
        history(rome("1993-06-01T02:00:00"), LeadStatus.LOST, 3502, LeadStatus.NEW, 1000, LeadStatus.LOST, 3503,
                LeadStatus.NEW, 1000, LeadStatus.LOST, 3504, LeadStatus.NEW, 1000, LeadStatus.LOST, 3505);
        // R: the last second of the last whole UTC day (06-29 23:59:59Z), recycled six times, MQL left open:
        // NEW 10 20 30 40 50 55 58, MQL 59 59 60 10 200 60
        history(rome("1993-06-30T01:59:59"), LeadStatus.MQL, 10, LeadStatus.NEW, 59, LeadStatus.MQL, 20,
                LeadStatus.NEW, 59, LeadStatus.MQL, 30, LeadStatus.NEW, 60, LeadStatus.MQL, 40, LeadStatus.NEW, 10,
                LeadStatus.MQL, 50, LeadStatus.NEW, 200, LeadStatus.MQL, 55, LeadStatus.NEW, 60, LeadStatus.MQL, 58);
        // T: the last second of the period, in its partial last UTC day (06-30 21:59:59Z): NEW 3501, MQL 60
        history(rome("1993-06-30T23:59:59"), LeadStatus.MQL, 3501, LeadStatus.LOST, 60);
        // outside the period, on the same UTC days as A and T: NEW 1, MQL 1 and NEW 2, MQL 2, SQL 2
        history(rome("1993-05-31T23:59:59"), LeadStatus.MQL, 1, LeadStatus.LOST, 1);
        history(rome("1993-07-01T00:00:00"), LeadStatus.MQL, 2, LeadStatus.SQL, 2, LeadStatus.LOST, 2);

        StageDurations june = durations("1993-06-01", "1993-06-30");
        // NEW: 10 20 30 40 50 55 [58] 3500 3501 3502 3503 3504 3505 → 13, the median the last of bucket 0
        // (read from the top of the bucket), mean (263 + 21015) / 13 seconds; not the 1 and 2 of the outsiders
        // MQL: 10 59 59 [59 | 60] 60 60 200 → 8, the middle values in buckets 0 and 1 (60 is its lower
        // bound): median 59.5 s, mean 567 / 8 = 70.875 s; SQL: 7200 s; OPPORTUNITY: none
        assertThat(june.statuses()).containsExactly(
                new StageDuration("NEW", 13, 21278 / 86400.0 / 13, 58 / 86400.0),
                new StageDuration("MQL", 8, 567 / 86400.0 / 8, 59.5 / 86400.0),
                new StageDuration("SQL", 1, 7200 / 86400.0, 7200 / 86400.0),
                new StageDuration("OPPORTUNITY", 0, null, null));
        // the same figures as percentile_cont over the intervals (one channel: all of them are this test's)
        assertThat(durations("1993-06-01", "1993-06-30", channel)).isEqualTo(june);

        // one local day is shorter than a whole UTC day: all from the rows (A and D)
        // NEW: 3500 3502 [3503] 3504 3505 → mean 17514 / 5; MQL 59; SQL 7200
        assertThat(durations("1993-06-01", "1993-06-01").statuses()).containsExactly(
                new StageDuration("NEW", 5, 17514 / 86400.0 / 5, 3503 / 86400.0),
                new StageDuration("MQL", 1, 59 / 86400.0, 59 / 86400.0),
                new StageDuration("SQL", 1, 7200 / 86400.0, 7200 / 86400.0),
                new StageDuration("OPPORTUNITY", 0, null, null));

        // three local days from 06-29, [06-28 22:00Z, 07-01 22:00Z): the whole UTC days 06-29 and 06-30 hold
        // R, T and the lead of 07-01 00:00 Rome (06-30 22:00Z), now in the cohort
        // NEW: 2 10 20 30 [40] 50 55 58 3501 → 9; MQL: 2 10 59 [59 | 60] 60 60 200 → 8; SQL: 2
        assertThat(durations("1993-06-29", "1993-07-01").statuses()).containsExactly(
                new StageDuration("NEW", 9, 3766 / 86400.0 / 9, 40 / 86400.0),
                new StageDuration("MQL", 8, 510 / 86400.0 / 8, 59.5 / 86400.0),
                new StageDuration("SQL", 1, 2 / 86400.0, 2 / 86400.0),
                new StageDuration("OPPORTUNITY", 0, null, null));
    }

    @Test
    void the_rollup_rows_are_the_intervals_counted_per_creation_day_status_and_bucket() {
        // two leads created on 1993-08-10 UTC (day 8622): NEW 60 (the lower bound of bucket 1), MQL 59, NEW 68,
        // MQL 69 (the lower bound of bucket 2), NEW 3481 (of bucket 30), MQL 212 (of bucket 10), SQL 1; and
        // NEW 68, MQL 0, closed on 08-11 but counted on the day the lead was created
        history(Instant.parse("1993-08-10T10:00:00Z"), LeadStatus.MQL, 60, LeadStatus.NEW, 59, LeadStatus.MQL, 68,
                LeadStatus.NEW, 69, LeadStatus.MQL, 3481, LeadStatus.SQL, 212, LeadStatus.LOST, 1);
        history(Instant.parse("1993-08-10T23:59:59Z"), LeadStatus.MQL, 68, LeadStatus.LOST, 0);
        assertThat(rollup(8622)).containsExactly("MQL 0 2 59", "MQL 2 1 69", "MQL 10 1 212",
                "NEW 1 3 196", "NEW 30 1 3481", "SQL 0 1 1");
        // the rollup equals the rows, day by day, for all of 1993 (this test's year)
        assertThat(rollupOf1993()).isEqualTo(rowsOf1993());
    }

    /** A lead created at {@code created}, then moved to each status after the given seconds. */
    private void history(Instant created, Object... steps) {
        LeadId lead = data.lead(channel, created, by);
        Instant at = created;
        for (int i = 0; i < steps.length; i += 2) {
            at = at.plusSeconds(((Number) steps[i + 1]).longValue());
            data.move(lead, (LeadStatus) steps[i], at, by);
        }
    }

    private StageDurations durations(String from, String to) {
        return durations(from, to, null);
    }

    private StageDurations durations(String from, String to, String ofChannel) {
        return SystemCaller.call(() -> stats.stageDurations(new Period(LocalDate.parse(from), LocalDate.parse(to)),
                ofChannel));
    }

    private List<String> rollup(long day) {
        return jdbc.sql("select from_status, bucket, intervals, total_seconds from stage_interval_day"
                        + " where utc_day = :day order by from_status, bucket")
                .param("day", day)
                .query((rs, n) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getLong(3) + " " + rs.getLong(4))
                .list();
    }

    /** 1993-01-01 is day 8401, 1994-01-01 day 8766. */
    private List<String> rollupOf1993() {
        return jdbc.sql("select utc_day, from_status, bucket, intervals, total_seconds from stage_interval_day"
                        + " where utc_day >= 8401 and utc_day < 8766 order by utc_day, from_status, bucket")
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getLong(4)
                        + " " + rs.getLong(5))
                .list();
    }

    private List<String> rowsOf1993() {
        return jdbc.sql("select d.utc_day, d.from_status, d.bucket, count(*), sum(d.from_duration_seconds) from ("
                        + "select cast(floor(extract(epoch from c.lead_created_at) / 86400) as bigint) as utc_day,"
                        + " c.from_status, b.bucket, c.from_duration_seconds from lead_status_change c"
                        + " join duration_bucket b on b.lo <= c.from_duration_seconds and c.from_duration_seconds < b.hi"
                        + " where c.from_status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY')"
                        + " and c.lead_created_at >= :from and c.lead_created_at < :to) d"
                        + " group by d.utc_day, d.from_status, d.bucket order by d.utc_day, d.from_status, d.bucket")
                .param("from", OffsetDateTime.parse("1993-01-01T00:00:00Z"))
                .param("to", OffsetDateTime.parse("1994-01-01T00:00:00Z"))
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getLong(4)
                        + " " + rs.getLong(5))
                .list();
    }
}
