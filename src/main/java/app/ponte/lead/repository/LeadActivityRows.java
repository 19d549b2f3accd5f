package app.ponte.lead.repository;

import app.ponte.lead.LeadActivityWritten;
import app.ponte.lead.LeadStatus;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads' keys among the open leads of the statistics (status, last activity), read around a write that
 * bypasses the entity (the interactions' outcome summary): {@link #lock} before it, with the rows locked
 * until the transaction ends, so the key before is the row's own and no other writer moves the lead in
 * between; {@link #read} after it. Always inside the lead service's transaction.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class LeadActivityRows {

    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private volatile String lockClause;

    LeadActivityRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The leads' keys, their rows locked in id order (as every writer of several leads locks them). */
    public Map<Long, LeadActivityWritten.Key> lock(Collection<Long> ids) {
        return keys(ids, " order by id " + lockClause());
    }

    /** The leads' keys as the transaction sees them now. */
    public Map<Long, LeadActivityWritten.Key> read(Collection<Long> ids) {
        return keys(ids, "");
    }

    private Map<Long, LeadActivityWritten.Key> keys(Collection<Long> ids, String tail) {
        List<Long> sorted = ids.stream().distinct().sorted().toList();
        Map<Long, LeadActivityWritten.Key> keys = new LinkedHashMap<>();
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            List<Long> chunk = new ArrayList<>(sorted.subList(from, Math.min(sorted.size(), from + CHUNK)));
            jdbc.query("select id, status, last_activity_at from lead where id in ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")" + tail, rs -> {
                        keys.put(rs.getLong("id"), new LeadActivityWritten.Key(LeadStatus.valueOf(rs.getString("status")),
                                rs.getObject("last_activity_at", OffsetDateTime.class).toInstant()));
                    }, chunk.toArray());
        }
        return keys;
    }

    /**
     * PostgreSQL: {@code for no key update}, the lock an update of the row takes, which lets other writers
     * insert rows referring to the lead (an interaction: {@code for key share}); {@code for update} would
     * wait for them and deadlock two interaction logs of one lead. H2 has only {@code for update}.
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
