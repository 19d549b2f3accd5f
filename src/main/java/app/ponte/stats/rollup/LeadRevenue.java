package app.ponte.stats.rollup;

import app.ponte.lead.LeadId;
import java.util.Collections;
import java.util.List;

/**
 * {@code lead_revenue}: the sum of each lead's purchases — V44.1, kept by the statistics feature from the purchase
 * feature's {@code PurchasesWritten} (decision 048). It replaces {@code lead.revenue}, which V21's trigger on
 * purchase wrote into the lead feature's table. The channels' revenue of their customers reads it, one row per
 * customer of the period. A lead without purchases has no row (or a row of zero after its last purchase went).
 */
public final class LeadRevenue implements Rollup {

    public static final LeadRevenue ROLLUP = new LeadRevenue();

    private LeadRevenue() {
    }

    static List<Object> key(LeadId lead) {
        return List.of(lead.value());
    }

    @Override
    public String table() {
        return "lead_revenue";
    }

    @Override
    public List<String> keyColumns() {
        return List.of("lead_id");
    }

    @Override
    public List<String> keyTypes() {
        return List.of("bigint");
    }

    @Override
    public List<String> valueColumns() {
        return List.of("revenue");
    }

    @Override
    public String statement(String rows) {
        return "select p.lead_id, sum(p.amount) as revenue from " + rows + " group by p.lead_id";
    }

    @Override
    public String allRows() {
        return "purchase p";
    }

    /** Each key's rows are a range of ix_purchase_lead (lead_id, purchased_on, amount), index only. */
    @Override
    public String rowsOfKeys(int keys) {
        return "(values " + String.join(", ", Collections.nCopies(keys, "(cast(? as bigint))")) + ") k(lead_id)"
                + " join purchase p on p.lead_id = k.lead_id";
    }

    @Override
    public List<Object> rangeParameters(List<Object> key) {
        return key;
    }
}
