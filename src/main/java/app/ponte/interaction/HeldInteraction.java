package app.ponte.interaction;

/**
 * A held interaction: one that happened, not one planned for later (domain.md). Only held ones count in a lead's
 * outcome summary and in the statistics; the interaction feature's queries and the statistics' definitions
 * ({@code stats/rollup/SourceRows}) build on this one fragment (issue 23: "define shared statuses once").
 */
public final class HeldInteraction {

    private HeldInteraction() {
    }

    /** {@code <alias>.planned = false}; {@code alias} is the interaction table's alias. */
    public static String sql(String alias) {
        return alias + ".planned = false";
    }
}
