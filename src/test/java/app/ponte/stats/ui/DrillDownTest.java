package app.ponte.stats.ui;

import static app.ponte.stats.StatsFixture.rome;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.interaction.InteractionType;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadStatus;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import app.ponte.stats.ChannelFigures;
import app.ponte.stats.Funnel;
import app.ponte.stats.FunnelStep;
import app.ponte.stats.MarketerFigures;
import app.ponte.stats.Period;
import app.ponte.stats.RepFigures;
import app.ponte.stats.StatsFixture;
import app.ponte.stats.StatsService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One number everywhere, by following the links: each kind of {@link DrillDown} link of a figure
 * lands on the leads or interactions list, and the count that list shows equals the figure. The
 * data lie in 2000 (no other test writes there) in a fresh channel, with the close cases of
 * metrics.md: a lead created a minute before the year that is a customer of the year, a reopened
 * LOST lead (not lost), a lead lost from each status, a planned interaction in the period (the
 * figures count only held ones), one the minute after the period.
 */
@Tag("persistence")
class DrillDownTest extends KaribuTest {

    private static final Period YEAR = new Period(LocalDate.of(2000, 1, 1), LocalDate.of(2000, 12, 31));

    @Autowired
    StatsService stats;

    @Autowired
    StatsFixture data;

    @Autowired
    JdbcClient jdbc;

    private String channel;
    private UserSummary marketer;
    private UserSummary rep;

    @BeforeEach
    void createData() {
        channel = data.channel(StatsFixture.prefix(), "ONLINE");
        marketer = testUsers.create("dd-mkt", Role.MARKETING);
        rep = testUsers.create("dd-rep", Role.SALES);
        var m = marketer.id();
        var r = rep.id();
        // won inside the year, through every status; the SQL step by the rep
        LeadId won = data.lead(channel, rome("2000-03-01T10:00:00"), m);
        data.move(won, LeadStatus.MQL, rome("2000-03-02T10:00:00"), m);
        data.move(won, LeadStatus.SQL, rome("2000-03-03T10:00:00"), r);
        data.move(won, LeadStatus.OPPORTUNITY, rome("2000-03-04T10:00:00"), r);
        data.move(won, LeadStatus.WON, rome("2000-04-01T10:00:00"), r);
        // lost from SQL, from NEW, from OPPORTUNITY (by the rep), from MQL
        LeadId lostSql = data.lead(channel, rome("2000-03-05T10:00:00"), m);
        data.move(lostSql, LeadStatus.MQL, rome("2000-03-06T10:00:00"), m);
        data.move(lostSql, LeadStatus.SQL, rome("2000-03-07T10:00:00"), r);
        data.move(lostSql, LeadStatus.LOST, rome("2000-03-08T10:00:00"), r);
        LeadId lostNew = data.lead(channel, rome("2000-06-01T10:00:00"), m);
        data.move(lostNew, LeadStatus.LOST, rome("2000-06-02T10:00:00"), m);
        LeadId lostOpportunity = data.lead(channel, rome("2000-06-03T10:00:00"), m);
        data.move(lostOpportunity, LeadStatus.MQL, rome("2000-06-04T10:00:00"), m);
        data.move(lostOpportunity, LeadStatus.SQL, rome("2000-06-05T10:00:00"), r);
        data.move(lostOpportunity, LeadStatus.OPPORTUNITY, rome("2000-06-06T10:00:00"), r);
        data.move(lostOpportunity, LeadStatus.LOST, rome("2000-06-07T10:00:00"), r);
        LeadId lostMql = data.lead(channel, rome("2000-06-08T10:00:00"), m);
        data.move(lostMql, LeadStatus.MQL, rome("2000-06-09T10:00:00"), m);
        data.move(lostMql, LeadStatus.LOST, rome("2000-06-10T10:00:00"), m);
        // reopened: LOST → NEW is not lost
        LeadId reopened = data.lead(channel, rome("2000-07-01T10:00:00"), m);
        data.move(reopened, LeadStatus.LOST, rome("2000-07-02T10:00:00"), m);
        data.move(reopened, LeadStatus.NEW, rome("2000-07-03T10:00:00"), m);
        // created the minute before the year: not in the cohort, but the channel's customer of the year
        LeadId earlier = data.lead(channel, rome("1999-12-31T23:59:00"), m);
        data.move(earlier, LeadStatus.MQL, rome("1999-12-31T23:59:30"), m);
        data.move(earlier, LeadStatus.SQL, rome("2000-01-02T10:00:00"), r);
        data.move(earlier, LeadStatus.OPPORTUNITY, rome("2000-01-03T10:00:00"), r);
        data.move(earlier, LeadStatus.WON, rome("2000-02-01T10:00:00"), r);
        // the last minute of the year: in the cohort; MQL the next year: not the marketer's MQL of 2000
        LeadId last = data.lead(channel, rome("2000-12-31T23:59:00"), m);
        data.move(last, LeadStatus.MQL, rome("2001-01-01T00:00:00"), m);
        // the rep's interactions: two held ones in the year, one planned in it, one after it
        data.interaction(won, r, InteractionType.CALL, rome("2000-03-10T10:00:00"), 3);
        data.interaction(lostSql, r, InteractionType.MEETING, rome("2000-12-31T23:00:00"), 4);
        data.interaction(lostOpportunity, r, InteractionType.MEETING, rome("2000-09-01T10:00:00"), 2);
        // the history import writes held interactions: this one becomes planned (no outcome yet)
        jdbc.sql("update interaction set planned = true, outcome_score = null where lead_id = :lead and type = 'MEETING'")
                .param("lead", lostOpportunity.value()).update();
        data.rebuildRollups(); // plain SQL: the statistics' rollups count it after a rebuild (decision 034)
        data.interaction(won, r, InteractionType.CALL, rome("2001-01-01T00:30:00"), 5);

        UserSummary manager = testUsers.create("dd-mgr", Role.MANAGER);
        login(manager.username(), Role.MANAGER);
    }

