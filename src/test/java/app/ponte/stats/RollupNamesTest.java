package app.ponte.stats;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.stats.rollup.Rollup;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The Statistics upkeep page names every rollup in words (upkeep.table.&lt;table&gt;), in English and Italian: a
 * rollup added without a name would show its table's name to an administrator.
 */
class RollupNamesTest {

    @Test
    void every_kept_rollup_has_a_name_in_both_languages() throws IOException {
        for (String bundle : new String[] {"/messages.properties", "/messages_it.properties"}) {
            Properties messages = new Properties();
            try (InputStream in = RollupNamesTest.class.getResourceAsStream(bundle)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Rollup rollup : StatsRollups.KEPT) {
                assertThat(messages.getProperty("upkeep.table." + rollup.table())).as(bundle + " " + rollup.table())
                        .isNotBlank();
            }
        }
    }
}
