package app.ponte.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** eNPS = round(100 × (promoters − detractors) / responses): 9–10 promote, 7–8 pass, 0–6 detract. */
class EnpsTest {

    @Test
    void all_detractors_is_minus_100() {
        assertThat(Enps.of(0, 0, 7)).isEqualTo(new Enps(0, 0, 7, -100));
    }

    @Test
    void all_promoters_is_100() {
        assertThat(Enps.of(5, 0, 0).score()).isEqualTo(100);
    }

    @Test
    void as_many_promoters_as_detractors_is_0_whatever_the_passives() {
        assertThat(Enps.of(3, 4, 3).score()).isZero();
        assertThat(Enps.of(0, 6, 0).score()).isZero();
    }

    @Test
    void halves_round_away_from_zero_and_other_fractions_to_the_nearest() {
        assertThat(Enps.of(1, 7, 0).score()).isEqualTo(13);   // 12.5
        assertThat(Enps.of(0, 7, 1).score()).isEqualTo(-13);  // -12.5
        assertThat(Enps.of(2, 1, 0).score()).isEqualTo(67);   // 66.67
        assertThat(Enps.of(1, 1, 1).score()).isZero();
        assertThat(Enps.of(1, 2, 0).score()).isEqualTo(33);   // 33.33
    }

    @Test
    void the_bands_are_0_to_6_7_to_8_and_9_to_10() {
        Enps e = Enps.of(Map.of(0, 1, 6, 2, 7, 3, 8, 4, 9, 5, 10, 6));
        assertThat(e).isEqualTo(new Enps(11, 7, 3, 38)); // 100 × 8 / 21 = 38.1
    }

    @Test
    void nobody_answering_has_no_score() {
        assertThat(Enps.of(0, 0, 0)).isNull();
    }
}
