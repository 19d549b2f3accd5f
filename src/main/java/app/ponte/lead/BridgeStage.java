package app.ponte.lead;

import java.util.List;

/** The three spans of the bridge. */
public enum BridgeStage {
    AWARENESS,
    CONSIDERATION,
    ACQUISITION;

    /** The ordered statuses that stand on this span (LOST excluded). */
    public List<LeadStatus> statuses() {
        return java.util.Arrays.stream(LeadStatus.values()).filter(s -> s.stage() == this).toList();
    }
}