    /** Opens the link as a click would, and reads the count the list shows. */
    private long countAt(String link, String countId) {
        // a link is "route?query" (an anchor's href); navigate(String) takes the route alone
        int query = link.indexOf('?');
        UI.getCurrent().navigate(link.substring(0, query), QueryParameters.fromString(link.substring(query + 1)));
        Span count = _get(Span.class, spec -> spec.withId(countId));
        assertThat(count.isVisible()).as("a count above %s", link).isTrue();
        return Long.parseLong(count.getElement().getAttribute("data-count"));
    }

    private long leadsAt(String link) {
        return countAt(link, "leads-count");
    }

    @Test
    void every_funnel_step_and_lost_count_lands_on_a_list_of_as_many_leads() {
        StatsFilter filter = new StatsFilter(YEAR, channel);
        Funnel funnel = stats.funnel(YEAR, channel);
        assertThat(funnel.cohort()).isEqualTo(7);

        assertThat(leadsAt(DrillDown.cohort(filter))).isEqualTo(funnel.cohort());
        for (FunnelStep step : funnel.steps()) {
            assertThat(leadsAt(DrillDown.reached(filter, step.status()))).as("reached %s", step.status())
                    .isEqualTo(step.reached());
        }
        assertThat(funnel.lost()).containsEntry("NEW", 1L).containsEntry("MQL", 1L).containsEntry("SQL", 1L)
                .containsEntry("OPPORTUNITY", 1L);
        for (Map.Entry<String, Long> lost : funnel.lost().entrySet()) {
            assertThat(leadsAt(DrillDown.lostFrom(filter, lost.getKey()))).as("lost from %s", lost.getKey())
                    .isEqualTo(lost.getValue());
        }
    }

    @Test
    void a_reps_won_a_marketers_mqls_and_a_channels_customers_land_on_lists_of_as_many_leads() {
        RepFigures repFigures = stats.reps(YEAR).reps().stream().filter(f -> f.username().equals(rep.username()))
                .findFirst().orElseThrow();
        MarketerFigures marketerFigures = stats.marketers(YEAR).marketers().stream()
                .filter(f -> f.username().equals(marketer.username())).findFirst().orElseThrow();
        ChannelFigures channelFigures = stats.channels(YEAR).channels().stream()
                .filter(f -> f.channel().equals(channel)).findFirst().orElseThrow();
        assertThat(repFigures.won()).isEqualTo(2);
        assertThat(marketerFigures.mqls()).isEqualTo(4);
        assertThat(channelFigures.customers()).isEqualTo(2);

        assertThat(leadsAt(DrillDown.entered("WON", YEAR.from(), YEAR.to(), rep.id().value(), null)))
                .isEqualTo(repFigures.won());
        assertThat(leadsAt(DrillDown.entered("MQL", YEAR.from(), YEAR.to(), marketer.id().value(), null)))
                .isEqualTo(marketerFigures.mqls());
        assertThat(leadsAt(DrillDown.entered("WON", YEAR.from(), YEAR.to(), null, channel)))
                .isEqualTo(channelFigures.customers());
        assertThat(leadsAt(DrillDown.cohort(new StatsFilter(YEAR, channel)))).isEqualTo(channelFigures.leads());
    }

