package app.ponte.stats.rollup;

import app.ponte.lead.StatusChangesWritten;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code stage_interval_day} and {@code stage_interval_channel_day} current from the lead feature's
 * {@link StatusChangesWritten} (decision 046): in the writing transaction it recomputes the keys of the intervals
 * the written changes close (a move, a decided handoff, imported history: once per import batch) and, when a
 * lead's channel is edited, the keys its changes moved out of and into. A change into WON whose value was edited
 * is refreshed too (its key is unchanged, so is its row). The all-channels rollup first, then the channels'.
 */
@Component
class StageIntervalKeeper {

    private final RollupStore store;
    private final JdbcClient jdbc;
    /** The lower bounds of duration_bucket (V22, never changed), by bucket: read once. */
    private volatile long[] lows;

    StageIntervalKeeper(RollupStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(StatusChangesWritten written) {
        List<List<Object>> all = new ArrayList<>();
        List<List<Object>> channels = new ArrayList<>();
        for (StatusChangesWritten.Key key : written.keys()) {
            if (key.from().isOpen()) {
                int bucket = bucket(key.fromDurationSeconds());
                all.add(StageIntervalDay.key(key, bucket));
                if (key.leadChannelCode() != null) {
                    channels.add(StageIntervalChannelDay.key(key, bucket));
                }
            }
        }
        for (StatusChangesWritten.Move move : written.moves()) {
            for (StatusChangesWritten.Key key : List.of(move.before(), move.after())) {
                if (key.from().isOpen() && key.leadChannelCode() != null) {
                    channels.add(StageIntervalChannelDay.key(key, bucket(key.fromDurationSeconds())));
                }
            }
        }
        store.refresh(StageIntervalDay.ROLLUP, all);
        store.refresh(StageIntervalChannelDay.ROLLUP, channels);
    }

    /** The bucket of a duration: the last whose lower bound is at most it. */
    int bucket(long seconds) {
        long[] bounds = lows;
        if (bounds == null) {
            bounds = jdbc.sql("select lo from duration_bucket order by bucket").query(Long.class).list().stream()
                    .mapToLong(Long::longValue).toArray();
            lows = bounds;
        }
        int at = Arrays.binarySearch(bounds, Math.max(0, seconds));
        return at >= 0 ? at : -at - 2;
    }
}
