package app.ponte.stats.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedianTest {

    @Test
    void an_odd_count_takes_the_middle_value_whatever_the_order() {
        assertThat(Median.of(List.of(9, 1, 4))).isEqualTo(4.0);
        assertThat(Median.of(List.of(7L))).isEqualTo(7.0);
    }

    @Test
    void an_even_count_takes_the_mean_of_the_two_middle_values() {
        assertThat(Median.of(List.of(10, 1, 4, 3))).isEqualTo(3.5);
        assertThat(Median.of(List.of(0.25, 0.5))).isEqualTo(0.375);
    }

    @Test
    void nulls_are_skipped_not_counted_as_zero() {
        assertThat(Median.of(Arrays.asList(null, 0.8, null, 0.2, 0.6))).isEqualTo(0.6);
        assertThat(Median.of(Arrays.asList(null, 3, 5))).isEqualTo(4.0);
    }

    @Test
    void nothing_to_take_the_middle_of_gives_no_median() {
        assertThat(Median.of(List.of())).isNull();
        assertThat(Median.of(Arrays.asList((Double) null, null))).isNull();
    }

    @Test
    void money_values_count_like_any_number() {
        assertThat(Median.of(List.of(new BigDecimal("100.00"), new BigDecimal("250.50")))).isEqualTo(175.25);
    }
}
