package app.ponte.purchase;

import java.math.BigDecimal;
import java.time.YearMonth;

/** Marketing spend of one channel in one calendar month. */
public record MonthlySpend(String channelCode, YearMonth month, BigDecimal amount, long version) {
}
