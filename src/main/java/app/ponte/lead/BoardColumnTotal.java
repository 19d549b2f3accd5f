package app.ponte.lead;

import java.math.BigDecimal;

/** How many leads stand in a board column and the sum of their expected values (null when none has one). */
public record BoardColumnTotal(long leads, BigDecimal expectedValue) {

    public static final BoardColumnTotal NONE = new BoardColumnTotal(0, null);

    /** This total with more leads added (the grouped statement returns a lost column in parts). */
    public BoardColumnTotal plus(long moreLeads, BigDecimal moreValue) {
        return new BoardColumnTotal(leads + moreLeads, expectedValue == null ? moreValue
                : moreValue == null ? expectedValue : expectedValue.add(moreValue));
    }
}
