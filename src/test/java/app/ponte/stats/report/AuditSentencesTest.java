package app.ponte.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.stats.ChannelDuration;
import app.ponte.stats.ChannelFigures;
import app.ponte.stats.DurationFigures;
import app.ponte.stats.Funnel;
import app.ponte.stats.FunnelStep;
import app.ponte.stats.MarketerFigures;
import app.ponte.stats.Period;
import app.ponte.stats.RepFigures;
import app.ponte.stats.RepeatPurchases;
import app.ponte.stats.TimeToCustomer;
import app.ponte.stats.Volume;
import app.ponte.stats.VolumeBucket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The audit's sentences over their cases, in English and Italian, with the bundles as the app reads them. */
class AuditSentencesTest {

    private static final ReportTexts EN = texts(Locale.ENGLISH);
    private static final ReportTexts IT = texts(Locale.ITALIAN);
    private static final Period YEAR = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

    static ReportTexts texts(Locale locale) {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return new ReportTexts(messages, locale);
    }

    private static Funnel funnel(long... reached) {
        List<String> statuses = List.of("NEW", "MQL", "SQL", "OPPORTUNITY", "WON");
        List<FunnelStep> steps = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            Double conversion = i == 0 || reached[i - 1] == 0 ? null : (double) reached[i] / reached[i - 1];
            steps.add(new FunnelStep(statuses.get(i), reached[i], conversion));
        }
        return new Funnel(YEAR.from(), YEAR.to(), reached[0], steps,
                reached[0] == 0 ? null : (double) reached[4] / reached[0],
                Map.of("NEW", 10L, "MQL", 5L, "SQL", 100L, "OPPORTUNITY", 7L));
    }

    private static Volume volume(long... leads) {
        List<VolumeBucket> series = new ArrayList<>();
        for (int i = 0; i < leads.length; i++) {
            series.add(new VolumeBucket(YEAR.from().plusMonths(i), leads[i], 0, 0));
        }
        return new Volume("month", series);
    }

    @Test
    void the_funnel_sentence_names_the_cohort_and_each_rate_in_the_locale() {
        Funnel f = funnel(3000, 1140, 570, 336, 150);
        assertThat(AuditSentences.funnel(f, EN)).isEqualTo("Of 3,000 leads created from Jan 1, 2025 to Dec 31, 2025,"
                + " 38% became marketing-qualified, 50% of those became sales-qualified, and 5% of all became customers.");
        assertThat(AuditSentences.funnel(f, IT)).startsWith("Dei 3.000 lead creati dal 1 gen 2025 al 31 dic 2025:"
                + " qualificati dal marketing 38%");
    }

    @Test
    void one_lead_and_no_mql_read_in_the_singular_and_say_so() {
        assertThat(AuditSentences.funnel(funnel(1, 1, 0, 0, 0), EN)).startsWith("Of the one lead created");
        assertThat(AuditSentences.funnel(funnel(1, 0, 0, 0, 0), EN))
                .isEqualTo("The one lead created from Jan 1, 2025 to Dec 31, 2025 did not become marketing-qualified.");
        assertThat(AuditSentences.funnel(funnel(12, 0, 0, 0, 0), IT)).startsWith("Nessuno dei 12 lead creati");
        assertThat(AuditSentences.funnel(funnel(0, 0, 0, 0, 0), EN)).isEqualTo("No leads in this period.");
        assertThat(AuditSentences.funnel(funnel(0, 0, 0, 0, 0), IT)).isEqualTo("Nessun lead in questo periodo.");
    }

    @Test
    void the_bridge_breaks_where_the_largest_share_went_no_further() {
        // NEW→MQL loses 62 %, SQL→OPPORTUNITY 41 %: the first is the biggest break
        assertThat(AuditSentences.biggestBreak(funnel(3000, 1140, 570, 336, 150)).orElseThrow().from()).isEqualTo("NEW");
        Funnel f = funnel(1000, 900, 850, 500, 450);
        var worst = AuditSentences.biggestBreak(f).orElseThrow();
        assertThat(worst.from()).isEqualTo("SQL");
        assertThat(worst.wentNoFurther()).isEqualTo(350);
        assertThat(AuditSentences.breaks(f, EN)).isEqualTo("The bridge breaks most between SQL and Opportunity: 41%"
                + " of the 850 leads that reached SQL went no further, and 100 are marked lost from SQL.");
        assertThat(AuditSentences.breaks(f, IT)).isEqualTo("Il ponte si rompe soprattutto tra SQL e Opportunità:"
                + " su 850 lead arrivati a SQL, 41% non è andato oltre, e 100 sono segnati persi da SQL.");
    }

    @Test
    void a_tie_names_the_earlier_span_and_no_loss_says_every_lead_won() {
        assertThat(AuditSentences.biggestBreak(funnel(100, 50, 25, 25, 25)).orElseThrow().from()).isEqualTo("NEW");
        assertThat(AuditSentences.biggestBreak(funnel(4, 4, 4, 4, 4))).isEmpty();
        assertThat(AuditSentences.breaks(funnel(4, 4, 4, 4, 4), EN)).contains("every one became a customer");
    }

    @Test
    void the_volume_sentence_gives_the_monthly_average_and_the_trend() {
        assertThat(AuditSentences.volume(volume(10, 10, 20, 20), YEAR, EN)).isEqualTo("60 leads were created from"
                + " Jan 1, 2025 to Dec 31, 2025, 15 a month on average over 4 months, and the trend is rising.");
        assertThat(AuditSentences.volume(volume(20, 5, 10), YEAR, EN)).endsWith("11.7 a month on average over 3 months,"
                + " and the trend is falling.");
        assertThat(AuditSentences.volume(volume(100, 109), YEAR, EN)).endsWith("and the number holds steady.");
        assertThat(AuditSentences.volume(volume(0, 7), YEAR, EN)).endsWith("and the trend is rising.");
        assertThat(AuditSentences.volume(volume(1), YEAR, EN)).isEqualTo("One lead was created from Jan 1, 2025 to"
                + " Dec 31, 2025.");
        assertThat(AuditSentences.volume(volume(0, 0), YEAR, EN)).isEqualTo("No leads in this period.");
        assertThat(AuditSentences.volume(volume(1000, 1001, 3000), YEAR, IT)).isEqualTo("Sono stati creati 5.001 lead"
                + " dal 1 gen 2025 al 31 dic 2025, in media 1.667 al mese su 3 mesi, e l'andamento è in crescita.");
    }

    @Test
    void the_trend_compares_the_halves_around_the_steady_band() {
        assertThat(AuditSentences.trend(List.of(100L, 109L))).isEqualTo(AuditSentences.Trend.STEADY);
        assertThat(AuditSentences.trend(List.of(100L, 110L))).isEqualTo(AuditSentences.Trend.RISING);
        assertThat(AuditSentences.trend(List.of(100L, 90L))).isEqualTo(AuditSentences.Trend.FALLING);
        assertThat(AuditSentences.trend(List.of(100L, 0L, 100L))).isEqualTo(AuditSentences.Trend.STEADY);
        assertThat(AuditSentences.trend(List.of(5L))).isEqualTo(AuditSentences.Trend.NONE);
    }

    @Test
    void time_to_customer_names_the_fastest_and_slowest_channel_in_days() {
        var time = new TimeToCustomer(new DurationFigures(12, 40.26, 31.5), List.of(
                new ChannelDuration("SEO", 5, 20.0, 18.0), new ChannelDuration("FAIR", 7, 55.0, 60.5),
                new ChannelDuration("ADS", 0, null, null)));
        assertThat(AuditSentences.timeToCustomer(time, code -> code.equals("FAIR") ? "Fiere" : code, EN))
                .isEqualTo("12 leads of this period became customers after 31.5 days (median; mean 40.3);"
                        + " the fastest channel is SEO (18), the slowest Fiere (60.5).");
        var one = new TimeToCustomer(new DurationFigures(1, 1.0, 1.0), List.of(new ChannelDuration("SEO", 1, 1.0, 1.0)));
        assertThat(AuditSentences.timeToCustomer(one, c -> c, EN))
                .isEqualTo("One lead of this period became a customer after 1 day (median; mean 1).");
        assertThat(AuditSentences.timeToCustomer(one, c -> c, IT))
                .isEqualTo("Un lead di questo periodo è diventato cliente in 1 giorno (mediana; media 1).");
        var none = new TimeToCustomer(new DurationFigures(0, null, null), List.of());
        assertThat(AuditSentences.timeToCustomer(none, c -> c, EN))
                .isEqualTo("No lead created in this period has become a customer yet.");
    }

    private static ChannelFigures channel(String code, long leads, long mqls) {
        return new ChannelFigures(code, "ONLINE", leads, mqls, 0, null, null, null, null, null, null);
    }

    @Test
    void channels_rank_by_mql_share_and_name_the_one_with_most_leads() {
        var channels = List.of(channel("ADS", 200, 20), channel("SEO", 100, 50), channel("FAIR", 50, 10),
                channel("MAIL", 0, 0));
        assertThat(AuditSentences.ranked(channels)).extracting(ChannelFigures::channel)
                .containsExactly("SEO", "FAIR", "ADS");
        assertThat(AuditSentences.channels(channels, c -> c, EN)).isEqualTo("ADS brings the most leads (200);"
                + " SEO qualifies best, with 50% of its leads marketing-qualified, and ADS worst, with 10%.");
        assertThat(AuditSentences.channels(List.of(channel("SEO", 1, 0)), c -> c, EN))
                .isEqualTo("The one lead comes from SEO; 0% became marketing-qualified.");
        assertThat(AuditSentences.channels(List.of(channel("SEO", 0, 0)), c -> c, IT))
                .isEqualTo("Nessun lead in questo periodo.");
    }

    private static RepFigures rep(String name, long received, long accepted, long rejected, long pending, long won,
            Double winRate) {
        return new RepFigures(name, 0, Map.of(), 0, null, received, accepted, rejected, pending, null, null, won, null,
                0, winRate);
    }

    @Test
    void capacity_divides_by_salespeople_and_months_and_says_whether_the_team_keeps_up() {
        Period sixMonths = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)); // 181 days
        var keeps = AuditSentences.Capacity.of(List.of(rep("a", 60, 50, 5, 5, 0, null),
                rep("b", 60, 54, 6, 0, 0, null)), sixMonths);
        assertThat(keeps.months()).isEqualTo(181 / 30.4375);
        assertThat(keeps.receivedPerPersonMonth()).isEqualTo(120 / 2.0 / (181 / 30.4375));
        assertThat(keeps.keepsUp()).isTrue();
        assertThat(AuditSentences.capacity(keeps, EN)).isEqualTo("Each salesperson received 10.1 handoffs a month and"
                + " the team decided 9.7 a month per person: it keeps up with the leads it gets, with 5 still waiting.");
        var behind = AuditSentences.Capacity.of(List.of(rep("a", 100, 50, 10, 40, 0, null)), sixMonths);
        assertThat(behind.keepsUp()).isFalse();
        assertThat(AuditSentences.capacity(behind, IT)).endsWith("servono più venditori o decisioni più rapide.");
        assertThat(AuditSentences.capacity(AuditSentences.Capacity.of(List.of(rep("a", 0, 0, 0, 0, 0, null)), sixMonths),
                EN)).isEqualTo("No handoff reached the one salesperson in this period: there are not enough leads"
                + " for the sales team.");
        assertThat(AuditSentences.capacity(AuditSentences.Capacity.of(List.of(), sixMonths), EN))
                .isEqualTo("There is no salesperson in the team.");
    }

    @Test
    void members_name_the_best_closer_and_the_marketer_with_most_leads() {
        var reps = List.of(rep("bianchi", 0, 0, 0, 0, 3, 0.5), rep("rossi", 0, 0, 0, 0, 3, 0.75),
                rep("verdi", 0, 0, 0, 0, 1, 1.0));
        var marketers = List.of(new MarketerFigures("emartin", 40, 12, 0, 0, 0, 0, null, 0),
                new MarketerFigures("sromano", 25, 20, 0, 0, 0, 0, null, 0));
        assertThat(AuditSentences.members(reps, marketers, EN)).isEqualTo("rossi closed the most deals (3, win rate 75%);"
                + " emartin created the most leads (40) and qualified 12.");
        assertThat(AuditSentences.members(reps, List.of(), EN)).endsWith("no marketer created a lead.");
        assertThat(AuditSentences.members(List.of(), marketers, IT)).startsWith("Nessun venditore ha chiuso trattative;");
        assertThat(AuditSentences.members(List.of(rep("a", 0, 0, 0, 0, 0, null)), List.of(), EN))
                .isEqualTo("Nobody closed a deal or created a lead in this period.");
    }

    @Test
    void repeat_buyers_give_counts_and_the_share_of_revenue() {
        var r = new RepeatPurchases(40, 30, 10, Map.of("1", 30L, "2", 8L, "5+", 2L), null, 0.4166666666666667);
        assertThat(AuditSentences.repeatBuyers(r, EN)).isEqualTo("40 customers bought in this period; 10 of them"
                + " bought more than once, bringing 42% of the revenue.");
        var one = new RepeatPurchases(1, 1, 0, Map.of("1", 1L), null, null);
        assertThat(AuditSentences.repeatBuyers(one, EN)).isEqualTo("One customer bought in this period; none of them"
                + " bought more than once.");
        assertThat(AuditSentences.repeatBuyers(one, IT)).isEqualTo("Un cliente ha acquistato in questo periodo;"
                + " nessuno di loro più di una volta.");
        assertThat(AuditSentences.repeatBuyers(new RepeatPurchases(0, 0, 0, Map.of(), null, null), EN))
                .isEqualTo("Nobody bought in this period.");
    }
}
