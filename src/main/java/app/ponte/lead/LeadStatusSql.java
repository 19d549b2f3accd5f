package app.ponte.lead;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The lead statuses as SQL, written once from {@link LeadStatus} (issue 23: "define shared statuses once"): the
 * lead feature's own queries and the statistics' definitions ({@code stats/rollup/SourceRows}) build on these,
 * never on a literal status. Each status is a constant of the enum, so the fragments are safe to inline.
 */
public final class LeadStatusSql {

    /** The open statuses (domain.md: a lead in one of them can stall), from {@link LeadStatus#isOpen()}. */
    public static final List<LeadStatus> OPEN = Arrays.stream(LeadStatus.values()).filter(LeadStatus::isOpen).toList();

    private LeadStatusSql() {
    }

    /** {@code 'WON'}: a status as an SQL string literal. */
    public static String literal(LeadStatus status) {
        return "'" + status.name() + "'";
    }

    /** {@code <column> = 'WON'}. */
    public static String is(String column, LeadStatus status) {
        return column + " = " + literal(status);
    }

    /** {@code <column> in ('NEW', 'MQL')}. */
    public static String in(String column, Collection<LeadStatus> statuses) {
        return column + " in (" + statuses.stream().map(LeadStatusSql::literal).collect(Collectors.joining(", ")) + ")";
    }

    /** A lead in an open status; {@code column} is its status column. */
    public static String open(String column) {
        return in(column, OPEN);
    }

    /**
     * The statuses in the order a list sorts them: NEW, MQL, SQL, OPPORTUNITY, WON, then LOST (the enum's
     * order), as {@code case <column> when 'NEW' then 0 … end}.
     */
    public static String sortOrder(String column) {
        return "case " + column + Arrays.stream(LeadStatus.values())
                .map(s -> " when " + literal(s) + " then " + s.ordinal()).collect(Collectors.joining()) + " end";
    }
}
