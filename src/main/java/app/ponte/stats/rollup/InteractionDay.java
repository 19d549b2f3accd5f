package app.ponte.stats.rollup;

import app.ponte.interaction.InteractionsChanged;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/**
 * {@code interaction_day}: held interactions per UTC day, person and type — how many, how many
 * scored, the sum of their scores (decision 017, kept by the statistics feature since decision 034).
 * The day is still the UTC day ({@code floor(epoch seconds / 86400)}); keying every rollup by the
 * business day in {@code ponte.zone} comes in a later step (issue 23).
 */
public final class InteractionDay implements Rollup {

    public static final InteractionDay ROLLUP = new InteractionDay();

    private static final String DAY = SourceRows.utcDay("i.occurred_at");

    private InteractionDay() {
    }

    /** The key of a written interaction: its UTC day, person and type. */
    static List<Object> key(InteractionsChanged.Key key) {
        return List.of(Math.floorDiv(key.occurredAt().getEpochSecond(), SourceRows.DAY_SECONDS), key.user().value(),
                key.type().name());
    }

    @Override
    public String table() {
        return "interaction_day";
    }

    @Override
    public List<String> keyColumns() {
        return List.of("utc_day", "user_id", "type");
    }

    @Override
    public List<String> keyTypes() {
        return List.of("bigint", "bigint", "varchar(20)");
    }

    @Override
    public List<String> valueColumns() {
        return List.of("held", "scored", "score_sum");
    }

    @Override
    public String statement(String rows) {
        return "select " + DAY + " as utc_day, i.user_id, i.type, count(*) as held, count(i.outcome_score) as scored,"
                + " coalesce(sum(i.outcome_score), 0) as score_sum from " + rows
                + " where " + SourceRows.heldInteraction("i") + " group by " + DAY + ", i.user_id, i.type";
    }

    @Override
    public String allRows() {
        return "interaction i";
    }

    /** Each key's rows are a range of ix_interaction_user (user_id, occurred_at), the type checked on them. */
    @Override
    public String rowsOfKeys(int keys) {
        String key = "(cast(? as bigint), cast(? as varchar(20)), cast(? as timestamp(6) with time zone),"
                + " cast(? as timestamp(6) with time zone))";
        return "(values " + String.join(", ", Collections.nCopies(keys, key)) + ") k(user_id, type, t0, t1)"
                + " join interaction i on i.user_id = k.user_id and i.occurred_at >= k.t0 and i.occurred_at < k.t1"
                + " and i.type = k.type";
    }

    @Override
    public List<Object> rangeParameters(List<Object> key) {
        long day = (Long) key.get(0);
        return List.of(key.get(1), key.get(2), utc(day * SourceRows.DAY_SECONDS),
                utc((day + 1) * SourceRows.DAY_SECONDS));
    }

    private static OffsetDateTime utc(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
