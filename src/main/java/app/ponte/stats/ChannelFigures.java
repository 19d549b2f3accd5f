package app.ponte.stats;

import java.math.BigDecimal;

/** One channel's leads, customers, spend and revenue; money rounded to cents, the ratio unrounded. */
public record ChannelFigures(String channel, String kind, long leads, long mqls, long customers, BigDecimal spend, BigDecimal cpl,
        BigDecimal cac, BigDecimal revenue, BigDecimal ltv, Double ltvToCac) {

    /** The same figures with every money figure (and the ratio built from money) left out. */
    public ChannelFigures withoutMoney() {
        return new ChannelFigures(channel, kind, leads, mqls, customers, null, null, null, null, null, null);
    }
}
