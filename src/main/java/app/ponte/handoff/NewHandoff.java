package app.ponte.handoff;

import app.ponte.lead.LeadId;
import app.ponte.security.UserId;

/**
 * A marketer passes an MQL to sales.
 *
 * @param lead the MQL lead
 * @param to the salesperson, or {@code null} for the sales queue
 * @param note what the lead wants and why it is qualified
 */
public record NewHandoff(LeadId lead, UserId to, String note) {

    public static NewHandoff toQueue(LeadId lead, String note) {
        return new NewHandoff(lead, null, note);
    }
}
