package app.ponte.stats.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.stats.Period;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PeriodPresetTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 17);

    private static Period p(String from, String to) {
        return new Period(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void each_preset_names_its_dates() {
        assertThat(PeriodPreset.THIS_MONTH.period(TODAY)).isEqualTo(p("2026-05-01", "2026-05-17"));
        assertThat(PeriodPreset.LAST_MONTH.period(TODAY)).isEqualTo(p("2026-04-01", "2026-04-30"));
        assertThat(PeriodPreset.THIS_QUARTER.period(TODAY)).isEqualTo(p("2026-04-01", "2026-05-17"));
        assertThat(PeriodPreset.LAST_QUARTER.period(TODAY)).isEqualTo(p("2026-01-01", "2026-03-31"));
        assertThat(PeriodPreset.THIS_YEAR.period(TODAY)).isEqualTo(p("2026-01-01", "2026-05-17"));
        assertThat(PeriodPreset.LAST_12_MONTHS.period(TODAY)).isEqualTo(p("2025-05-01", "2026-04-30"));
        assertThatThrownBy(() -> PeriodPreset.CUSTOM.period(TODAY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void presets_across_a_year_start() {
        LocalDate january = LocalDate.of(2027, 1, 1);
        assertThat(PeriodPreset.LAST_MONTH.period(january)).isEqualTo(p("2026-12-01", "2026-12-31"));
        assertThat(PeriodPreset.LAST_QUARTER.period(january)).isEqualTo(p("2026-10-01", "2026-12-31"));
        assertThat(PeriodPreset.THIS_MONTH.period(january)).isEqualTo(p("2027-01-01", "2027-01-01"));
        assertThat(PeriodPreset.LAST_12_MONTHS.period(january)).isEqualTo(p("2026-01-01", "2026-12-31"));
    }

    @ParameterizedTest
    @EnumSource(value = PeriodPreset.class, names = "CUSTOM", mode = EnumSource.Mode.EXCLUDE)
    void a_presets_period_is_recognised_as_that_preset_or_an_earlier_one_with_the_same_dates(PeriodPreset preset) {
        PeriodPreset found = PeriodPreset.of(preset.period(TODAY), TODAY);
        assertThat(found.period(TODAY)).isEqualTo(preset.period(TODAY));
        assertThat(found.ordinal()).isLessThanOrEqualTo(preset.ordinal());
    }

    @Test
    void other_dates_are_custom() {
        assertThat(PeriodPreset.of(p("2026-02-03", "2026-02-20"), TODAY)).isEqualTo(PeriodPreset.CUSTOM);
    }

    @Test
    void the_previous_period_has_the_same_length_and_ends_the_day_before() {
        assertThat(PeriodPreset.previous(p("2026-05-01", "2026-05-17"))).isEqualTo(p("2026-04-14", "2026-04-30"));
        assertThat(PeriodPreset.previous(p("2026-01-01", "2026-01-01"))).isEqualTo(p("2025-12-31", "2025-12-31"));
        assertThat(PeriodPreset.previous(p("2025-05-01", "2026-04-30"))).isEqualTo(p("2024-05-01", "2025-04-30"));
    }

    @Test
    void the_filter_round_trips_through_the_url() {
        var filter = new StatsFilter(p("2026-01-01", "2026-03-31"), "SEO");
        assertThat(StatsFilter.fromQuery(filter.toQuery(), TODAY, Set.of("SEO"))).isEqualTo(filter);
        assertThat(filter.toQuery().getQueryString()).contains("from=2026-01-01", "to=2026-03-31", "channel=SEO");
    }

    @Test
    void a_bad_url_gives_the_default_period_and_all_channels() {
        var defaults = new StatsFilter(PeriodPreset.DEFAULT.period(TODAY), null);
        assertThat(StatsFilter.fromQuery(QueryParameters.empty(), TODAY, Set.of())).isEqualTo(defaults);
        assertThat(StatsFilter.fromQuery(QueryParameters.simple(Map.of("from", "2026-13-01", "to", "2026-12-31")),
                TODAY, Set.of())).isEqualTo(defaults);
        assertThat(StatsFilter.fromQuery(QueryParameters.simple(Map.of("from", "2026-03-01", "to", "2026-02-01")),
                TODAY, Set.of())).isEqualTo(defaults);
        assertThat(StatsFilter.fromQuery(QueryParameters.simple(Map.of("from", "2026-01-01", "to", "2026-01-31",
                "channel", "NOPE")), TODAY, Set.of("SEO"))).isEqualTo(new StatsFilter(p("2026-01-01", "2026-01-31"), null));
    }
}
