package app.ponte.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The CSV form of every statistics table: fixed snake_case headers (maps become one column per
 * known key), one row per entry, unrounded ratios as plain decimals, empty cells for nulls.
 */
class StatsCsvTest {

    private static String csv(Consumer<OutputStream> write) {
        var out = new ByteArrayOutputStream();
        write.accept(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_funnel_is_one_row_per_status_with_the_lost_from_it() {
        var funnel = new Funnel(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 3,
                List.of(new FunnelStep("NEW", 3, null), new FunnelStep("MQL", 1, 1.0 / 3),
                        new FunnelStep("SQL", 1, 1.0), new FunnelStep("OPPORTUNITY", 0, 0.0),
                        new FunnelStep("WON", 0, null)),
                0.0, new LinkedHashMap<>(Map.of("NEW", 2L, "MQL", 0L, "SQL", 1L, "OPPORTUNITY", 0L)));
        assertThat(csv(out -> StatsCsv.write(funnel, out))).isEqualTo("status,reached,conversion,lost\r\n"
                + "NEW,3,,2\r\nMQL,1,0.3333333333333333,0\r\nSQL,1,1.0,1\r\nOPPORTUNITY,0,0.0,0\r\nWON,0,,\r\n");
    }

    @Test
    void durations_and_time_to_customer_have_count_mean_and_median_days() {
        var durations = new StageDurations(List.of(new StageDuration("NEW", 2, 1.5, 1.5),
                new StageDuration("MQL", 0, null, null)));
        assertThat(csv(out -> StatsCsv.write(durations, out))).isEqualTo(
                "status,count,mean_days,median_days\r\nNEW,2,1.5,1.5\r\nMQL,0,,\r\n");
        var time = new TimeToCustomer(new DurationFigures(3, 0.0001, 2.0),
                List.of(new ChannelDuration("SEO", 3, 0.0001, 2.0)));
        assertThat(csv(out -> StatsCsv.write(time, out))).isEqualTo(
                "channel,count,mean_days,median_days\r\nALL,3,0.0001,2.0\r\nSEO,3,0.0001,2.0\r\n");
    }

    @Test
    void reps_have_a_column_per_interaction_type() {
        var reps = new Reps(List.of(new RepFigures("rossi", 3, Map.of("CALL", 2L, "OFFER", 1L), 2, 3.5, 4, 2, 1, 1,
                2.0 / 3, 5.25, 1, new BigDecimal("45000.00"), 1, 0.5)));
        assertThat(csv(out -> StatsCsv.write(reps, out))).isEqualTo("username,interactions,interactions_call,"
                + "interactions_video_call,interactions_meeting,interactions_email,interactions_event,"
                + "interactions_social,interactions_website_visit,interactions_info_request,"
                + "interactions_newsletter_signup,interactions_content_download,interactions_offer,"
                + "scored_interactions,avg_outcome,handoffs_received,accepted,rejected,pending,acceptance_rate,"
                + "median_decision_hours,won,won_value,lost_from_opportunity,win_rate\r\n"
                + "rossi,3,2,0,0,0,0,0,0,0,0,0,1,2,3.5,4,2,1,1,0.6666666666666666,5.25,1,45000.00,1,0.5\r\n");
    }

    @Test
    void marketers_and_channels_are_one_row_each() {
        var marketers = new Marketers(List.of(new MarketerFigures("bianchi", 10, 4, 3, 1, 1, 1, 0.5, 1)));
        assertThat(csv(out -> StatsCsv.write(marketers, out))).isEqualTo("username,leads_created,mqls,"
                + "handoffs_sent,accepted,rejected,pending,acceptance_rate,handoffs_won\r\n"
                + "bianchi,10,4,3,1,1,1,0.5,1\r\n");
        var channels = new ChannelEconomics(List.of(new ChannelFigures("SEO", "ONLINE", 4, 2, 1,
                new BigDecimal("100.00"), new BigDecimal("25.00"), new BigDecimal("100.00"), new BigDecimal("250.00"),
                new BigDecimal("250.00"), 2.5), new ChannelFigures("FAIR", "OFFLINE", 0, 0, 0,
                new BigDecimal("0.00"), null, null, new BigDecimal("0.00"), null, null)));
        assertThat(csv(out -> StatsCsv.write(channels, out))).isEqualTo("channel,kind,leads,mqls,customers,spend,"
                + "cpl,cac,revenue,ltv,ltv_to_cac\r\nSEO,ONLINE,4,2,1,100.00,25.00,100.00,250.00,250.00,2.5\r\n"
                + "FAIR,OFFLINE,0,0,0,0.00,,,0.00,,\r\n");
    }

    @Test
    void handoffs_and_repeat_purchases_are_one_row_with_a_column_per_fixed_key() {
        var handoffs = new HandoffFigures(5, 2, 2, 1, 0.5, 3.75, 24, 1, Map.of("NO_BUDGET", 2L));
        assertThat(csv(out -> StatsCsv.write(handoffs, out))).isEqualTo("sent,accepted,rejected,pending,"
                + "acceptance_rate,median_decision_hours,sla_hours,overdue_pending,rejected_not_a_fit,"
                + "rejected_no_budget,rejected_no_contact,rejected_not_ready,rejected_duplicate,rejected_other\r\n"
                + "5,2,2,1,0.5,3.75,24,1,0,2,0,0,0,0\r\n");
        var repeat = new RepeatPurchases(3, 1, 2, Map.of("1", 1L, "2", 1L, "3", 0L, "4", 0L, "5+", 1L),
                new BigDecimal("600.00"), 0.8333333333333334);
        assertThat(csv(out -> StatsCsv.write(repeat, out))).isEqualTo("buyers,one_time,repeat,buyers_1,buyers_2,"
                + "buyers_3,buyers_4,buyers_5_plus,revenue,repeat_revenue_share\r\n"
                + "3,1,2,1,1,0,0,1,600.00,0.8333333333333334\r\n");
    }

    @Test
    void volume_and_stalled_leads_are_one_row_per_bucket_or_lead_and_a_formula_name_is_text() {
        var volume = new Volume("month", List.of(new VolumeBucket(LocalDate.of(2026, 1, 15), 3, 1, 0),
                new VolumeBucket(LocalDate.of(2026, 2, 1), 0, 0, 0)));
        assertThat(csv(out -> StatsCsv.write(volume, out))).isEqualTo(
                "start,leads,mqls,won\r\n2026-01-15,3,1,0\r\n2026-02-01,0,0,0\r\n");
        var stalled = new Stalled(14, Map.of("NEW", 1L), List.of(new StalledLead(42, "=HYPERLINK(\"x\")", "NEW",
                "rossi", Instant.parse("2026-01-02T03:04:05Z"))));
        assertThat(csv(out -> StatsCsv.write(stalled, out))).isEqualTo("id,name,status,owner,last_activity_at\r\n"
                + "42,\"'=HYPERLINK(\"\"x\"\")\",NEW,rossi,2026-01-02T03:04:05Z\r\n");
    }
}
