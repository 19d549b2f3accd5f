package app.ponte.lead;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the board shows of one column: its most recent cards, and for the whole column (not only the
 * cards shown) how many leads stand in it and the sum of their expected values (null when none has one).
 */
public record BoardColumnContent(BoardColumn column, List<LeadSummary> cards, long total, BigDecimal expectedValue) {

    public BoardColumnContent {
        cards = List.copyOf(cards);
    }

    /** Whether the column holds more leads than the cards it shows. */
    public boolean hasMore() {
        return total > cards.size();
    }
}
