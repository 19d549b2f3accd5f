package app.ponte.stats;

import app.ponte.security.AppRoles;
import app.ponte.stats.rollup.HandoffDay;
import app.ponte.stats.rollup.HandoffDecisionDay;
import app.ponte.stats.rollup.HandoffRecipientDay;
import app.ponte.stats.rollup.InteractionDay;
import app.ponte.stats.rollup.LeadActivityDay;
import app.ponte.stats.rollup.LeadCohortDay;
import app.ponte.stats.rollup.LeadDay;
import app.ponte.stats.rollup.Rollup;
import app.ponte.stats.rollup.RollupStore;
import app.ponte.stats.rollup.StatusChangeDay;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics' rollups kept by this feature (decisions 034, 036, 039, 040, 044; the others are still kept by database
 * triggers, docs/statistics.md): rebuilt from the source rows on demand — the start-up flag
 * {@code --ponte.stats.rebuild}, and writers that bypass the services (benchmark generators, SQL
 * fixtures) — and checked against their definition. Administrators only.
 */
@Service
@PreAuthorize(AppRoles.HAS_ADMIN)
public class StatsRollups {

    private static final Logger LOG = LoggerFactory.getLogger(StatsRollups.class);
    /** Every rollup kept by the statistics feature, in rebuild order. */
    static final List<Rollup> KEPT = List.of(InteractionDay.ROLLUP, LeadDay.ROLLUP, LeadCohortDay.ROLLUP,
            StatusChangeDay.ROLLUP, LeadActivityDay.ROLLUP, HandoffDay.ROLLUP, HandoffRecipientDay.ROLLUP, HandoffDecisionDay.ROLLUP);

    private final RollupStore store;

    StatsRollups(RollupStore store) {
        this.store = store;
    }

    /** What a rebuild did: the rows written per rollup table and the time it took. */
    public record Rebuilt(Map<String, Long> rows, Duration took) {
    }

    /** Deletes and recomputes every rollup kept here from the source rows, in one transaction. */
    @Transactional
    public Rebuilt rebuild() {
        long started = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Rollup rollup : KEPT) {
            rows.put(rollup.table(), store.rebuild(rollup));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Statistics rollups rebuilt in {} ms: {}", took.toMillis(), rows);
        return new Rebuilt(rows, took);
    }

    /** Per rollup table, how many rows differ from its definition over the source rows (all zero when right). */
    @Transactional(readOnly = true)
    public Map<String, Long> differences() {
        Map<String, Long> differences = new LinkedHashMap<>();
        for (Rollup rollup : KEPT) {
            differences.put(rollup.table(), store.differences(rollup));
        }
        return differences;
    }
}
