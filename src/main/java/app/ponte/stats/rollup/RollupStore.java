package app.ponte.stats.rollup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jakarta.persistence.EntityManager;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a {@link Rollup}'s one statement for its three purposes (decision 034): rebuild, keep current,
 * check. The same SQL on H2 and PostgreSQL.
 *
 * <p><b>Keeping keys current without losing a count.</b> Recomputing a key's absolute value from the
 * rows races under READ COMMITTED: a statement whose snapshot was taken before another writer of the
 * same key committed writes a value without that writer's row, and the other writer's value may be
 * written first. So each transaction, just before its commit, first makes sure its keys' rows exist (inserted with zeros, in key
 * order, inside a savepoint: when another writer inserts the same key at the same time, the insert
 * fails once that writer commits, and is retried), then locks them {@code for update} in key order
 * (writers of overlapping keys queue, never deadlock on the keys), and only then recomputes them in a
 * new statement, whose snapshot holds every write committed before the lock was granted. A writer
 * that commits later recomputes the key again under the lock, after this one.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class RollupStore {

    /** Keys per statement: five parameters a key, well inside both databases' limits. */
    static final int CHUNK = 200;
    /**
     * Attempts at a statement that meets another writer of the same keys, a few milliseconds apart (the
     * other writer's transaction is short; H2 may refuse at once instead of waiting for it).
     */
    private static final int ATTEMPTS = 20;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final EntityManager entityManager;

    RollupStore(JdbcClient jdbc, DataSource dataSource, EntityManager entityManager) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    /** Deletes every row and inserts the statement over all source rows; returns the rows written. */
    public long rebuild(Rollup rollup) {
        jdbc.sql("delete from " + rollup.table()).update();
        return jdbc.sql("insert into " + rollup.table() + " (" + columns(rollup) + ") "
                + rollup.statement(rollup.allRows())).update();
    }

    /**
     * How many rows differ between the rollup and its statement over all source rows (rows whose values
     * are all zero are left out: a key whose last row went away keeps a row of zeros). Zero when the
     * rollup is right.
     */
    @Transactional(readOnly = true)
    public long differences(Rollup rollup) {
        String stored = "select " + columns(rollup) + " from " + rollup.table() + " where "
                + rollup.valueColumns().stream().map(c -> c + " <> 0").collect(Collectors.joining(" or "));
        String computed = "select " + columns(rollup) + " from (" + rollup.statement(rollup.allRows()) + ") c";
        return count(stored, computed) + count(computed, stored);
    }

    private long count(String rows, String minus) {
        return jdbc.sql("select count(*) from (" + rows + " except " + minus + ") x").query(Long.class).single();
    }

    /**
     * Recomputes the given keys from the source rows, inside the caller's transaction: gathered and
     * recomputed just before it commits, with every other key the transaction touched (decision 049).
     * Outside a transaction with synchronization (none in the application) at once.
     */
    public void refresh(Rollup rollup, Collection<List<Object>> keys) {
        if (keys.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            refreshNow(rollup, keys);
            return;
        }
        pendingOfCurrentTransaction().add(rollup, keys);
    }

    private Pending pendingOfCurrentTransaction() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending pending && pending.owner() == this) {
                return pending;
            }
        }
        Pending pending = new Pending();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /**
     * A transaction's keys, refreshed once before its commit, every rollup in one global order (table,
     * then key). Every transaction thus takes its rollup keys once, in the same order, after all its row
     * locks, so no two writers deadlock on them, however many events each published; and a long writer
     * (an import file, the demo loader) holds them for milliseconds, not for the whole file.
     */
    private final class Pending implements TransactionSynchronization {

        private final Map<String, Rollup> rollups = new TreeMap<>();
        private final Map<String, TreeSet<List<Object>>> keys = new HashMap<>();

        RollupStore owner() {
            return RollupStore.this;
        }

        void add(Rollup rollup, Collection<List<Object>> more) {
            rollups.putIfAbsent(rollup.table(), rollup);
            keys.computeIfAbsent(rollup.table(), t -> new TreeSet<>(Rollup.KEY_ORDER)).addAll(more);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // the rollups are computed from the rows: the persistence context's pending writes go first
            entityManager.flush();
            for (Rollup rollup : rollups.values()) {
                refreshNow(rollup, keys.get(rollup.table()));
            }
        }
    }

    private void refreshNow(Rollup rollup, Collection<List<Object>> keys) {
        TreeSet<List<Object>> sorted = new TreeSet<>(Rollup.KEY_ORDER);
        sorted.addAll(keys);
        if (sorted.isEmpty()) {
            return;
        }
        List<List<List<Object>>> chunks = chunks(new ArrayList<>(sorted));
        // every insert, then every lock, each in key order across the chunks; a key's row, once made, stays (a
        // rebuild aside), so most writes find every row and skip the insert and its savepoint
        for (List<List<Object>> chunk : chunks) {
            if (existing(rollup, chunk) < chunk.size()) {
                ensureRows(rollup, chunk);
            }
        }
        for (List<List<Object>> chunk : chunks) {
            lock(rollup, chunk);
        }
        for (List<List<Object>> chunk : chunks) {
            recompute(rollup, chunk);
        }
    }

    /** How many of the keys have their row already (a plain read: it locks nothing). */
    private long existing(Rollup rollup, List<List<Object>> keys) {
        return jdbc.sql("select count(*) from " + rollup.table() + " where " + keysIn(rollup, keys.size()))
                .params(keys.stream().flatMap(List::stream).toList())
                .query(Long.class)
                .single();
    }

    /** Inserts the keys' rows that do not exist yet, with zeros, in key order; retried when another writer races. */
    private void ensureRows(Rollup rollup, List<List<Object>> keys) {
        List<String> names = rollup.keyColumns();
        List<String> types = rollup.keyTypes();
        List<String> casts = new ArrayList<>();
        for (String type : types) {
            casts.add("cast(? as " + type + ")");
        }
        String values = String.join(", ", Collections.nCopies(keys.size(), "(" + String.join(", ", casts) + ")"));
        String keyList = String.join(", ", names);
        String sql = "insert into " + rollup.table() + " (" + columns(rollup) + ") select "
                + names.stream().map(c -> "v." + c).collect(Collectors.joining(", ")) + ", "
                + String.join(", ", Collections.nCopies(rollup.valueColumns().size(), "0"))
                + " from (values " + values + ") v(" + keyList + ") where not exists (select 1 from " + rollup.table()
                + " d where " + names.stream().map(c -> "d." + c + " = v." + c).collect(Collectors.joining(" and "))
                + ") order by " + names.stream().map(c -> "v." + c).collect(Collectors.joining(", "));
        List<Object> params = keys.stream().flatMap(List::stream).toList();
        retried(() -> jdbc.sql(sql).params(params).update());
    }

    /** Locks the keys' rows in key order, waiting for writers that hold them (on H2 retried after its lock timeout). */
    private void lock(Rollup rollup, List<List<Object>> keys) {
        String keyList = String.join(", ", rollup.keyColumns());
        List<Object> params = keys.stream().flatMap(List::stream).toList();
        retried(() -> jdbc.sql("select " + keyList + " from " + rollup.table() + " where "
                        + keysIn(rollup, keys.size()) + " order by " + keyList + " for update")
                .params(params)
                .query((rs, n) -> 1)
                .list());
    }

    /**
     * Runs a statement inside a savepoint and runs it again when it meets another writer of the same
     * keys: a duplicate key (the other inserted the key; once it has committed, the next attempt finds
     * the row) or a lock timeout (H2), not a deadlock. Rolling back to the savepoint keeps the transaction
     * usable on PostgreSQL, where a failed statement would abort it.
     */
    private void retried(Runnable statement) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = savepoint(connection);
            try {
                statement.run();
                release(connection, savepoint);
                return;
            } catch (DuplicateKeyException | ConcurrencyFailureException e) {
                rollback(connection, savepoint);
                // a deadlock does not pass: the keys this transaction already holds stay held after the
                // rollback to the savepoint, so the same statement would meet it again
                if (attempt == ATTEMPTS || deadlock(e)) {
                    throw e;
                }
                pause(Math.min(100, 10L * attempt));
            }
        }
    }

    /** PostgreSQL's deadlock_detected (40P01) or H2's deadlock (error 40001). */
    private static boolean deadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState())
                    || (sql.getErrorCode() == 40001 && "40001".equals(sql.getSQLState())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The keys' values from their source rows: zero first (a key whose rows went away), then the statement. Not one
     * merge of the keys left-joined to the statement: H2 runs a joined derived table once per key, which made an
     * import batch of 200 keys quadratic.
     */
    private void recompute(Rollup rollup, List<List<Object>> keys) {
        jdbc.sql("update " + rollup.table() + " set " + rollup.valueColumns().stream().map(c -> c + " = 0")
                        .collect(Collectors.joining(", ")) + " where " + keysIn(rollup, keys.size()))
                .params(keys.stream().flatMap(List::stream).toList())
                .update();
        List<String> names = rollup.keyColumns();
        List<String> values = rollup.valueColumns();
        jdbc.sql("merge into " + rollup.table() + " d using (" + rollup.statement(rollup.rowsOfKeys(keys.size()))
                        + ") s on " + names.stream().map(c -> "d." + c + " = s." + c).collect(Collectors.joining(" and "))
                        + " when matched then update set "
                        + values.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "))
                        + " when not matched then insert (" + columns(rollup) + ") values ("
                        + java.util.stream.Stream.concat(names.stream(), values.stream()).map(c -> "s." + c)
                                .collect(Collectors.joining(", ")) + ")")
                .params(keys.stream().flatMap(k -> rollup.rangeParameters(k).stream()).toList())
                .update();
    }

    /** {@code (k1, k2, …) in ((?, ?, …), …)} for {@code keys} keys. */
    private static String keysIn(Rollup rollup, int keys) {
        String one = "(" + String.join(", ", Collections.nCopies(rollup.keyColumns().size(), "?")) + ")";
        return "(" + String.join(", ", rollup.keyColumns()) + ") in ("
                + String.join(", ", Collections.nCopies(keys, one)) + ")";
    }

    private static String columns(Rollup rollup) {
        return String.join(", ", rollup.keyColumns()) + ", " + String.join(", ", rollup.valueColumns());
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a rollup key", e);
        }
    }

    private static Savepoint savepoint(Connection connection) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("no savepoint", e);
        }
    }

    private static void release(Connection connection, Savepoint savepoint) {
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new IllegalStateException("savepoint not released", e);
        }
    }

    private static void rollback(Connection connection, Savepoint savepoint) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            throw new IllegalStateException("savepoint not rolled back", e);
        }
    }
}
