package app.ponte.stats.rollup;

import java.util.Comparator;
import java.util.List;

/**
 * One rollup, defined once (decision 034): its table, its key and value columns, and <em>the one
 * statement</em> that computes its rows from the source rows — {@code select key…, count/sum… from
 * <rows> where … group by key…}. {@link RollupStore} runs that statement for the three purposes:
 * the rebuild (over all source rows), keeping the rollup current (over the source rows of the keys a
 * write touched) and the check (the stored rows against the statement over all source rows). The
 * statement is standard SQL, the same on H2 and PostgreSQL.
 *
 * <p>A key is the list of its column values in {@link #keyColumns()} order (numbers and strings);
 * keys are compared column by column, which is the order in which writers lock them.
 */
public interface Rollup {

    /** Keys in key order: column by column, as the primary key orders them. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    String table();

    /** The key columns, in the primary key's order. */
    List<String> keyColumns();

    /** The SQL type of each key column, for the typed {@code values} lists of keys. */
    List<String> keyTypes();

    List<String> valueColumns();

    /**
     * The one statement: the key columns, then the value columns, grouped by the key, over the source
     * rows {@code rows} (a from-item: {@link #allRows()} or {@link #rowsOfKeys(int)}).
     */
    String statement(String rows);

    /** Every source row: the rebuild and the check. */
    String allRows();

    /**
     * The source rows of {@code keys} keys, with {@code ?} parameters given per key by
     * {@link #rangeParameters}: an index range of the source table for each key, so keeping the rollup
     * current reads only the rows of the keys a write touched.
     */
    String rowsOfKeys(int keys);

    /** The parameters of one key in {@link #rowsOfKeys(int)}. */
    List<Object> rangeParameters(List<Object> key);
}
