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
 * Stage durations of one channel come from the per-channel histogram (decision 018):
 * stage_interval_channel_day for the period's whole UTC days, the rows of its edges joined with the
 * lead for the channel, and the exact middle values read from the channel's intervals only. The data
 * lives in 1995, a year no other test uses (this test writes no WON, purchase or handoff). The period
 * 1995-06-01..1995-06-30 in Rome (UTC+2) is {@code [05-31 22:00Z, 06-30 22:00Z)}: the two hours of
 * 05-31 are added from the rows, the UTC days 06-01..06-30 come from the rollup and the last two hours
 * of 06-30 UTC are taken away from the rows. Buckets (V22): [0, 60), [60, 69), ..., [91, 105), ...,
 * [184, 212), ..., [3481, 4003), ...
 */
@PonteTest
@Tag("persistence")
class StageDurationChannelHistogramTest {

    @Autowired
    StatsFixture data;

    @Autowired
    TestUsers testUsers;

    @Autowired
    StatsService stats;

    @Autowired
    JdbcClient jdbc;

    private UserId by;
    private String a;
    private String b;

    @BeforeEach
    void setUp() {
        by = testUsers.create("sdc", Role.MARKETING, Role.SALES).id();
        String prefix = StatsFixture.prefix();
        a = data.channel(prefix + "_A", "ONLINE");
        b = data.channel(prefix + "_B", "ONLINE");
    }

    @Test
    void one_channel_counts_only_its_own_intervals_with_the_middle_values_from_two_buckets() {
        // channel A: in the added two hours of 05-31 UTC (NEW 70, MQL 100), on whole days (NEW 40, MQL 61;
        // NEW 10), in the partial last local day (NEW 60, MQL 3000, SQL left open) and in the two hours
        // taken away (NEW 9000: 07-01 01:00 Rome is 06-30 23:00Z, outside the period)
        history(a, rome("1995-06-01T01:00:00"), LeadStatus.MQL, 70, LeadStatus.LOST, 100);
        history(a, rome("1995-06-15T12:00:00"), LeadStatus.MQL, 40, LeadStatus.LOST, 61);
        history(a, rome("1995-06-20T10:00:00"), LeadStatus.MQL, 10);
        history(a, rome("1995-06-30T23:00:00"), LeadStatus.MQL, 60, LeadStatus.SQL, 3000);
        history(a, rome("1995-07-01T01:00:00"), LeadStatus.LOST, 9000);
        // channel B on the same days: NEW 1, MQL 1; NEW 5, MQL 5, SQL 5; NEW 45 (between A's in bucket 0); and
        // NEW 4 outside the period
        history(b, rome("1995-06-01T01:30:00"), LeadStatus.MQL, 1, LeadStatus.LOST, 1);
        history(b, rome("1995-06-15T12:00:00"), LeadStatus.MQL, 5, LeadStatus.SQL, 5, LeadStatus.OPPORTUNITY, 5);
        history(b, rome("1995-06-30T23:30:00"), LeadStatus.LOST, 45);
        history(b, rome("1995-07-01T00:30:00"), LeadStatus.LOST, 4);

        // A: NEW 10 [40 | 60] 70 → 4, the middle values in buckets 0 and 1 (60 is its lower bound; B's 45 is
        // the top of bucket 0 of all channels, where A's 40 is read from), median 50 s, mean 180 / 4 s;
        // MQL 61 [100] 3000 → 3, mean 3161 / 3 s; none of B's, not the 9000
        assertThat(durations(a)).containsExactly(
                new StageDuration("NEW", 4, 180 / 86400.0 / 4, 50 / 86400.0),
                new StageDuration("MQL", 3, 3161 / 86400.0 / 3, 100 / 86400.0),
                new StageDuration("SQL", 0, null, null),
                new StageDuration("OPPORTUNITY", 0, null, null));
        // B: NEW 1 [5] 45, MQL [1 | 5], SQL 5; not the 4
        assertThat(durations(b)).containsExactly(
                new StageDuration("NEW", 3, 51 / 86400.0 / 3, 5 / 86400.0),
                new StageDuration("MQL", 2, 6 / 86400.0 / 2, 3 / 86400.0),
                new StageDuration("SQL", 1, 5 / 86400.0, 5 / 86400.0),
                new StageDuration("OPPORTUNITY", 0, null, null));
        // all channels (nobody else writes 1995): NEW 1 5 10 [40] 45 60 70, MQL 1 5 [61] 100 3000, SQL 5
        assertThat(durations(null)).containsExactly(
                new StageDuration("NEW", 7, 231 / 86400.0 / 7, 40 / 86400.0),
                new StageDuration("MQL", 5, 3167 / 86400.0 / 5, 61 / 86400.0),
                new StageDuration("SQL", 1, 5 / 86400.0, 5 / 86400.0),
                new StageDuration("OPPORTUNITY", 0, null, null));
        assertThat(channelRollupOf1995()).isEqualTo(channelRowsOf1995());
    }

