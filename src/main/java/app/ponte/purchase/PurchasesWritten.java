package app.ponte.purchase;

import app.ponte.lead.LeadId;
import java.util.List;

/**
 * Purchases were written (recorded, imported, deleted): the leads whose purchases changed. Published
 * <em>inside</em> the writing transaction after the rows are flushed, so the statistics' {@code lead_revenue}
 * (the sum of a lead's purchases) changes with the rows (decision 048), as the lead feature's
 * {@code LeadsWritten}. {@link PurchaseService#PURCHASE_TOPIC} is another thing: a signal to screens, after the
 * commit.
 */
public record PurchasesWritten(List<LeadId> leads) {

    public PurchasesWritten {
        leads = List.copyOf(leads);
    }

    public static PurchasesWritten of(LeadId lead) {
        return new PurchasesWritten(List.of(lead));
    }
}
