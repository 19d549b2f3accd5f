package app.ponte.stats;

import static app.ponte.stats.StatsFixture.rome;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.lead.LeadChanges;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
 * the rows. Buckets (V22): [0, 60), [60, 69), ..., [91, 105), ..., [184, 212), ..., [3481, 4003), ...
 * One channel's figures come from the per-channel histogram (stage_interval_channel_day, V26) and its
 * own intervals only; those tests live in 1995, a year no other test uses: the period
 * 1995-06-01..1995-06-30 in Rome is {@code [05-31 22:00Z, 06-30 22:00Z)}, its first two hours are added
 * from the rows, the UTC days 06-01..06-30 come from the rollup and the last two hours of 06-30 UTC are
 * taken away from the rows. The changes' own copy of their lead's channel (lead_status_change.lead_channel_code,
 * V28), which the fetch of one channel's middle values and its edges read, is tested in 1997 (the same
 * days and edges as 1995).
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

    @Autowired
    LeadService leads;

    private UserId by;
    private String channel;
    private String other;

    @BeforeEach
    void setUp() {
        by = testUsers.create("sdh", Role.MARKETING, Role.SALES).id();
        String prefix = StatsFixture.prefix();
        channel = data.channel(prefix + "_A", "ONLINE");
        other = data.channel(prefix + "_B", "ONLINE");
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
        assertThat(rollup(8622, null)).containsExactly("MQL 0 2 59", "MQL 2 1 69", "MQL 10 1 212",
                "NEW 1 3 196", "NEW 30 1 3481", "SQL 0 1 1");
        // the rollup equals the rows, day by day, for all of 1993 (this test's year)
        assertThat(rollupOf(8401, 8766, false)).isEqualTo(rowsOf("1993", false));
    }

    @Test
    void one_channel_counts_only_its_own_intervals_with_the_middle_values_from_two_buckets() {
        // channel A (this test's channel): in the added two hours of 05-31 UTC (NEW 70, MQL 100), on whole days (NEW 40, MQL 61;
        // NEW 10), in the partial last local day (NEW 60, MQL 3000, SQL left open) and in the two hours
        // taken away (NEW 9000: 07-01 01:00 Rome is 06-30 23:00Z, outside the period)
        history(channel, rome("1995-06-01T01:00:00"), LeadStatus.MQL, 70, LeadStatus.LOST, 100);
        history(channel, rome("1995-06-15T12:00:00"), LeadStatus.MQL, 40, LeadStatus.LOST, 61);
        history(channel, rome("1995-06-20T10:00:00"), LeadStatus.MQL, 10);
        history(channel, rome("1995-06-30T23:00:00"), LeadStatus.MQL, 60, LeadStatus.SQL, 3000);
        history(channel, rome("1995-07-01T01:00:00"), LeadStatus.LOST, 9000);
        // channel B (the other) on the same days: NEW 1, MQL 1; NEW 5, MQL 5, SQL 5; NEW 45 (between A's in bucket 0); and
        // NEW 4 outside the period
        history(other, rome("1995-06-01T01:30:00"), LeadStatus.MQL, 1, LeadStatus.LOST, 1);
        history(other, rome("1995-06-15T12:00:00"), LeadStatus.MQL, 5, LeadStatus.SQL, 5, LeadStatus.OPPORTUNITY, 5);
        history(other, rome("1995-06-30T23:30:00"), LeadStatus.LOST, 45);
        history(other, rome("1995-07-01T00:30:00"), LeadStatus.LOST, 4);

        // A: NEW 10 [40 | 60] 70 → 4, the middle values in buckets 0 and 1 (60 is its lower bound; B's 45 is
        // the top of bucket 0 of all channels, where A's 40 is read from), median 50 s, mean 180 / 4 s;
        // MQL 61 [100] 3000 → 3, mean 3161 / 3 s; none of B's, not the 9000
        assertThat(june1995(channel)).containsExactly(
                new StageDuration("NEW", 4, 180 / 86400.0 / 4, 50 / 86400.0),
                new StageDuration("MQL", 3, 3161 / 86400.0 / 3, 100 / 86400.0),
                new StageDuration("SQL", 0, null, null),
                new StageDuration("OPPORTUNITY", 0, null, null));
        // B: NEW 1 [5] 45, MQL [1 | 5], SQL 5; not the 4
        assertThat(june1995(other)).containsExactly(
                new StageDuration("NEW", 3, 51 / 86400.0 / 3, 5 / 86400.0),
                new StageDuration("MQL", 2, 6 / 86400.0 / 2, 3 / 86400.0),
                new StageDuration("SQL", 1, 5 / 86400.0, 5 / 86400.0),
                new StageDuration("OPPORTUNITY", 0, null, null));
        // all channels (nobody else writes 1995): NEW 1 5 10 [40] 45 60 70, MQL 1 5 [61] 100 3000, SQL 5
        assertThat(june1995(null)).containsExactly(
                new StageDuration("NEW", 7, 231 / 86400.0 / 7, 40 / 86400.0),
                new StageDuration("MQL", 5, 3167 / 86400.0 / 5, 61 / 86400.0),
                new StageDuration("SQL", 1, 5 / 86400.0, 5 / 86400.0),
                new StageDuration("OPPORTUNITY", 0, null, null));
        assertThat(rollupOf(9131, 9496, true)).isEqualTo(rowsOf("1995", true));
    }

    @Test
    void a_lead_moved_to_another_channel_takes_its_intervals_along() {
        // on 1995-09-10 UTC (day 9383): E in A (this test's channel) with NEW 100 (bucket 4), MQL 200 (bucket 9),
        // SQL open; F in A with NEW 3600 (bucket 30); G in B (the other) with NEW 101 (bucket 4)
        LeadId e = history(channel, Instant.parse("1995-09-10T10:00:00Z"), LeadStatus.MQL, 100, LeadStatus.SQL, 200);
        history(channel, Instant.parse("1995-09-10T11:00:00Z"), LeadStatus.MQL, 3600);
        history(other, Instant.parse("1995-09-10T12:00:00Z"), LeadStatus.MQL, 101);
        assertThat(channelRollup(channel)).containsExactly("MQL 9 1 200", "NEW 4 1 100", "NEW 30 1 3600");
        assertThat(channelRollup(other)).containsExactly("NEW 4 1 101");

        jdbc.sql("update lead set channel_code = :channel where id = :id").param("channel", other).param("id", e.value())
                .update();
        data.rebuildRollups(); // plain SQL: the rollups the statistics feature keeps count it after a rebuild
        // E's rows leave A (MQL of bucket 9 emptied and gone) and join B's; a later change of E counts in B
        assertThat(channelRollup(channel)).containsExactly("NEW 30 1 3600");
        assertThat(channelRollup(other)).containsExactly("MQL 9 1 200", "NEW 4 2 201");
        data.move(e, LeadStatus.LOST, Instant.parse("1995-09-10T10:05:10Z"), by);
        assertThat(channelRollup(other)).containsExactly("MQL 9 1 200", "NEW 4 2 201", "SQL 0 1 10");

        // September 1995 in Rome: the whole UTC day 09-10 from the rollup
        assertThat(durations("1995-09-01", "1995-09-30", channel).statuses()).containsExactly(
                new StageDuration("NEW", 1, 3600 / 86400.0, 3600 / 86400.0),
                new StageDuration("MQL", 0, null, null),
                new StageDuration("SQL", 0, null, null),
                new StageDuration("OPPORTUNITY", 0, null, null));
        // B: NEW [100 | 101] (both in bucket 4), MQL 200, SQL 10
        assertThat(durations("1995-09-01", "1995-09-30", other).statuses()).containsExactly(
                new StageDuration("NEW", 2, 201 / 86400.0 / 2, 100.5 / 86400.0),
                new StageDuration("MQL", 1, 200 / 86400.0, 200 / 86400.0),
                new StageDuration("SQL", 1, 10 / 86400.0, 10 / 86400.0),
                new StageDuration("OPPORTUNITY", 0, null, null));
        assertThat(rollupOf(9131, 9496, true)).isEqualTo(rowsOf("1995", true));
    }

    @Test
    void the_changes_carry_their_leads_channel_and_follow_a_channel_edit() {
        // June 1997 in Rome is [05-31 22:00Z, 06-30 22:00Z): P in the added two hours of 05-31 UTC, Q, R, V
        // and U on whole days, T in the two hours of 06-30 UTC taken away (07-01 00:30 Rome is 06-30 22:30Z)
        LeadId p = history(channel, rome("1997-06-01T01:00:00"), LeadStatus.MQL, 70, LeadStatus.SQL, 100);
        LeadId q = history(channel, rome("1997-06-15T12:00:00"), LeadStatus.MQL, 40, LeadStatus.LOST, 61);
        LeadId r = history(other, rome("1997-06-15T13:00:00"), LeadStatus.MQL, 45, LeadStatus.LOST, 62);
        LeadId u = history(other, rome("1997-06-30T23:30:00"), LeadStatus.MQL, 30);
        LeadId t = history(other, rome("1997-07-01T00:30:00"), LeadStatus.MQL, 50);
        // V's only change by plain SQL, without the column: NEW 47
        LeadId v = data.lead(other, rome("1997-06-10T10:00:00"), by);
        jdbc.sql("insert into lead_status_change (lead_id, from_status, to_status, changed_at, changed_by_id,"
                        + " from_duration_seconds, lead_created_at) values (:lead, 'NEW', 'MQL', :at, :by, 47, :created)")
                .param("lead", v.value())
                .param("at", OffsetDateTime.parse("1997-06-10T08:00:47Z"))
                .param("by", by.value())
                .param("created", OffsetDateTime.parse("1997-06-10T08:00:00Z"))
                .update();
        data.rebuildRollups(); // plain SQL: the rollups the statistics feature keeps count it after a rebuild
        // set on insert, through the service's history import and by plain SQL
        assertThat(channelsOf(p, q, r, u, t, v)).containsExactly(channel, channel, channel, channel, other, other,
                other, other, other);

        // P to B through the service's edit, U to A and T to A by JDBC: their changes follow, a later change of P too
        SystemCaller.run(() -> {
            LeadDetails d = leads.get(p).orElseThrow();
            leads.update(p, new LeadChanges(d.name(), d.company(), d.email(), d.phone(), other, d.intent(),
                    d.expectedValue(), null, d.version()));
        });
        jdbc.sql("update lead set channel_code = :channel where id in (:ids)").param("channel", channel)
                .param("ids", List.of(u.value(), t.value())).update();
        data.rebuildRollups();
        data.move(p, LeadStatus.LOST, rome("1997-06-01T01:05:00"), by);
        assertThat(channelsOf(p, q, r, u, t, v)).containsExactly(other, other, other, channel, channel, other, other,
                channel, channel, other);

        // A: Q's NEW 40 and MQL 61 (rollup), U's NEW 30 (rollup, moved from B), not T's NEW 50 (the rollup's day
        // 06-30 holds it since the move, the edge taken away finds it by the change's channel): NEW [30 | 40],
        // both in bucket 0, median 35 s, mean 70 / 2 s; MQL 61; P's SQL 130 (70 + 100 s to 01:02:50, LOST at
        // 01:05:00) is B's now
        assertThat(durations("1997-06-01", "1997-06-30", channel).statuses()).containsExactly(
                new StageDuration("NEW", 2, 70 / 86400.0 / 2, 35 / 86400.0),
                new StageDuration("MQL", 1, 61 / 86400.0, 61 / 86400.0),
                new StageDuration("SQL", 0, null, null),
                new StageDuration("OPPORTUNITY", 0, null, null));
        // B: P's NEW 70, MQL 100, SQL 130 (the edge added, found by the change's channel), R's NEW 45, MQL 62 and
        // V's NEW 47: NEW 45 [47] 70, mean 162 / 3 s; MQL [62 | 100] in buckets 1 and 4, median and mean 81 s
        assertThat(durations("1997-06-01", "1997-06-30", other).statuses()).containsExactly(
                new StageDuration("NEW", 3, 162 / 86400.0 / 3, 47 / 86400.0),
                new StageDuration("MQL", 2, 162 / 86400.0 / 2, 81 / 86400.0),
                new StageDuration("SQL", 1, 130 / 86400.0, 130 / 86400.0),
                new StageDuration("OPPORTUNITY", 0, null, null));
        assertThat(jdbc.sql("select count(*) from lead_status_change c join lead l on l.id = c.lead_id"
                        + " where c.lead_channel_code <> l.channel_code").query(Long.class).single()).isZero();
        assertThat(rollupOf(9862, 10227, true)).isEqualTo(rowsOf("1997", true));
    }

    /** A lead created at {@code created}, then moved to each status after the given seconds. */
    private void history(Instant created, Object... steps) {
        history(channel, created, steps);
    }

    /** A lead of a channel created at {@code created}, then moved to each status after the given seconds. */
    private LeadId history(String ofChannel, Instant created, Object... steps) {
        LeadId lead = data.lead(ofChannel, created, by);
        Instant at = created;
        for (int i = 0; i < steps.length; i += 2) {
            at = at.plusSeconds(((Number) steps[i + 1]).longValue());
            data.move(lead, (LeadStatus) steps[i], at, by);
        }
        return lead;
    }

    /** The lead_channel_code of the leads' changes, lead by lead, each lead's in the order of its changes. */
    private List<String> channelsOf(LeadId... ofLeads) {
        List<String> found = new java.util.ArrayList<>();
        for (LeadId lead : ofLeads) {
            found.addAll(jdbc.sql("select lead_channel_code from lead_status_change where lead_id = :lead order by id")
                    .param("lead", lead.value())
                    .query(String.class)
                    .list());
        }
        return found;
    }

    private StageDurations durations(String from, String to) {
        return durations(from, to, null);
    }

    private StageDurations durations(String from, String to, String ofChannel) {
        return SystemCaller.call(() -> stats.stageDurations(new Period(LocalDate.parse(from), LocalDate.parse(to)),
                ofChannel));
    }

    private List<StageDuration> june1995(String ofChannel) {
        return durations("1995-06-01", "1995-06-30", ofChannel).statuses();
    }

    /** The rollup rows of one day, of all channels or of one (null: all). */
    private List<String> rollup(long day, String ofChannel) {
        return jdbc.sql("select from_status, bucket, intervals, total_seconds from "
                        + (ofChannel == null ? "stage_interval_day where" : "stage_interval_channel_day where"
                                + " channel_code = :channel and")
                        + " utc_day = :day order by from_status, bucket")
                .param("day", day)
                .params(ofChannel == null ? Map.of() : Map.of("channel", ofChannel))
                .query((rs, n) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getLong(3) + " " + rs.getLong(4))
                .list();
    }

    /** A channel's rollup rows of 1995-09-10 (day 9383). */
    private List<String> channelRollup(String ofChannel) {
        return rollup(9383, ofChannel);
    }

    /**
     * The rollup rows of the days {@code [from, to)}, of all channels or per channel (1993-01-01 is day
     * 8401, 1994-01-01 day 8766; 1995-01-01 day 9131, 1996-01-01 day 9496).
     */
    private List<String> rollupOf(long from, long to, boolean perChannel) {
        return jdbc.sql("select " + (perChannel ? "channel_code" : "''") + ", utc_day, from_status, bucket, intervals,"
                        + " total_seconds from " + (perChannel ? "stage_interval_channel_day" : "stage_interval_day")
                        + " where utc_day >= :from and utc_day < :to order by 1, utc_day, from_status, bucket")
                .param("from", from)
                .param("to", to)
                .query(StageDurationHistogramTest::row)
                .list();
    }

    /** The same aggregates recomputed from the rows of the leads created in a year (per channel: the lead's current one). */
    private List<String> rowsOf(String year, boolean perChannel) {
        return jdbc.sql("select d.channel_code, d.utc_day, d.from_status, d.bucket, count(*), sum(d.from_duration_seconds)"
                        + " from (select " + (perChannel ? "l.channel_code" : "''") + " as channel_code,"
                        + " cast(floor(extract(epoch from c.lead_created_at) / 86400) as bigint) as utc_day,"
                        + " c.from_status, b.bucket, c.from_duration_seconds from lead_status_change c"
                        + " join lead l on l.id = c.lead_id"
                        + " join duration_bucket b on b.lo <= c.from_duration_seconds and c.from_duration_seconds < b.hi"
                        + " where c.from_status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY')"
                        + " and c.lead_created_at >= :from and c.lead_created_at < :to) d"
                        + " group by d.channel_code, d.utc_day, d.from_status, d.bucket"
                        + " order by d.channel_code, d.utc_day, d.from_status, d.bucket")
                .param("from", OffsetDateTime.parse(year + "-01-01T00:00:00Z"))
                .param("to", OffsetDateTime.parse(year + "-01-01T00:00:00Z").plusYears(1))
                .query(StageDurationHistogramTest::row)
                .list();
    }

    private static String row(ResultSet rs, int n) throws SQLException {
        return rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getInt(4) + " " + rs.getLong(5)
                + " " + rs.getLong(6);
    }
}