    @Test
    void a_lead_moved_to_another_channel_takes_its_intervals_along() {
        // on 1995-09-10 UTC (day 9383): E in A with NEW 100 (bucket 4), MQL 200 (bucket 9), SQL open;
        // F in A with NEW 3600 (bucket 30); G in B with NEW 101 (bucket 4)
        LeadId e = history(a, Instant.parse("1995-09-10T10:00:00Z"), LeadStatus.MQL, 100, LeadStatus.SQL, 200);
        history(a, Instant.parse("1995-09-10T11:00:00Z"), LeadStatus.MQL, 3600);
        history(b, Instant.parse("1995-09-10T12:00:00Z"), LeadStatus.MQL, 101);
        assertThat(rollup(a)).containsExactly("MQL 9 1 200", "NEW 4 1 100", "NEW 30 1 3600");
        assertThat(rollup(b)).containsExactly("NEW 4 1 101");

        jdbc.sql("update lead set channel_code = :channel where id = :id").param("channel", b).param("id", e.value())
                .update();
        // E's rows leave A (MQL of bucket 9 emptied and gone) and join B's; a later change of E counts in B
        assertThat(rollup(a)).containsExactly("NEW 30 1 3600");
        assertThat(rollup(b)).containsExactly("MQL 9 1 200", "NEW 4 2 201");
        data.move(e, LeadStatus.LOST, Instant.parse("1995-09-10T10:05:10Z"), by);
        assertThat(rollup(b)).containsExactly("MQL 9 1 200", "NEW 4 2 201", "SQL 0 1 10");

        // September 1995 in Rome: the whole UTC day 09-10 from the rollup
        assertThat(durations(a, "1995-09-01", "1995-09-30")).containsExactly(
                new StageDuration("NEW", 1, 3600 / 86400.0, 3600 / 86400.0),
                new StageDuration("MQL", 0, null, null),
                new StageDuration("SQL", 0, null, null),
                new StageDuration("OPPORTUNITY", 0, null, null));
        // B: NEW [100 | 101] (both in bucket 4), MQL 200, SQL 10
        assertThat(durations(b, "1995-09-01", "1995-09-30")).containsExactly(
                new StageDuration("NEW", 2, 201 / 86400.0 / 2, 100.5 / 86400.0),
                new StageDuration("MQL", 1, 200 / 86400.0, 200 / 86400.0),
                new StageDuration("SQL", 1, 10 / 86400.0, 10 / 86400.0),
                new StageDuration("OPPORTUNITY", 0, null, null));
        assertThat(channelRollupOf1995()).isEqualTo(channelRowsOf1995());
    }

    /** A lead of a channel created at {@code created}, then moved to each status after the given seconds. */
    private LeadId history(String channel, Instant created, Object... steps) {
        LeadId lead = data.lead(channel, created, by);
        Instant at = created;
        for (int i = 0; i < steps.length; i += 2) {
            at = at.plusSeconds(((Number) steps[i + 1]).longValue());
            data.move(lead, (LeadStatus) steps[i], at, by);
        }
        return lead;
    }

    private List<StageDuration> durations(String channel) {
        return durations(channel, "1995-06-01", "1995-06-30");
    }

    private List<StageDuration> durations(String channel, String from, String to) {
        return SystemCaller.call(() -> stats.stageDurations(new Period(LocalDate.parse(from), LocalDate.parse(to)),
                channel)).statuses();
    }

    /** A channel's rollup rows of 1995-09-10 (day 9383). */
    private List<String> rollup(String channel) {
        return jdbc.sql("select from_status, bucket, intervals, total_seconds from stage_interval_channel_day"
                        + " where channel_code = :channel and utc_day = 9383 order by from_status, bucket")
                .param("channel", channel)
                .query((rs, n) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getLong(3) + " " + rs.getLong(4))
                .list();
    }

    /** 1995-01-01 is day 9131, 1996-01-01 day 9496. */
    private List<String> channelRollupOf1995() {
        return jdbc.sql("select channel_code, utc_day, from_status, bucket, intervals, total_seconds"
                        + " from stage_interval_channel_day where utc_day >= 9131 and utc_day < 9496"
                        + " order by channel_code, utc_day, from_status, bucket")
                .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getInt(4)
                        + " " + rs.getLong(5) + " " + rs.getLong(6))
                .list();
    }

    /** The same aggregates recomputed from the rows, by the lead's current channel. */
    private List<String> channelRowsOf1995() {
        return jdbc.sql("select d.channel_code, d.utc_day, d.from_status, d.bucket, count(*), sum(d.from_duration_seconds)"
                        + " from (select l.channel_code,"
                        + " cast(floor(extract(epoch from c.lead_created_at) / 86400) as bigint) as utc_day,"
                        + " c.from_status, b.bucket, c.from_duration_seconds from lead_status_change c"
                        + " join lead l on l.id = c.lead_id"
                        + " join duration_bucket b on b.lo <= c.from_duration_seconds and c.from_duration_seconds < b.hi"
                        + " where c.from_status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY')"
                        + " and c.lead_created_at >= :from and c.lead_created_at < :to) d"
                        + " group by d.channel_code, d.utc_day, d.from_status, d.bucket"
                        + " order by d.channel_code, d.utc_day, d.from_status, d.bucket")
                .param("from", OffsetDateTime.parse("1995-01-01T00:00:00Z"))
                .param("to", OffsetDateTime.parse("1996-01-01T00:00:00Z"))
                .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getInt(4)
                        + " " + rs.getLong(5) + " " + rs.getLong(6))
                .list();
    }
}
