package app.ponte.lead.repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * lead.revenue, written around the purchase feature's writes (decision 048): derived from purchases, so it bumps
 * no version (recording a purchase must not turn a colleague's edit of the lead into a conflict). Always inside the
 * caller's transaction.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class LeadRevenueRows {

    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private volatile String lockClause;

    LeadRevenueRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the lead's row until the transaction ends; false when there is no such lead. */
    public boolean lock(long id) {
        return !jdbc.queryForList("select id from lead where id = ? " + lockClause(), Long.class, id).isEmpty();
    }

    public void set(long id, BigDecimal revenue) {
        jdbc.update("update lead set revenue = ? where id = ?", revenue, id);
    }

    /**
     * Every lead's revenue: {@code revenues} (by lead id), 0 for the leads not in it. One {@code merge} per 1,000
     * leads (standard SQL, both databases); 25,000 leads took 5.9 s on PostgreSQL (docs/benchmarks.md).
     */
    public void replaceAll(Map<Long, BigDecimal> revenues) {
        jdbc.update("update lead set revenue = 0 where revenue <> 0");
        List<Map.Entry<Long, BigDecimal>> rows = new ArrayList<>(revenues.entrySet());
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Map.Entry<Long, BigDecimal>> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            List<Object> params = new ArrayList<>(chunk.size() * 2);
            chunk.forEach(e -> {
                params.add(e.getKey());
                params.add(e.getValue());
            });
            jdbc.update("merge into lead l using (values " + String.join(", ", Collections.nCopies(chunk.size(),
                            "(cast(? as bigint), cast(? as numeric(16, 2)))")) + ") v(id, revenue) on l.id = v.id"
                    + " when matched then update set revenue = v.revenue", params.toArray());
        }
    }

    /**
     * PostgreSQL: {@code for no key update}, the lock an update of the row takes, which lets other writers insert
     * rows referring to the lead (a purchase's foreign key takes {@code for key share}), so two writers of one
     * lead's purchases queue here instead of deadlocking (as {@link LeadActivityRows}). H2 has only {@code for update}.
     */
    private String lockClause() {
        String clause = lockClause;
        if (clause == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            clause = product != null && product.toLowerCase(Locale.ROOT).contains("postgres")
                    ? "for no key update" : "for update";
            lockClause = clause;
        }
        return clause;
    }
}
