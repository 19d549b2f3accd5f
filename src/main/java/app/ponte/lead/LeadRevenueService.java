package app.ponte.lead;

import app.ponte.base.BusinessRuleException;
import app.ponte.lead.repository.LeadRevenueRows;
import app.ponte.security.AppRoles;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's revenue — the sum of its purchases — kept on the lead ({@code lead.revenue}, which the channels'
 * revenue reads with the period's customers in one index-only range of ix_lead_first_won) by the lead feature,
 * told by the purchase feature's write path inside its transaction (decision 048), as the interaction feature tells
 * the lead its outcome summary. Not an event: the purchase feature depends on this one, so a listener here would
 * make a cycle. Until V44 a trigger on purchase wrote the column from behind the boundary. Only the purchase
 * feature calls this (ModularityTest checks it).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
@PreAuthorize(AppRoles.HAS_ANY_ROLE)
public class LeadRevenueService {

    private final LeadRevenueRows rows;

    LeadRevenueService(LeadRevenueRows rows) {
        this.rows = rows;
    }

    /**
     * The lead's purchases were written: its row is locked (until the transaction ends), then {@code revenue} — the
     * sum of its purchases as the transaction sees them — is read and stored. Writers of one lead's purchases take
     * turns at the lock, and each sums after the previous one committed, so none is lost.
     */
    public void purchasesChanged(LeadId lead, Supplier<BigDecimal> revenue) {
        if (!rows.lock(lead.value())) {
            throw new BusinessRuleException(null, "lead.error.not-found");
        }
        rows.set(lead.value(), revenue.get());
    }

    /** Every lead's revenue replaced by the sums given (0 for a lead without): after purchases written with plain SQL. */
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public void replaceAll(Map<LeadId, BigDecimal> revenues) {
        Map<Long, BigDecimal> byId = new HashMap<>();
        revenues.forEach((lead, revenue) -> byId.put(lead.value(), revenue));
        rows.replaceAll(byId);
    }
}
