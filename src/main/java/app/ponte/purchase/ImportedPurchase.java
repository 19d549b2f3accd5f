package app.ponte.purchase;

import app.ponte.lead.LeadId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A purchase from history (CSV import, demo data): the lead need not be WON now. */
public record ImportedPurchase(LeadId lead, LocalDate purchasedOn, BigDecimal amount, String orderRef,
        Instant recordedAt) {
}
