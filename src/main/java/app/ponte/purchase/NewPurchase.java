package app.ponte.purchase;

import app.ponte.lead.LeadId;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A purchase to record; {@code orderRef} is optional. */
public record NewPurchase(LeadId lead, LocalDate purchasedOn, BigDecimal amount, String orderRef) {
}
