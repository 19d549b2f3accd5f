package app.ponte.lead;

/**
 * Where a lead stands. Ordered NEW &lt; MQL &lt; SQL &lt; OPPORTUNITY &lt; WON; LOST is outside the
 * order (closed, and a manager may reopen it to NEW).
 */
public enum LeadStatus {
    NEW(0, BridgeStage.AWARENESS),
    MQL(1, BridgeStage.CONSIDERATION),
    SQL(2, BridgeStage.CONSIDERATION),
    OPPORTUNITY(3, BridgeStage.ACQUISITION),
    WON(4, BridgeStage.ACQUISITION),
    LOST(-1, null);

    private final int rank;
    private final BridgeStage stage;

    LeadStatus(int rank, BridgeStage stage) {
        this.rank = rank;
        this.stage = stage;
    }

    /** Position in the order; -1 for LOST, which is not in it. */
    public int rank() {
        return rank;
    }

    /** The span of the bridge; LOST has none of its own (see {@link #stageOf(LeadStatus, LeadStatus)}). */
    public BridgeStage stage() {
        return stage;
    }

    public boolean isOpen() {
        return this == NEW || this == MQL || this == SQL || this == OPPORTUNITY;
    }

    /** The next status forward, or null for WON and LOST. */
    public LeadStatus next() {
        return switch (this) {
            case NEW -> MQL;
            case MQL -> SQL;
            case SQL -> OPPORTUNITY;
            case OPPORTUNITY -> WON;
            case WON, LOST -> null;
        };
    }

    /** The span a lead is on: its status's, or for a lost lead the span it fell from. */
    public static BridgeStage stageOf(LeadStatus status, LeadStatus lostFrom) {
        return status == LOST ? (lostFrom == null ? null : lostFrom.stage()) : status.stage();
    }

    public static LeadStatus ofRank(int rank) {
        for (LeadStatus s : values()) {
            if (s.rank == rank) {
                return s;
            }
        }
        throw new IllegalArgumentException("no status of rank " + rank);
    }
}
