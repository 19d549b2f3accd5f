package app.ponte.lead;

import static app.ponte.stats.StatsFixture.rome;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.interaction.InteractionType;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserId;
import app.ponte.stats.StatsFixture;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lead list's statistics filters (decision 027), each on its close cases, through the service
 * (list and count alike). Each test owns a fresh channel, and the dates lie in 2000, which no other
 * test writes to; business zone Europe/Rome.
 */
@PonteTest
@Tag("persistence")
class LeadDrillDownFilterTest {

    private static final LocalDate FROM = LocalDate.of(2000, 3, 1);
    private static final LocalDate TO = LocalDate.of(2000, 3, 31);

    @Autowired
    LeadService leads;


    @Autowired

    LeadHistoryService leadHistory;

    @Autowired
    StatsFixture data;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    private List<LeadId> listed(LeadFilter filter) {
        return SystemCaller.call(() -> {
            List<LeadId> ids = leads.find(filter, LeadSort.CREATED_AT, true, 0, 500).stream().map(LeadSummary::id)
                    .toList();
            assertThat(leads.count(filter)).as("the count of the same filter").isEqualTo(ids.size());
            return ids;
        });
    }

    private static LeadFilter ofChannel(String channel) {
        return new LeadFilter(null, null, null, channel, null, false, null, null);
    }

    private UserId user(Role role) {
        return testUsers.create("dd-filter", role).id();
    }

    @Test
    void reached_keeps_leads_whose_highest_status_is_at_least_it_lost_ones_included() {
        String ch = data.channel(StatsFixture.prefix(), "ONLINE");
        UserId m = user(Role.MARKETING);
        LeadId fresh = data.lead(ch, rome("2000-03-01T10:00:00"), m);
        LeadId sql = data.lead(ch, rome("2000-03-01T10:00:00"), m);
        data.move(sql, LeadStatus.MQL, rome("2000-03-02T10:00:00"), m);
        data.move(sql, LeadStatus.SQL, rome("2000-03-03T10:00:00"), m);
        LeadId sqlThenLost = data.lead(ch, rome("2000-03-01T10:00:00"), m);
        data.move(sqlThenLost, LeadStatus.MQL, rome("2000-03-02T10:00:00"), m);
        data.move(sqlThenLost, LeadStatus.SQL, rome("2000-03-03T10:00:00"), m);
        data.move(sqlThenLost, LeadStatus.LOST, rome("2000-03-04T10:00:00"), m);
        LeadId recycled = data.lead(ch, rome("2000-03-01T10:00:00"), m);
        data.move(recycled, LeadStatus.MQL, rome("2000-03-02T10:00:00"), m);
        data.move(recycled, LeadStatus.NEW, rome("2000-03-03T10:00:00"), m);

        assertThat(listed(ofChannel(ch).withReached(LeadStatus.NEW))).containsExactlyInAnyOrder(fresh, sql,
                sqlThenLost, recycled);
        assertThat(listed(ofChannel(ch).withReached(LeadStatus.MQL))).containsExactlyInAnyOrder(sql, sqlThenLost,
                recycled);
        assertThat(listed(ofChannel(ch).withReached(LeadStatus.SQL))).containsExactlyInAnyOrder(sql, sqlThenLost);
        assertThat(listed(ofChannel(ch).withReached(LeadStatus.WON))).isEmpty();
    }

    @Test
    void lost_from_keeps_leads_lost_now_from_that_status_not_reopened_ones() {
        String ch = data.channel(StatsFixture.prefix(), "ONLINE");
        UserId m = user(Role.MARKETING);
        LeadId lostFromMql = data.lead(ch, rome("2000-03-01T10:00:00"), m);
        data.move(lostFromMql, LeadStatus.MQL, rome("2000-03-02T10:00:00"), m);
        data.move(lostFromMql, LeadStatus.LOST, rome("2000-03-03T10:00:00"), m);
        LeadId lostFromNew = data.lead(ch, rome("2000-03-01T10:00:00"), m);
        data.move(lostFromNew, LeadStatus.LOST, rome("2000-03-03T10:00:00"), m);
        LeadId reopened = data.lead(ch, rome("2000-03-01T10:00:00"), m);
        data.move(reopened, LeadStatus.MQL, rome("2000-03-02T10:00:00"), m);
        data.move(reopened, LeadStatus.LOST, rome("2000-03-03T10:00:00"), m);
        data.move(reopened, LeadStatus.NEW, rome("2000-03-04T10:00:00"), m);

        assertThat(listed(ofChannel(ch).withLostFrom(LeadStatus.MQL))).containsExactly(lostFromMql);
        assertThat(listed(ofChannel(ch).withLostFrom(LeadStatus.NEW))).containsExactly(lostFromNew);
        assertThat(listed(ofChannel(ch).withLostFrom(LeadStatus.SQL))).isEmpty();
    }

