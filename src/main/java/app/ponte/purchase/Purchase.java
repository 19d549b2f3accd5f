package app.ponte.purchase;

import app.ponte.lead.LeadId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A purchase by a customer (a lead that was won): its local date, amount and order reference. */
public record Purchase(PurchaseId id, LeadId lead, LocalDate purchasedOn, BigDecimal amount, String orderRef,
        Instant createdAt, String createdBy, long version) {
}