    /** A marketer's MQLs count moves into MQL (metrics.md): a lead re-qualified in the period counts twice. */
    @Test
    void a_marketers_mqls_with_a_lead_qualified_twice_land_on_a_list_counting_as_many_moves() {
        UserSummary requalifier = testUsers.create("dd-twice", Role.MARKETING);
        var m = requalifier.id();
        LeadId twice = data.lead(channel, rome("2000-02-01T10:00:00"), m);
        data.move(twice, LeadStatus.MQL, rome("2000-02-02T10:00:00"), m);
        data.move(twice, LeadStatus.LOST, rome("2000-02-03T10:00:00"), m);
        data.move(twice, LeadStatus.NEW, rome("2000-02-04T10:00:00"), m);
        data.move(twice, LeadStatus.MQL, rome("2000-02-05T10:00:00"), m);
        LeadId once = data.lead(channel, rome("2000-02-06T10:00:00"), m);
        data.move(once, LeadStatus.MQL, rome("2000-02-07T10:00:00"), m);
        MarketerFigures figures = stats.marketers(YEAR).marketers().stream()
                .filter(f -> f.username().equals(requalifier.username())).findFirst().orElseThrow();
        assertThat(figures.mqls()).isEqualTo(3);

        String link = DrillDown.entered("MQL", YEAR.from(), YEAR.to(), requalifier.id().value(), null);
        assertThat(leadsAt(link)).isEqualTo(figures.mqls());
        Span count = _get(Span.class, spec -> spec.withId("leads-count"));
        assertThat(count.getElement().getAttribute("data-leads")).as("the list shows each lead once").isEqualTo("2");
        assertThat(count.getText()).isEqualTo("3 moves to MQL, of 2 leads");
    }

    /** Decision 031: a marketer's leads created, a rep's lost from OPPORTUNITY, the bridge's "went no further". */
    @Test
    void leads_created_lost_from_opportunity_and_went_no_further_land_on_lists_of_as_many_leads() {
        RepFigures repFigures = stats.reps(YEAR).reps().stream().filter(f -> f.username().equals(rep.username()))
                .findFirst().orElseThrow();
        MarketerFigures marketerFigures = stats.marketers(YEAR).marketers().stream()
                .filter(f -> f.username().equals(marketer.username())).findFirst().orElseThrow();
        assertThat(marketerFigures.leadsCreated()).isEqualTo(7);
        assertThat(repFigures.lostFromOpportunity()).isEqualTo(1);

        assertThat(leadsAt(DrillDown.createdBy(YEAR, marketer.id().value()))).isEqualTo(marketerFigures.leadsCreated());
        assertThat(leadsAt(DrillDown.left("OPPORTUNITY", "LOST", YEAR.from(), YEAR.to(), rep.id().value())))
                .isEqualTo(repFigures.lostFromOpportunity());

        StatsFilter filter = new StatsFilter(YEAR, channel);
        Funnel funnel = stats.funnel(YEAR, channel);
        for (int i = 0; i + 1 < funnel.steps().size(); i++) {
            FunnelStep from = funnel.steps().get(i);
            FunnelStep to = funnel.steps().get(i + 1);
            assertThat(leadsAt(DrillDown.wentNoFurther(filter, from.status(), to.status())))
                    .as("reached %s, not %s", from.status(), to.status()).isEqualTo(from.reached() - to.reached());
        }
    }

    @Test
    void stalled_counts_by_status_land_on_lists_of_as_many_leads() {
        // every open lead of the database counts, in the figure and in the list alike
        Instant asOf = rome("2000-08-01T12:00:00");
        Map<String, Long> byStatus = stats.stalled(asOf, 14).byStatus();
        assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isPositive();
        for (Map.Entry<String, Long> status : byStatus.entrySet()) {
            assertThat(leadsAt(DrillDown.stalled(14, asOf, status.getKey()))).as("stalled %s", status.getKey())
                    .isEqualTo(status.getValue());
        }
        assertThat(leadsAt(DrillDown.stalled(14, asOf, null)))
                .isEqualTo(byStatus.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void a_reps_interactions_land_on_a_list_of_as_many_interactions() {
        RepFigures figures = stats.reps(YEAR).reps().stream().filter(f -> f.username().equals(rep.username()))
                .findFirst().orElseThrow();
        assertThat(figures.interactions()).isEqualTo(2);

        assertThat(countAt(DrillDown.interactions(rep.id().value(), null, YEAR.from(), YEAR.to()),
                "interactions-count")).isEqualTo(figures.interactions());
        assertThat(countAt(DrillDown.interactions(rep.id().value(), "MEETING", YEAR.from(), YEAR.to()),
                "interactions-count")).isEqualTo(figures.interactionsByType().get("MEETING"));
    }
}