    @Test
    void entered_keeps_leads_with_a_change_into_the_status_in_the_period_by_that_user() {
        String ch = data.channel(StatsFixture.prefix(), "ONLINE");
        UserId m = user(Role.MARKETING);
        UserId other = user(Role.MARKETING);
        LeadId inPeriod = data.lead(ch, rome("2000-01-01T10:00:00"), m);
        data.move(inPeriod, LeadStatus.MQL, rome("2000-03-01T00:00:00"), m);     // the period's first instant
        LeadId lastMinute = data.lead(ch, rome("2000-01-01T10:00:00"), m);
        data.move(lastMinute, LeadStatus.MQL, rome("2000-03-31T23:59:59"), m);
        LeadId after = data.lead(ch, rome("2000-01-01T10:00:00"), m);
        data.move(after, LeadStatus.MQL, rome("2000-04-01T00:00:00"), m);        // the day after: out
        LeadId byOther = data.lead(ch, rome("2000-01-01T10:00:00"), m);
        data.move(byOther, LeadStatus.MQL, rome("2000-03-10T10:00:00"), other);

        assertThat(listed(ofChannel(ch).withEntered(LeadStatus.MQL, FROM, TO, m)))
                .containsExactlyInAnyOrder(inPeriod, lastMinute);
        assertThat(listed(ofChannel(ch).withEntered(LeadStatus.MQL, FROM, TO, null)))
                .containsExactlyInAnyOrder(inPeriod, lastMinute, byOther);
    }

    @Test
    void entered_won_keeps_leads_whose_first_change_into_won_lies_in_the_period() {
        String ch = data.channel(StatsFixture.prefix(), "ONLINE");
        UserId m = user(Role.MARKETING);
        UserId rep = user(Role.SALES);
        UserId otherRep = user(Role.SALES);
        LeadId createdBefore = data.lead(ch, rome("1999-12-01T10:00:00"), m);
        data.win(createdBefore, rome("2000-03-15T10:00:00"), rep);
        LeadId wonByOther = data.lead(ch, rome("2000-03-01T10:00:00"), m);
        data.win(wonByOther, rome("2000-03-20T10:00:00"), otherRep);
        LeadId wonLater = data.lead(ch, rome("2000-03-01T10:00:00"), m);
        data.win(wonLater, rome("2000-04-01T00:00:01"), rep);

        assertThat(listed(ofChannel(ch).withEntered(LeadStatus.WON, FROM, TO, null)))
                .containsExactlyInAnyOrder(createdBefore, wonByOther);
        assertThat(listed(ofChannel(ch).withEntered(LeadStatus.WON, FROM, TO, rep))).containsExactly(createdBefore);
    }

    @Test
    void stalled_keeps_open_leads_without_activity_for_more_than_the_days_before_as_of() {
        // "stalled" looks at every open lead: the leads of this test are told apart by their channel
        String ch = data.channel(StatsFixture.prefix(), "ONLINE");
        UserId m = user(Role.MARKETING);
        Instant asOf = Instant.parse("2000-06-30T12:00:00Z");
        data.lead(ch, Instant.parse("2000-06-16T12:00:00Z"), m);                       // exactly 14 days: not
        LeadId stalled = data.lead(ch, Instant.parse("2000-06-16T11:59:59Z"), m);
        LeadId called = data.lead(ch, Instant.parse("2000-01-01T10:00:00Z"), m);
        data.interaction(called, m, InteractionType.CALL, Instant.parse("2000-06-20T10:00:00Z"), 3); // recent: not
        LeadId moved = data.lead(ch, Instant.parse("2000-01-01T10:00:00Z"), m);
        data.move(moved, LeadStatus.MQL, Instant.parse("2000-02-01T10:00:00Z"), m);
        LeadId lost = data.lead(ch, Instant.parse("2000-01-01T10:00:00Z"), m);
        data.move(lost, LeadStatus.LOST, Instant.parse("2000-01-05T10:00:00Z"), m);    // closed: not

        LeadFilter filter = ofChannel(ch).withStalled(14, asOf);
        assertThat(listed(filter)).containsExactlyInAnyOrder(stalled, moved);
        assertThat(listed(filter.withStatus(LeadStatus.MQL))).containsExactly(moved);
    }

    @Test
    void the_channel_column_sorts_by_the_name_in_the_readers_language() {
        String prefix = StatsFixture.prefix();
        String zeta = prefix + "_Z";
        String beta = prefix + "_B";
        jdbc.sql("insert into channel (code, name, name_it, kind) values (:code, :name, :it, 'ONLINE')")
                .param("code", zeta).param("name", "Zeta " + prefix).param("it", "Alfa " + prefix).update();
        jdbc.sql("insert into channel (code, name, name_it, kind) values (:code, :name, :it, 'ONLINE')")
                .param("code", beta).param("name", "Beta " + prefix).param("it", "Omega " + prefix).update();
        UserId m = user(Role.MARKETING);
        String tag = TestUsers.uniqueName("sort");
        LeadId inZeta = SystemCaller.call(() -> leadHistory.importLead(new ImportedLead(null, rome("2000-05-01T10:00:00"),
                m, m, "A " + tag, null, null, null, zeta, null, null)));
        LeadId inBeta = SystemCaller.call(() -> leadHistory.importLead(new ImportedLead(null, rome("2000-05-01T10:00:00"),
                m, m, "B " + tag, null, null, null, beta, null, null)));
        LeadFilter filter = new LeadFilter(tag, null, null, null, null, false, null, null);

        List<LeadId> english = SystemCaller.call(() -> leads.find(filter, LeadSort.CHANNEL, true, 0, 10,
                Locale.ENGLISH)).stream().map(LeadSummary::id).toList();
        List<LeadId> italian = SystemCaller.call(() -> leads.find(filter, LeadSort.CHANNEL, true, 0, 10,
                Locale.ITALIAN)).stream().map(LeadSummary::id).toList();

        // by code Z... comes after B... in both; by name Beta < Zeta in English, Alfa < Omega in Italian
        assertThat(english).containsExactly(inBeta, inZeta);
        assertThat(italian).containsExactly(inZeta, inBeta);
    }
}
