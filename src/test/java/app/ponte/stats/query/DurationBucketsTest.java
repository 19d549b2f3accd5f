package app.ponte.stats.query;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The estimated join finds the bucket the range alone finds, for the edges of every bucket, on both databases. */
@PonteTest
@Tag("persistence")
class DurationBucketsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_estimated_join_finds_every_bucket_of_its_first_middle_and_last_values() {
        record Probe(double seconds, int bucket) {
        }
        List<Probe> probes = new ArrayList<>();
        jdbc.sql("select bucket, lo, hi from duration_bucket order by bucket").query(rs -> {
            long lo = rs.getLong("lo");
            // the last bucket is open-ended (up to 9e18): probed up to ten times its start
            long hi = rs.getInt("bucket") == 149 ? lo * 10 : rs.getLong("hi");
            for (double s : new double[] {lo, lo + 0.5, (lo + hi) / 2.0, hi - 1, Math.nextDown((double) hi)}) {
                probes.add(new Probe(s, rs.getInt("bucket")));
            }
        });
        assertThat(probes).hasSize(750);
        for (Probe probe : probes) {
            List<Integer> found = jdbc.sql("select b.bucket from (select cast(:s as double precision) as x) v"
                            + DurationBuckets.join("b", "v.x"))
                    .param("s", probe.seconds())
                    .query(Integer.class)
                    .list();
            assertThat(found).as("%s seconds", probe.seconds()).containsExactly(probe.bucket());
        }
    }
}
