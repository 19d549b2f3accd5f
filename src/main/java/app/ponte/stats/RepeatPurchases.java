package app.ponte.stats;

import java.math.BigDecimal;
import java.util.Map;

/** Buyers of a period by how often they bought, and the repeat buyers' share of the revenue. */
public record RepeatPurchases(long buyers, long oneTime, long repeat, Map<String, Long> histogram, BigDecimal revenue,
        Double repeatRevenueShare) {

    /** The same figures without the revenue (the repeat buyers' share of it is no amount, and stays). */
    public RepeatPurchases withoutMoney() {
        return new RepeatPurchases(buyers, oneTime, repeat, histogram, null, repeatRevenueShare);
    }
}
